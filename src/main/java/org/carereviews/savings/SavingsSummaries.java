package org.carereviews.savings;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.carereviews.common.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code savings_summary}, what the roll-up reads, in step with {@code savings_fact}: the
 * effects of the entries summed per financial year, {@link Grouping}, group, kind and stage. Each
 * change is applied as a difference (added entries; a saving's rows before and after a status move)
 * inside the ledger's transaction, so two transactions that touch the same summary row both count:
 * they add to the row rather than write a total read earlier. On PostgreSQL that is {@code INSERT
 * ... ON CONFLICT DO UPDATE}, which turns a concurrent insert of the same key into an add; on H2
 * (the embedded default) a {@code MERGE}, tried again as an update when another transaction
 * inserted the row first. A transaction updates its summary rows in key order, so two of them never
 * wait on each other in a cycle.
 */
@Component
class SavingsSummaries {

  /** How the summaries are keyed; a theme is the sum of its lines. */
  enum Grouping {
    LINE("f.savings_line_code"),
    CLIENT_GROUP("a.client_group"),
    TEAM("a.team_code"),
    /** The cohort combination, {@code ''} for a person in no cohort. */
    COHORT("coalesce(a.cohorts, '')"),
    /** The effective month, {@code YYYY-MM}. */
    MONTH("f.effective_month");

    private final String factExpression;

    Grouping(String factExpression) {
      this.factExpression = factExpression;
    }
  }

  private static final String COLUMNS =
      """
      financial_year, grouped_by, group_key, kind, stage, in_year_effect, full_year_effect, carry_forward_effect,
      validated_in_year, validated_full_year, validated_carry_forward, entries""";

  /**
   * The facts that meet {@code %s}, summed per summary key: what the rebuild inserts, and each
   * difference reads.
   */
  private static final String SUMS =
      """
      select financial_year, grouped_by, group_key, kind, stage, sum(in_year_effect) as in_year_effect,
        sum(full_year_effect) as full_year_effect, sum(carry_forward_effect) as carry_forward_effect,
        sum(validated_in_year) as validated_in_year, sum(validated_full_year) as validated_full_year,
        sum(validated_carry_forward) as validated_carry_forward, count(*) as entries
      from (
        select f.financial_year, g.grouped_by, case g.grouped_by %s end as group_key, f.kind, f.stage,
          f.in_year_effect, f.full_year_effect, f.carry_forward_effect, f.validated_in_year, f.validated_full_year,
          f.validated_carry_forward
        from savings_fact f
        join cost_change_attribution a on a.cost_change_id = f.cost_change_id
        cross join (values %s) g (grouped_by)
        where %%s) keyed
      group by financial_year, grouped_by, group_key, kind, stage
      """
          .formatted(
              Arrays.stream(Grouping.values())
                  .map(g -> "when '" + g.name() + "' then " + g.factExpression)
                  .collect(Collectors.joining(" ")),
              Arrays.stream(Grouping.values())
                  .map(g -> "('" + g.name() + "')")
                  .collect(Collectors.joining(", ")));

  /** Adds a difference ({@code %2$s}) to a summary row ({@code %1$s}). */
  private static final String ADD =
      """
      in_year_effect = %1$s.in_year_effect + %2$s.in_year_effect,
      full_year_effect = %1$s.full_year_effect + %2$s.full_year_effect,
      carry_forward_effect = %1$s.carry_forward_effect + %2$s.carry_forward_effect,
      validated_in_year = %1$s.validated_in_year + %2$s.validated_in_year,
      validated_full_year = %1$s.validated_full_year + %2$s.validated_full_year,
      validated_carry_forward = %1$s.validated_carry_forward + %2$s.validated_carry_forward,
      entries = %1$s.entries + %2$s.entries""";

  /**
   * PostgreSQL: adds to the row, or inserts it; an insert of the same key by another transaction
   * becomes an add.
   */
  private static final String UPSERT_POSTGRESQL =
      """
      insert into savings_summary (%s)
      values (:financialYear, :groupedBy, :groupKey, :kind, :stage, :inYear, :fullYear, :carryForward,
        :validatedInYear, :validatedFullYear, :validatedCarryForward, :entries)
      on conflict (financial_year, grouped_by, group_key, kind, stage) do update set %s
      """
          .formatted(COLUMNS, ADD.formatted("savings_summary", "excluded"));

  /**
   * H2: the same as a MERGE, which fails when another transaction inserts the key first (see {@link
   * #apply}).
   */
  private static final String MERGE_H2 =
      """
      merge into savings_summary s
      using (select cast(:financialYear as integer) as financial_year, cast(:groupedBy as varchar(20)) as grouped_by,
          cast(:groupKey as varchar(1000)) as group_key, cast(:kind as varchar(40)) as kind,
          cast(:stage as varchar(20)) as stage, cast(:inYear as numeric(18,2)) as in_year_effect,
          cast(:fullYear as numeric(18,2)) as full_year_effect,
          cast(:carryForward as numeric(18,2)) as carry_forward_effect,
          cast(:validatedInYear as numeric(18,2)) as validated_in_year,
          cast(:validatedFullYear as numeric(18,2)) as validated_full_year,
          cast(:validatedCarryForward as numeric(18,2)) as validated_carry_forward,
          cast(:entries as bigint) as entries) d
      on s.financial_year = d.financial_year and s.grouped_by = d.grouped_by and s.group_key = d.group_key
        and s.kind = d.kind and s.stage = d.stage
      when matched then update set %s
      when not matched then insert (%s)
        values (d.financial_year, d.grouped_by, d.group_key, d.kind, d.stage, d.in_year_effect, d.full_year_effect,
          d.carry_forward_effect, d.validated_in_year, d.validated_full_year, d.validated_carry_forward, d.entries)
      """
          .formatted(ADD.formatted("s", "d"), COLUMNS);

  /** A summary row's key. */
  record Key(int financialYear, String groupedBy, String groupKey, String kind, String stage)
      implements Comparable<Key> {

    private static final Comparator<Key> ORDER =
        Comparator.comparingInt(Key::financialYear)
            .thenComparing(Key::groupedBy)
            .thenComparing(Key::groupKey)
            .thenComparing(Key::kind)
            .thenComparing(Key::stage);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * A summary row's sums: the claimed effects, the effects at the validated amount, and how many
   * entries.
   */
  record Sums(
      Money inYear,
      Money fullYear,
      Money carryForward,
      Money validatedInYear,
      Money validatedFullYear,
      Money validatedCarryForward,
      long entries) {

    Sums minus(Sums other) {
      return new Sums(
          inYear.minus(other.inYear),
          fullYear.minus(other.fullYear),
          carryForward.minus(other.carryForward),
          validatedInYear.minus(other.validatedInYear),
          validatedFullYear.minus(other.validatedFullYear),
          validatedCarryForward.minus(other.validatedCarryForward),
          entries - other.entries);
    }

    boolean isNothing() {
      return entries == 0
          && inYear.isZero()
          && fullYear.isZero()
          && carryForward.isZero()
          && validatedInYear.isZero()
          && validatedFullYear.isZero()
          && validatedCarryForward.isZero();
    }

    static final Sums NONE =
        new Sums(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0);
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final boolean postgres;

  SavingsSummaries(NamedParameterJdbcTemplate jdbc) throws MetaDataAccessException {
    this.jdbc = jdbc;
    String product =
        JdbcUtils.extractDatabaseMetaData(
            jdbc.getJdbcTemplate().getDataSource(), DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
  }

  /** Adds the entries whose facts were just written in this transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  void entriesAdded(Collection<Long> entryIds) {
    if (!entryIds.isEmpty()) {
      apply(
          sums("f.cost_change_id in (:ids)", new MapSqlParameterSource("ids", entryIds)), Map.of());
    }
  }

  /**
   * Moves the sums of a saving and the entries that adjust it as {@code factsUpdate} changes their
   * facts (stage, validated amounts). The facts are locked first, so two moves of the same saving
   * take turns and each subtracts what the other left.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void savingRestated(long changeEntryId, Runnable factsUpdate) {
    MapSqlParameterSource params = new MapSqlParameterSource("id", changeEntryId);
    jdbc.queryForList(
        "select cost_change_id from savings_fact where stage_entry_id = :id for update", params);
    Map<Key, Sums> before = sums("f.stage_entry_id = :id", params);
    factsUpdate.run();
    apply(sums("f.stage_entry_id = :id", params), before);
  }

  /** Recomputes every summary from {@code savings_fact} (which must be complete). */
  @Transactional(propagation = Propagation.MANDATORY)
  void rebuild() {
    jdbc.update("delete from savings_summary", new MapSqlParameterSource());
    jdbc.update(
        "insert into savings_summary (" + COLUMNS + ") " + SUMS.formatted("1 = 1"),
        new MapSqlParameterSource());
  }

  private Map<Key, Sums> sums(String condition, MapSqlParameterSource params) {
    Map<Key, Sums> sums = new TreeMap<>();
    jdbc.query(
        SUMS.formatted(condition),
        params,
        rs -> {
          sums.put(
              new Key(
                  rs.getInt("financial_year"),
                  rs.getString("grouped_by"),
                  rs.getString("group_key"),
                  rs.getString("kind"),
                  rs.getString("stage")),
              sums(rs));
        });
    return sums;
  }

  private static Sums sums(ResultSet rs) throws SQLException {
    return new Sums(
        money(rs, "in_year_effect"),
        money(rs, "full_year_effect"),
        money(rs, "carry_forward_effect"),
        money(rs, "validated_in_year"),
        money(rs, "validated_full_year"),
        money(rs, "validated_carry_forward"),
        rs.getLong("entries"));
  }

  private static Money money(ResultSet rs, String column) throws SQLException {
    return Money.of(rs.getBigDecimal(column));
  }

  /**
   * Adds {@code after - before} to the summaries, key by key in order, leaving out keys that do not
   * change.
   */
  private void apply(Map<Key, Sums> after, Map<Key, Sums> before) {
    Map<Key, Sums> difference = new TreeMap<>();
    after.forEach(
        (key, sums) -> difference.put(key, sums.minus(before.getOrDefault(key, Sums.NONE))));
    before.forEach((key, sums) -> difference.putIfAbsent(key, Sums.NONE.minus(sums)));
    SqlParameterSource[] rows =
        difference.entrySet().stream()
            .filter(e -> !e.getValue().isNothing())
            .map(e -> parameters(e.getKey(), e.getValue()))
            .toArray(SqlParameterSource[]::new);
    if (postgres) {
      jdbc.batchUpdate(UPSERT_POSTGRESQL, rows);
      return;
    }
    for (SqlParameterSource row : rows) {
      try {
        jdbc.update(MERGE_H2, row);
      } catch (DuplicateKeyException insertedMeanwhile) {
        // Another transaction inserted this key and committed; H2 undid only this statement: now it
        // is an update.
        jdbc.update(MERGE_H2, row);
      }
    }
  }

  private static SqlParameterSource parameters(Key key, Sums sums) {
    return new MapSqlParameterSource()
        .addValue("financialYear", key.financialYear())
        .addValue("groupedBy", key.groupedBy())
        .addValue("groupKey", key.groupKey())
        .addValue("kind", key.kind())
        .addValue("stage", key.stage())
        .addValue("inYear", sums.inYear().amount())
        .addValue("fullYear", sums.fullYear().amount())
        .addValue("carryForward", sums.carryForward().amount())
        .addValue("validatedInYear", sums.validatedInYear().amount())
        .addValue("validatedFullYear", sums.validatedFullYear().amount())
        .addValue("validatedCarryForward", sums.validatedCarryForward().amount())
        .addValue("entries", sums.entries());
  }
}

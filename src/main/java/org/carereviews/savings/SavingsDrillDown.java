package org.carereviews.savings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.web.RequestEnums;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entries behind any figure of the roll-up: the same filters as the roll-up's SQL, so the
 * entries' amounts add up to the figure, to the penny.
 */
@Service
public class SavingsDrillDown {

  /**
   * Which of the roll-up's stages a figure is. Every stage counts an entry at its current amount
   * ({@code validated_*}: the claim until finance validates another amount), so an entry shows the
   * same amount in each stage that counts it; growth, which has no validation stages, counts in
   * each.
   */
  public enum Stage {
    IDENTIFIED("f.stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED')", "validated_"),
    VALIDATED(
        "(f.stage in ('VALIDATED', 'RATIFIED') or (f.kind = 'GROWTH' and f.stage = 'IDENTIFIED'))",
        "validated_"),
    RATIFIED(
        "(f.stage = 'RATIFIED' or (f.kind = 'GROWTH' and f.stage = 'IDENTIFIED'))", "validated_");

    private final String condition;
    private final String columnPrefix;

    Stage(String condition, String columnPrefix) {
      this.condition = condition;
      this.columnPrefix = columnPrefix;
    }
  }

  /** Which part of a stage's figures: in-year, full-year, or carried in from the year before. */
  public enum Part {
    IN_YEAR("in_year_effect", "in_year", false),
    FULL_YEAR("full_year_effect", "full_year", false),
    CARRIED_IN("carry_forward_effect", "carry_forward", true);

    private final String claimedColumn;
    private final String validatedColumn;
    private final boolean previousYear;

    Part(String claimedColumn, String validatedColumn, boolean previousYear) {
      this.claimedColumn = claimedColumn;
      this.validatedColumn = validatedColumn;
      this.previousYear = previousYear;
    }

    String column(Stage stage) {
      return stage.columnPrefix + validatedColumn;
    }

    /**
     * {@code inYear}, {@code fullYear}, {@code carriedIn} as in the URL, and in the values a
     * refusal lists.
     */
    @Override
    public String toString() {
      return RequestEnums.camelCase(this);
    }
  }

  /**
   * A figure to drill into: the roll-up of {@code financialYear}, optionally one {@code group} of a
   * {@code groupBy} and one {@code kind}; the figure is {@code stage} x {@code part}.
   */
  public record Figure(
      FinancialYear financialYear,
      GroupBy groupBy,
      String group,
      SavingsKind kind,
      Stage stage,
      Part part) {}

  /**
   * One entry behind a figure. {@code personName} and {@code reason} are null when the reader's
   * role has no need to see them ({@code namesMasked}).
   */
  public record Entry(
      long entryId,
      EntryType entryType,
      Long adjustsEntryId,
      SourceProcess source,
      String sourceReference,
      String packageReference,
      String personReference,
      String personName,
      String team,
      String clientGroup,
      String savingsLine,
      SavingsKind kind,
      String stage,
      LocalDate effectiveDate,
      Money oldNetWeeklyCost,
      Money newNetWeeklyCost,
      Money weeklyDelta,
      Money amount,
      String reason,
      String recordedBy,
      Instant recordedAt) {}

  public record EntriesPage(
      Figure figure,
      Money total,
      boolean namesMasked,
      List<Entry> content,
      int page,
      int size,
      long totalElements,
      int totalPages) {}

  private static final String FROM_WHERE =
      """
      from savings_fact f
      %s
      join cost_change c on c.id = f.cost_change_id
      join care_package cp on cp.id = c.care_package_id
      where f.financial_year = :entryYear and %s %s %s
      """;

  private static final String SELECT =
      """
      select c.id, c.entry_type, c.adjusts_entry_id, c.source_process, c.source_reference, cp.reference as package_ref,
        p.reference as person_ref, p.display_name, a.team_code as team, a.client_group, f.savings_line_code, f.kind,
        f.stage, c.effective_date, c.old_net_weekly_cost, c.new_net_weekly_cost, c.weekly_delta, f.%s as amount,
        c.reason, c.recorded_by, c.recorded_at
      """;

  private final NamedParameterJdbcTemplate jdbc;

  SavingsDrillDown(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public EntriesPage page(Figure figure, int page, int size, boolean maskNames) {
    MapSqlParameterSource params = parameters(figure);
    String fromWhere = fromWhere(figure);
    record Summary(long count, Money total) {}
    Summary summary =
        jdbc.queryForObject(
            "select count(*), coalesce(sum(f."
                + figure.part().column(figure.stage())
                + "), 0) "
                + fromWhere,
            params,
            (rs, i) -> new Summary(rs.getLong(1), Money.rounded(rs.getBigDecimal(2))));
    params.addValue("limit", size).addValue("offset", (long) page * size);
    List<Entry> content =
        jdbc.query(
            select(figure)
                + fromWhere
                + " order by c.effective_date, c.id "
                + "limit :limit offset :offset",
            params,
            (rs, i) -> entry(rs, maskNames));
    int totalPages = (int) ((summary.count() + size - 1) / size);
    return new EntriesPage(
        figure, summary.total(), maskNames, content, page, size, summary.count(), totalPages);
  }

  /**
   * Every entry behind a figure, in order, one at a time (for exports; nothing is held in memory).
   */
  @Transactional(readOnly = true)
  public void forEach(Figure figure, boolean maskNames, Consumer<Entry> consumer) {
    jdbc.query(
        select(figure) + fromWhere(figure) + " order by c.effective_date, c.id",
        parameters(figure),
        rs -> {
          consumer.accept(entry(rs, maskNames));
        });
  }

  private static String select(Figure figure) {
    return SELECT.formatted(figure.part().column(figure.stage()));
  }

  private static String fromWhere(Figure figure) {
    String groupCondition =
        figure.groupBy() == null || figure.group() == null
            ? ""
            : "and " + figure.groupBy().entryExpression() + " = :group";
    String kindCondition = figure.kind() == null ? "" : "and f.kind = :kind";
    return FROM_WHERE.formatted(
        SavingsRollup.DRILL_DOWN_JOINS, figure.stage().condition, groupCondition, kindCondition);
  }

  private static MapSqlParameterSource parameters(Figure figure) {
    FinancialYear year = figure.financialYear();
    return SavingsRollup.yearParameters(year)
        .addValue(
            "entryYear",
            figure.part().previousYear ? year.previous().startYear() : year.startYear())
        .addValue("group", figure.group())
        .addValue("kind", figure.kind() == null ? null : figure.kind().name());
  }

  private static Entry entry(ResultSet rs, boolean maskNames) throws SQLException {
    long adjusts = rs.getLong("adjusts_entry_id");
    Long adjustsEntryId = rs.wasNull() ? null : adjusts;
    return new Entry(
        rs.getLong("id"),
        EntryType.valueOf(rs.getString("entry_type")),
        adjustsEntryId,
        SourceProcess.valueOf(rs.getString("source_process")),
        rs.getString("source_reference"),
        rs.getString("package_ref"),
        rs.getString("person_ref"),
        maskNames ? null : rs.getString("display_name"),
        rs.getString("team"),
        rs.getString("client_group"),
        rs.getString("savings_line_code"),
        SavingsKind.valueOf(rs.getString("kind")),
        rs.getString("stage"),
        rs.getObject("effective_date", LocalDate.class),
        Money.rounded(rs.getBigDecimal("old_net_weekly_cost")),
        Money.rounded(rs.getBigDecimal("new_net_weekly_cost")),
        Money.rounded(rs.getBigDecimal("weekly_delta")),
        Money.rounded(rs.getBigDecimal("amount")),
        maskNames ? null : rs.getString("reason"),
        rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant());
  }
}

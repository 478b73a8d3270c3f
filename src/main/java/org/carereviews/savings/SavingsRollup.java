package org.carereviews.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.web.RequestEnums;
import org.carereviews.savings.SavingsSummaries.Grouping;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The savings-delivered roll-up for one financial year, grouped by savings line, theme, client
 * group, team, cohort or month, and always by kind: cashable savings, cost avoidance and growth are
 * never added together.
 *
 * <p>For year Y and each stage (identified; validated, at the validated amount; ratified =
 * delivered), from the ledger's stored effects:
 * <ul>
 *   <li>{@code inYear}: in-year effects of entries effective in Y;
 *   <li>{@code fullYear}: full-year effects of the same entries;
 *   <li>{@code carriedIn}: carry-forward effects of entries effective in Y-1, which count as
 *       incremental savings of Y;
 *   <li>{@code incremental}: inYear + carriedIn, what Y's programme reports against its target;
 *   <li>{@code percentOfTarget}: incremental / target.
 * </ul>
 * {@code variance} is identified incremental minus target: savings and targets are negative, so a
 * positive variance is a shortfall, and such a line is {@code atRisk}. Identified includes what was
 * validated and ratified; rejected and withdrawn savings count nowhere. An adjusting entry (clawback,
 * reversal, correction) counts at the stage of the saving it adjusts. Team, client group and cohort
 * are the person's when the entry was recorded (see {@link CostChangeAttributions}).
 *
 * <p>The figures come from {@code savings_summary} (see {@link SavingsSummaries}): a few rows per
 * group, kind and stage for the two years, however many entries the ledger holds.
 */
@Service
public class SavingsRollup {

  static final String NO_COHORT = "(no cohort)";

  /**
   * What a roll-up can be grouped by: the summaries it reads, a SQL expression over them
   * ({@code savings_summary s}) and the joins it needs; and the same grouping over the entries
   * ({@code savings_fact f} with {@code cost_change_attribution a} and {@code savings_line l}), for
   * the drill-down.
   */
  public enum GroupBy {
    LINE(Grouping.LINE, "s.group_key", "", "f.savings_line_code"),
    THEME(Grouping.LINE, "l.theme", "join savings_line l on l.code = s.group_key", "l.theme"),
    CLIENT_GROUP(Grouping.CLIENT_GROUP, "s.group_key", "", "a.client_group"),
    TEAM(Grouping.TEAM, "s.group_key", "", "a.team_code"),
    COHORT(Grouping.COHORT, "coalesce(nullif(s.group_key, ''), '" + NO_COHORT + "')", "",
        "coalesce(a.cohorts, '" + NO_COHORT + "')"),
    MONTH(Grouping.MONTH, "case when s.financial_year = :year then s.group_key else :carriedInLabel end", "",
        "case when f.financial_year = :year then f.effective_month else :carriedInLabel end");

    private final Grouping summaries;
    private final String expression;
    private final String joins;
    private final String entryExpression;

    GroupBy(Grouping summaries, String expression, String joins, String entryExpression) {
      this.summaries = summaries;
      this.expression = expression;
      this.joins = joins;
      this.entryExpression = entryExpression;
    }

    /** {@code line}, {@code clientGroup}, ... as in the URL. */
    public String parameter() {
      return RequestEnums.camelCase(this);
    }

    /** As in the URL, so that a refused value lists the values allowed the way they are written. */
    @Override
    public String toString() {
      return parameter();
    }

    /** The summaries this grouping reads ({@code savings_summary.grouped_by}). */
    Grouping summaries() {
      return summaries;
    }

    /** The group, over {@code savings_summary s} and {@link #joins()}. */
    String expression() {
      return expression;
    }

    /** The joins this grouping needs over {@code savings_summary s}, and only those. */
    String joins() {
      return joins;
    }

    /** The group of an entry, over {@link SavingsRollup#DRILL_DOWN_JOINS}. */
    String entryExpression() {
      return entryExpression;
    }

    /** Whether targets exist at this grain (targets belong to lines, and so to themes). */
    boolean hasTargets() {
      return this == LINE || this == THEME;
    }

    String targetExpression() {
      return this == LINE ? "l.code" : "l.theme";
    }
  }

  /** One stage's figures. */
  public record StageFigures(Money inYear, Money fullYear, Money carriedIn, Money incremental,
      BigDecimal percentOfTarget) {
  }

  /** One group's figures for one kind. {@code group} is null in the totals. */
  public record Figures(String group, SavingsKind kind, Money target, StageFigures identified,
      StageFigures validated, StageFigures ratified, Money variance, boolean atRisk, long entries) {
  }

  public record Rollup(FinancialYear financialYear, String groupBy, List<Figures> rows, List<Figures> totals) {
  }

  /** The label of carry-forward figures when grouping by month. */
  static String carriedInLabel(FinancialYear year) {
    return "carried in from " + year.previous();
  }

  /** The joins of a drill-down over {@code savings_fact f}: each entry's line, person and attribution. */
  static final String DRILL_DOWN_JOINS = """
      join savings_line l on l.code = f.savings_line_code
      join person p on p.id = f.person_id
      join cost_change_attribution a on a.cost_change_id = f.cost_change_id
      """;

  /** The year's figures from the summaries; a summary row left with no entries (they moved stage) shows nothing. */
  private static final String FIGURES = """
      select grp, kind,
        sum(case when financial_year = :year then in_year_effect else 0 end) as identified_in_year,
        sum(case when financial_year = :year then full_year_effect else 0 end) as identified_full_year,
        sum(case when financial_year = :previousYear then carry_forward_effect else 0 end) as identified_carried_in,
        sum(case when financial_year = :year and stage <> 'IDENTIFIED' then validated_in_year else 0 end)
          as validated_in_year,
        sum(case when financial_year = :year and stage <> 'IDENTIFIED' then validated_full_year else 0 end)
          as validated_full_year,
        sum(case when financial_year = :previousYear and stage <> 'IDENTIFIED' then validated_carry_forward
          else 0 end) as validated_carried_in,
        sum(case when financial_year = :year and stage = 'RATIFIED' then validated_in_year else 0 end)
          as ratified_in_year,
        sum(case when financial_year = :year and stage = 'RATIFIED' then validated_full_year else 0 end)
          as ratified_full_year,
        sum(case when financial_year = :previousYear and stage = 'RATIFIED' then validated_carry_forward
          else 0 end) as ratified_carried_in,
        sum(entries) as entries
      from (
        select %1$s as grp, s.kind, s.financial_year, s.stage, s.in_year_effect, s.full_year_effect,
          s.carry_forward_effect, s.validated_in_year, s.validated_full_year, s.validated_carry_forward, s.entries
        from savings_summary s
        %2$s
        where s.grouped_by = :groupedBy and s.financial_year in (:year, :previousYear)
          and s.stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED') and s.entries > 0) grouped
      group by grp, kind
      """;

  /** Targets of the year; {@code %1$s} is over {@code savings_line l}. */
  private static final String TARGETS = """
      select grp, kind, sum(target) as target from (
        select %1$s as grp, l.kind as kind, st.target
        from savings_target st join savings_line l on l.code = st.savings_line_code
        where st.financial_year = :year) grouped
      group by grp, kind
      """;

  private final NamedParameterJdbcTemplate jdbc;

  SavingsRollup(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static MapSqlParameterSource yearParameters(FinancialYear year) {
    return new MapSqlParameterSource()
        .addValue("year", year.startYear())
        .addValue("previousYear", year.previous().startYear())
        .addValue("carriedInLabel", carriedInLabel(year));
  }

  @Transactional(readOnly = true)
  public Rollup rollup(FinancialYear year, GroupBy groupBy) {
    MapSqlParameterSource params = yearParameters(year).addValue("groupedBy", groupBy.summaries().name());
    List<Figures> rows = figures(groupBy.expression(), groupBy.joins(), params,
        groupBy.hasTargets() ? targets(groupBy.targetExpression(), params) : null);
    return new Rollup(year, groupBy.parameter(), rows, totals(rows, targets("'total'", params)));
  }

  /** Totals per kind are the sums of the rows (so they always add up), against all the year's targets. */
  private static List<Figures> totals(List<Figures> rows, Map<String, BigDecimal> targets) {
    Map<SavingsKind, List<Figures>> byKind = new java.util.EnumMap<>(SavingsKind.class);
    rows.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
    targets.keySet().forEach(key -> byKind.computeIfAbsent(SavingsKind.valueOf(key.split("\u0000", 2)[1]),
        k -> new ArrayList<>()));
    List<Figures> totals = new ArrayList<>();
    byKind.forEach((kind, kindRows) -> {
      Money target = money(targets.get(key("total", kind)));
      totals.add(figures(null, kind, target, sum(kindRows, Figures::identified, target),
          sum(kindRows, Figures::validated, target), sum(kindRows, Figures::ratified, target),
          kindRows.stream().mapToLong(Figures::entries).sum()));
    });
    return totals;
  }

  private static StageFigures sum(List<Figures> rows, java.util.function.Function<Figures, StageFigures> stage,
      Money target) {
    Money inYear = Money.ZERO;
    Money fullYear = Money.ZERO;
    Money carriedIn = Money.ZERO;
    for (Figures row : rows) {
      StageFigures figures = stage.apply(row);
      inYear = inYear.plus(figures.inYear());
      fullYear = fullYear.plus(figures.fullYear());
      carriedIn = carriedIn.plus(figures.carriedIn());
    }
    return stage(inYear, fullYear, carriedIn, target);
  }

  private List<Figures> figures(String groupExpression, String joins, MapSqlParameterSource params,
      Map<String, BigDecimal> targets) {
    List<Figures> rows = new ArrayList<>(jdbc.query(FIGURES.formatted(groupExpression, joins), params, (rs, i) -> {
      String group = rs.getString("grp");
      SavingsKind kind = SavingsKind.valueOf(rs.getString("kind"));
      Money target = targets == null ? null : money(targets.remove(key(group, kind)));
      return figures(group, kind, target, stage(rs, "identified", target), stage(rs, "validated", target),
          stage(rs, "ratified", target), rs.getLong("entries"));
    }));
    if (targets != null) {
      // Groups with a target and nothing recorded yet still show, at 0% of target.
      targets.forEach((key, target) -> {
        String[] parts = key.split("\u0000", 2);
        Money targetMoney = money(target);
        StageFigures none = stage(Money.ZERO, Money.ZERO, Money.ZERO, targetMoney);
        rows.add(figures(parts[0], SavingsKind.valueOf(parts[1]), targetMoney, none, none, none, 0));
      });
    }
    rows.sort(Comparator.comparing(Figures::kind).thenComparing(Figures::group));
    return rows;
  }

  private Map<String, BigDecimal> targets(String groupExpression, MapSqlParameterSource params) {
    Map<String, BigDecimal> targets = new HashMap<>();
    jdbc.query(TARGETS.formatted(groupExpression), params, rs -> {
      targets.put(key(rs.getString("grp"), SavingsKind.valueOf(rs.getString("kind"))), rs.getBigDecimal("target"));
    });
    return targets;
  }

  private static StageFigures stage(ResultSet rs, String stage, Money target) throws SQLException {
    return stage(money(rs.getBigDecimal(stage + "_in_year")), money(rs.getBigDecimal(stage + "_full_year")),
        money(rs.getBigDecimal(stage + "_carried_in")), target);
  }

  static StageFigures stage(Money inYear, Money fullYear, Money carriedIn, Money target) {
    Money incremental = inYear.plus(carriedIn);
    return new StageFigures(inYear, fullYear, carriedIn, incremental, percentOf(incremental, target));
  }

  static BigDecimal percentOf(Money amount, Money target) {
    return target == null || target.isZero() ? null
        : amount.amount().multiply(BigDecimal.valueOf(100)).divide(target.amount(), 1, RoundingMode.HALF_EVEN);
  }

  private static Figures figures(String group, SavingsKind kind, Money target, StageFigures identified,
      StageFigures validated, StageFigures ratified, long entries) {
    Money variance = target == null ? null : identified.incremental().minus(target);
    return new Figures(group, kind, target, identified, validated, ratified, variance,
        variance != null && variance.isPositive(), entries);
  }

  static Money money(BigDecimal amount) {
    return amount == null ? null : Money.rounded(amount);
  }

  private static String key(String group, SavingsKind kind) {
    return group + "\u0000" + kind.name();
  }
}

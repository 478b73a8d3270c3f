package org.carereviews.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * <p>For year Y and each stage (identified; validated; ratified = delivered), each saving counted
 * at its current amount (the amount finance validated, once validated), from the ledger's stored
 * effects; every stage includes the later ones, so identified ⊇ validated ⊇ ratified:
 *
 * <ul>
 *   <li>{@code inYear}: in-year effects of entries effective in Y;
 *   <li>{@code fullYear}: full-year effects of the same entries;
 *   <li>{@code carriedIn}: carry-forward effects of entries effective in Y-1, which count as
 *       incremental savings of Y;
 *   <li>{@code incremental}: inYear + carriedIn, what Y's programme reports against its target;
 *   <li>{@code percentOfTarget}: incremental / target.
 * </ul>
 *
 * {@code forecast}, {@code variance} and {@code atRisk} follow {@link SavingsForecasts}: lines,
 * themes and the totals have them; a group without a target (a line with none this year; a team,
 * client group, cohort or month) has a null target and variance and is never at risk. Growth has no
 * validation stages: it counts in full at every stage. Rejected and withdrawn savings count
 * nowhere. An adjusting entry (clawback, reversal, correction) counts at the stage of the saving it
 * adjusts. {@code entriesInYear} counts the entries effective in Y, {@code entriesCarriedIn} those
 * effective in Y-1 whose carry-forward counts in Y (both at a stage that counts). Team, client
 * group and cohort are the person's when the entry was recorded (see {@link
 * CostChangeAttributions}).
 *
 * <p>The figures come from {@code savings_summary} (see {@link SavingsSummaries}): a few rows per
 * group, kind and stage for the two years, however many entries the ledger holds.
 */
@Service
public class SavingsRollup {

  static final String NO_COHORT = "(no cohort)";

  /**
   * What a roll-up can be grouped by: the summaries it reads, a SQL expression over them ({@code
   * savings_summary s}) and the joins it needs; and the same grouping over the entries ({@code
   * savings_fact f} with {@code cost_change_attribution a} and {@code savings_line l}), for the
   * drill-down.
   */
  public enum GroupBy {
    LINE(Grouping.LINE, "s.group_key", "", "f.savings_line_code"),
    THEME(Grouping.LINE, "l.theme", "join savings_line l on l.code = s.group_key", "l.theme"),
    CLIENT_GROUP(Grouping.CLIENT_GROUP, "s.group_key", "", "a.client_group"),
    TEAM(Grouping.TEAM, "s.group_key", "", "a.team_code"),
    COHORT(
        Grouping.COHORT,
        "coalesce(nullif(s.group_key, ''), '" + NO_COHORT + "')",
        "",
        "coalesce(a.cohorts, '" + NO_COHORT + "')"),
    MONTH(
        Grouping.MONTH,
        "case when s.financial_year = :year then s.group_key else :carriedInLabel end",
        "",
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
  public record StageFigures(
      Money inYear,
      Money fullYear,
      Money carriedIn,
      Money incremental,
      BigDecimal percentOfTarget) {}

  /**
   * One group's figures for one kind. {@code group} is null in the totals. {@code entriesInYear}:
   * entries effective in the year; {@code entriesCarriedIn}: entries effective in the year before,
   * whose carry-forward counts in this year.
   */
  public record Figures(
      String group,
      SavingsKind kind,
      Money target,
      StageFigures identified,
      StageFigures validated,
      StageFigures ratified,
      Money forecast,
      Money variance,
      boolean atRisk,
      long entriesInYear,
      long entriesCarriedIn) {

    /**
     * The figure a drill-down of this row adds up to: one stage's in-year, full-year or carried-in
     * part.
     */
    public Money figure(SavingsDrillDown.Stage stage, SavingsDrillDown.Part part) {
      StageFigures figures =
          switch (stage) {
            case IDENTIFIED -> identified;
            case VALIDATED -> validated;
            case RATIFIED -> ratified;
          };
      return switch (part) {
        case IN_YEAR -> figures.inYear();
        case FULL_YEAR -> figures.fullYear();
        case CARRIED_IN -> figures.carriedIn();
      };
    }
  }

  /** A group's stage figures before target and forecast. */
  private record Raw(
      String group, SavingsKind kind, Money[] parts, long entriesInYear, long entriesCarriedIn) {}

  public record Rollup(
      FinancialYear financialYear, String groupBy, List<Figures> rows, List<Figures> totals) {}

  /** The label of carry-forward figures when grouping by month. */
  static String carriedInLabel(FinancialYear year) {
    return "carried in from " + year.previous();
  }

  /**
   * The joins of a drill-down over {@code savings_fact f}: each entry's line, person and
   * attribution.
   */
  static final String DRILL_DOWN_JOINS =
      """
      join savings_line l on l.code = f.savings_line_code
      join person p on p.id = f.person_id
      join cost_change_attribution a on a.cost_change_id = f.cost_change_id
      """;

  /**
   * Whether a summary row counts as validated, and as ratified: its stage says so, or it is growth,
   * which has no validation stages and counts in full at every stage.
   */
  static final String VALIDATED = "(stage <> 'IDENTIFIED' or kind = 'GROWTH')";

  static final String RATIFIED = "(stage = 'RATIFIED' or kind = 'GROWTH')";

  /**
   * The year's figures from the summaries, every stage at the current amount ({@code validated_*}:
   * the claim until finance validates another amount); a summary row left with no entries (they
   * moved stage) shows nothing.
   */
  private static final String FIGURES =
      """
      select grp, kind,
        sum(case when financial_year = :year then validated_in_year else 0 end) as identified_in_year,
        sum(case when financial_year = :year then validated_full_year else 0 end) as identified_full_year,
        sum(case when financial_year = :previousYear then validated_carry_forward else 0 end)
          as identified_carried_in,
        sum(case when financial_year = :year and %3$s then validated_in_year else 0 end)
          as validated_in_year,
        sum(case when financial_year = :year and %3$s then validated_full_year else 0 end)
          as validated_full_year,
        sum(case when financial_year = :previousYear and %3$s then validated_carry_forward
          else 0 end) as validated_carried_in,
        sum(case when financial_year = :year and %4$s then validated_in_year else 0 end)
          as ratified_in_year,
        sum(case when financial_year = :year and %4$s then validated_full_year else 0 end)
          as ratified_full_year,
        sum(case when financial_year = :previousYear and %4$s then validated_carry_forward
          else 0 end) as ratified_carried_in,
        sum(case when financial_year = :year then entries else 0 end) as entries_in_year,
        sum(case when financial_year = :previousYear then entries else 0 end) as entries_carried_in
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
  private static final String TARGETS =
      """
      select grp, kind, sum(target) as target from (
        select %1$s as grp, l.kind as kind, st.target
        from savings_target st join savings_line l on l.code = st.savings_line_code
        where st.financial_year = :year) grouped
      group by grp, kind
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final SavingsForecasts forecasts;

  SavingsRollup(NamedParameterJdbcTemplate jdbc, SavingsForecasts forecasts) {
    this.jdbc = jdbc;
    this.forecasts = forecasts;
  }

  static MapSqlParameterSource yearParameters(FinancialYear year) {
    return new MapSqlParameterSource()
        .addValue("year", year.startYear())
        .addValue("previousYear", year.previous().startYear())
        .addValue("carriedInLabel", carriedInLabel(year));
  }

  @Transactional(readOnly = true)
  public Rollup rollup(FinancialYear year, GroupBy groupBy) {
    MapSqlParameterSource params =
        yearParameters(year).addValue("groupedBy", groupBy.summaries().name());
    Map<String, SavingsForecasts.LineSettings> settings = forecasts.lines();
    // Forecasts are per line (each line has its confidence factor); a theme's and a total's are
    // sums of them.
    MapSqlParameterSource lineParams =
        yearParameters(year).addValue("groupedBy", Grouping.LINE.name());
    List<Raw> lineRaw =
        groupBy == GroupBy.LINE ? null : raw(GroupBy.LINE.expression(), "", lineParams);
    List<Raw> groupRaw = raw(groupBy.expression(), groupBy.joins(), params);
    Map<String, Money> lineForecasts = new HashMap<>();
    for (Raw line : lineRaw == null ? groupRaw : lineRaw) {
      lineForecasts.put(
          line.group(),
          SavingsForecasts.forecast(
              line.parts()[9], line.parts()[10], settings.get(line.group()).confidenceFactor()));
    }
    Map<String, BigDecimal> targets =
        groupBy.hasTargets() ? targets(groupBy.targetExpression(), params) : null;
    List<Figures> rows = new ArrayList<>();
    for (Raw r : groupRaw) {
      Money target = targets == null ? null : money(targets.remove(key(r.group(), r.kind())));
      rows.add(
          figures(
              r,
              target,
              groupBy.hasTargets()
                  ? forecastOf(groupBy, r.group(), r.kind(), lineForecasts, settings)
                  : null));
    }
    if (targets != null) {
      // Groups with a target and nothing recorded yet still show, at 0% of target.
      targets.forEach(
          (key, target) -> {
            String[] parts = key.split("\u0000", 2);
            SavingsKind kind = SavingsKind.valueOf(parts[1]);
            rows.add(
                figures(
                    new Raw(parts[0], kind, zeros(), 0, 0),
                    money(target),
                    forecastOf(groupBy, parts[0], kind, lineForecasts, settings)));
          });
    }
    rows.sort(Comparator.comparing(Figures::kind).thenComparing(Figures::group));
    return new Rollup(
        year,
        groupBy.parameter(),
        rows,
        totals(rows, targets("'total'", params), lineForecasts, settings));
  }

  /**
   * A line's forecast, or the sum of its theme's lines' (0 for a line or theme with nothing
   * recorded).
   */
  private static Money forecastOf(
      GroupBy groupBy,
      String group,
      SavingsKind kind,
      Map<String, Money> lineForecasts,
      Map<String, SavingsForecasts.LineSettings> settings) {
    if (groupBy == GroupBy.LINE) {
      return lineForecasts.getOrDefault(group, Money.ZERO);
    }
    return lineForecasts.entrySet().stream()
        .filter(
            e ->
                settings.get(e.getKey()).theme().equals(group)
                    && settings.get(e.getKey()).kind() == kind)
        .map(Map.Entry::getValue)
        .reduce(Money.ZERO, Money::plus);
  }

  /**
   * Totals per kind are the sums of the rows (so they always add up), against all the year's
   * targets of that kind; the forecast is the sum of every line's of that kind.
   */
  private List<Figures> totals(
      List<Figures> rows,
      Map<String, BigDecimal> targets,
      Map<String, Money> lineForecasts,
      Map<String, SavingsForecasts.LineSettings> settings) {
    Map<SavingsKind, List<Figures>> byKind = new java.util.EnumMap<>(SavingsKind.class);
    rows.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
    targets
        .keySet()
        .forEach(
            key ->
                byKind.computeIfAbsent(
                    SavingsKind.valueOf(key.split("\u0000", 2)[1]), k -> new ArrayList<>()));
    List<Figures> totals = new ArrayList<>();
    byKind.forEach(
        (kind, kindRows) -> {
          Money target = money(targets.get(key("total", kind)));
          Money forecast =
              lineForecasts.entrySet().stream()
                  .filter(e -> settings.get(e.getKey()).kind() == kind)
                  .map(Map.Entry::getValue)
                  .reduce(Money.ZERO, Money::plus);
          Money variance = SavingsForecasts.variance(forecast, target);
          totals.add(
              new Figures(
                  null,
                  kind,
                  target,
                  sum(kindRows, Figures::identified, target),
                  sum(kindRows, Figures::validated, target),
                  sum(kindRows, Figures::ratified, target),
                  forecast,
                  variance,
                  forecasts.atRisk(variance, target),
                  kindRows.stream().mapToLong(Figures::entriesInYear).sum(),
                  kindRows.stream().mapToLong(Figures::entriesCarriedIn).sum()));
        });
    return totals;
  }

  private static StageFigures sum(
      List<Figures> rows, java.util.function.Function<Figures, StageFigures> stage, Money target) {
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

  private static final String[] STAGES = {"identified", "validated", "ratified"};
  private static final String[] PARTS = {"_in_year", "_full_year", "_carried_in"};

  private static Money[] zeros() {
    Money[] parts = new Money[12];
    java.util.Arrays.fill(parts, Money.ZERO);
    return parts;
  }

  /**
   * Per group and kind: in-year, full-year and carried-in of each stage (0-8), then identified and
   * validated incremental (9, 10) for the forecast.
   */
  private List<Raw> raw(String groupExpression, String joins, MapSqlParameterSource params) {
    return jdbc.query(
        FIGURES.formatted(groupExpression, joins, VALIDATED, RATIFIED),
        params,
        (rs, i) -> {
          Money[] parts = zeros();
          for (int s = 0; s < STAGES.length; s++) {
            for (int p = 0; p < PARTS.length; p++) {
              parts[s * 3 + p] = money(rs.getBigDecimal(STAGES[s] + PARTS[p]));
            }
          }
          parts[9] = parts[0].plus(parts[2]);
          parts[10] = parts[3].plus(parts[5]);
          parts[11] = parts[6].plus(parts[8]);
          return new Raw(
              rs.getString("grp"),
              SavingsKind.valueOf(rs.getString("kind")),
              parts,
              rs.getLong("entries_in_year"),
              rs.getLong("entries_carried_in"));
        });
  }

  private Figures figures(Raw r, Money target, Money forecast) {
    Money[] p = r.parts();
    Money variance = SavingsForecasts.variance(forecast, target);
    return new Figures(
        r.group(),
        r.kind(),
        target,
        stage(p[0], p[1], p[2], target),
        stage(p[3], p[4], p[5], target),
        stage(p[6], p[7], p[8], target),
        forecast,
        variance,
        forecasts.atRisk(variance, target),
        r.entriesInYear(),
        r.entriesCarriedIn());
  }

  private Map<String, BigDecimal> targets(String groupExpression, MapSqlParameterSource params) {
    Map<String, BigDecimal> targets = new HashMap<>();
    jdbc.query(
        TARGETS.formatted(groupExpression),
        params,
        rs -> {
          targets.put(
              key(rs.getString("grp"), SavingsKind.valueOf(rs.getString("kind"))),
              rs.getBigDecimal("target"));
        });
    return targets;
  }

  static StageFigures stage(Money inYear, Money fullYear, Money carriedIn, Money target) {
    Money incremental = inYear.plus(carriedIn);
    return new StageFigures(
        inYear, fullYear, carriedIn, incremental, percentOf(incremental, target));
  }

  static BigDecimal percentOf(Money amount, Money target) {
    return target == null || target.isZero()
        ? null
        : amount
            .amount()
            .multiply(BigDecimal.valueOf(100))
            .divide(target.amount(), 1, RoundingMode.HALF_EVEN);
  }

  static Money money(BigDecimal amount) {
    return amount == null ? null : Money.rounded(amount);
  }

  private static String key(String group, SavingsKind kind) {
    return group + "\u0000" + kind.name();
  }
}

package org.carereviews.savings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.savings.SavingsSummaries.Grouping;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A multi-year programme the way four-year plans report it (reference/003, section 5): for each
 * year, the incremental savings of that year (in-year effects of its changes plus the carry-forward
 * of the year before) against that year's target, and the cumulative impact over the years.
 *
 * <p>The same rules as the roll-up (docs/savings-rules.md): every stage at the current amount,
 * growth in full at every stage, forecast, variance and at risk from {@link SavingsForecasts} for
 * lines, themes and the totals; a year without a target has a null target and variance and is not
 * at risk. It cannot be grouped by month: a month belongs to one year (use the roll-up of that
 * year).
 */
@Service
class SavingsProgrammeView {

  /** The longest span one view covers. */
  static final int MAX_YEARS = 10;

  public record YearFigures(
      FinancialYear financialYear,
      Money target,
      Money identified,
      Money validated,
      Money ratified,
      BigDecimal percentOfTarget,
      Money forecast,
      Money variance,
      boolean atRisk) {}

  /** One group and kind over the years, and cumulatively. {@code group} is null in the totals. */
  public record ProgrammeRow(
      String group, SavingsKind kind, List<YearFigures> years, YearFigures cumulative) {}

  public record Programme(
      FinancialYear from,
      FinancialYear to,
      String groupBy,
      List<ProgrammeRow> rows,
      List<ProgrammeRow> totals) {}

  private static final String FIGURES =
      """
      select grp, kind, fy,
        sum(validated_in_year) as identified_in_year,
        sum(validated_carry_forward) as identified_carry_forward,
        sum(case when %3$s then validated_in_year else 0 end) as validated_in_year,
        sum(case when %3$s then validated_carry_forward else 0 end) as validated_carry_forward,
        sum(case when %4$s then validated_in_year else 0 end) as ratified_in_year,
        sum(case when %4$s then validated_carry_forward else 0 end) as ratified_carry_forward
      from (
        select %1$s as grp, s.kind, s.financial_year as fy, s.stage, s.in_year_effect, s.carry_forward_effect,
          s.validated_in_year, s.validated_carry_forward
        from savings_summary s
        %2$s
        where s.grouped_by = :groupedBy and s.financial_year between :fromYear - 1 and :toYear
          and s.stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED') and s.entries > 0) grouped
      group by grp, kind, fy
      """;

  private static final String TARGETS =
      """
      select grp, kind, fy, sum(target) as target from (
        select %1$s as grp, l.kind as kind, st.financial_year as fy, st.target
        from savings_target st join savings_line l on l.code = st.savings_line_code
        where st.financial_year between :fromYear and :toYear) grouped
      group by grp, kind, fy
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final SavingsForecasts forecasts;

  SavingsProgrammeView(NamedParameterJdbcTemplate jdbc, SavingsForecasts forecasts) {
    this.jdbc = jdbc;
    this.forecasts = forecasts;
  }

  @Transactional(readOnly = true)
  public Programme programme(FinancialYear from, FinancialYear to, GroupBy groupBy) {
    if (groupBy == GroupBy.MONTH) {
      throw new MonthlyProgrammeRefused();
    }
    if (to.compareTo(from) < 0 || to.startYear() - from.startYear() >= MAX_YEARS) {
      throw new IllegalArgumentException(
          "must be a span of 1 to " + MAX_YEARS + " financial years, from first to last");
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("fromYear", from.startYear())
            .addValue("toYear", to.startYear());
    Map<String, SavingsForecasts.LineSettings> settings = forecasts.lines();
    // Forecasts are per line; themes and totals are sums of their lines, and the totals of all of
    // them.
    List<ProgrammeRow> lineRows =
        rows(GroupBy.LINE.expression(), "", Grouping.LINE, "l.code", from, to, params, settings);
    List<ProgrammeRow> rows =
        switch (groupBy) {
          case LINE -> lineRows;
          case THEME -> sumOf(lineRows, r -> settings.get(r.group()).theme(), from, to);
          default ->
              rows(
                  groupBy.expression(),
                  groupBy.joins(),
                  groupBy.summaries(),
                  null,
                  from,
                  to,
                  params,
                  settings);
        };
    List<ProgrammeRow> totals = sumOf(lineRows, r -> null, from, to);
    return new Programme(from, to, groupBy.parameter(), rows, totals);
  }

  /** Refused: a programme over years has no rows by month. */
  static final class MonthlyProgrammeRefused extends RuntimeException {
    MonthlyProgrammeRefused() {
      super(
          "month is not a grouping of the multi-year programme (a month belongs to one year): use line, theme, "
              + "clientGroup, team or cohort, or the roll-up of one year by month");
    }
  }

  /**
   * Line rows summed into groups (themes, or the totals when {@code group} gives null), per kind.
   */
  private List<ProgrammeRow> sumOf(
      List<ProgrammeRow> lineRows,
      java.util.function.Function<ProgrammeRow, String> group,
      FinancialYear from,
      FinancialYear to) {
    Map<String, List<ProgrammeRow>> grouped = new TreeMap<>();
    lineRows.forEach(
        r ->
            grouped
                .computeIfAbsent(
                    key(String.valueOf(group.apply(r)), r.kind().name()), k -> new ArrayList<>())
                .add(r));
    List<ProgrammeRow> rows = new ArrayList<>();
    grouped.forEach(
        (key, members) -> {
          List<YearFigures> years = new ArrayList<>();
          for (int i = 0; i <= to.startYear() - from.startYear(); i++) {
            int index = i;
            List<YearFigures> ofYear = members.stream().map(r -> r.years().get(index)).toList();
            years.add(
                yearFigures(
                    ofYear.get(0).financialYear(),
                    sumOrNull(ofYear, YearFigures::target),
                    sumOf(ofYear, YearFigures::identified),
                    sumOf(ofYear, YearFigures::validated),
                    sumOf(ofYear, YearFigures::ratified),
                    sumOf(ofYear, YearFigures::forecast)));
          }
          ProgrammeRow first = members.get(0);
          rows.add(new ProgrammeRow(group.apply(first), first.kind(), years, cumulative(years)));
        });
    rows.sort(
        Comparator.comparing(ProgrammeRow::kind)
            .thenComparing(ProgrammeRow::group, Comparator.nullsFirst(Comparator.naturalOrder())));
    return rows;
  }

  private static Money sumOf(
      List<YearFigures> years, java.util.function.Function<YearFigures, Money> figure) {
    return years.stream()
        .map(figure)
        .filter(java.util.Objects::nonNull)
        .reduce(Money.ZERO, Money::plus);
  }

  /** The sum of the figures that there are; null when there is none (no target in any of them). */
  private static Money sumOrNull(
      List<YearFigures> years, java.util.function.Function<YearFigures, Money> figure) {
    return years.stream().map(figure).anyMatch(java.util.Objects::nonNull)
        ? sumOf(years, figure)
        : null;
  }

  /** Sums per group, kind and year, before carry-forward moves into the next year. */
  private static final class Sums {
    final Map<Integer, Money[]> byYear = new TreeMap<>();
    final Map<Integer, Money> targets = new TreeMap<>();

    Money[] year(int fy) {
      return byYear.computeIfAbsent(
          fy,
          y ->
              new Money[] {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO});
    }
  }

  private List<ProgrammeRow> rows(
      String groupExpression,
      String joins,
      Grouping grouping,
      String targetExpression,
      FinancialYear from,
      FinancialYear to,
      MapSqlParameterSource params,
      Map<String, SavingsForecasts.LineSettings> settings) {
    Map<String, Sums> sums = new TreeMap<>();
    String[] columns = {
      "identified_in_year",
      "identified_carry_forward",
      "validated_in_year",
      "validated_carry_forward",
      "ratified_in_year",
      "ratified_carry_forward"
    };
    MapSqlParameterSource grouped =
        new MapSqlParameterSource(params.getValues()).addValue("groupedBy", grouping.name());
    jdbc.query(
        FIGURES.formatted(groupExpression, joins, SavingsRollup.VALIDATED, SavingsRollup.RATIFIED),
        grouped,
        rs -> {
          Money[] year =
              sums.computeIfAbsent(key(rs.getString("grp"), rs.getString("kind")), k -> new Sums())
                  .year(rs.getInt("fy"));
          for (int i = 0; i < columns.length; i++) {
            year[i] = Money.rounded(rs.getBigDecimal(columns[i]));
          }
        });
    if (targetExpression != null) {
      jdbc.query(
          TARGETS.formatted(targetExpression),
          grouped,
          rs -> {
            sums.computeIfAbsent(key(rs.getString("grp"), rs.getString("kind")), k -> new Sums())
                .targets
                .put(rs.getInt("fy"), Money.rounded(rs.getBigDecimal("target")));
          });
    }
    List<ProgrammeRow> rows = new ArrayList<>();
    sums.forEach(
        (key, s) -> {
          String[] parts = key.split("\u0000", 2);
          List<YearFigures> years = new ArrayList<>();
          for (FinancialYear y = from; y.compareTo(to) <= 0; y = y.next()) {
            Money[] current = s.year(y.startYear());
            Money[] before = s.year(y.startYear() - 1);
            Money identified = current[0].plus(before[1]);
            Money validated = current[2].plus(before[3]);
            Money forecast =
                targetExpression == null
                    ? null
                    : SavingsForecasts.forecast(
                        identified, validated, settings.get(parts[0]).confidenceFactor());
            years.add(
                yearFigures(
                    y,
                    s.targets.get(y.startYear()),
                    identified,
                    validated,
                    current[4].plus(before[5]),
                    forecast));
          }
          rows.add(
              new ProgrammeRow(parts[0], SavingsKind.valueOf(parts[1]), years, cumulative(years)));
        });
    rows.sort(Comparator.comparing(ProgrammeRow::kind).thenComparing(ProgrammeRow::group));
    return rows;
  }

  private YearFigures cumulative(List<YearFigures> years) {
    return yearFigures(
        null,
        sumOrNull(years, YearFigures::target),
        sumOf(years, YearFigures::identified),
        sumOf(years, YearFigures::validated),
        sumOf(years, YearFigures::ratified),
        years.get(0).forecast() == null ? null : sumOf(years, YearFigures::forecast));
  }

  private YearFigures yearFigures(
      FinancialYear year,
      Money target,
      Money identified,
      Money validated,
      Money ratified,
      Money forecast) {
    Money variance = SavingsForecasts.variance(forecast, target);
    return new YearFigures(
        year,
        target,
        identified,
        validated,
        ratified,
        SavingsRollup.percentOf(identified, target),
        forecast,
        variance,
        forecasts.atRisk(variance, target));
  }

  private static String key(String group, String kind) {
    return group + "\u0000" + kind;
  }
}

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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A multi-year programme the way four-year plans report it (reference/003, section 5): for each
 * year, the incremental savings of that year (in-year effects of its changes plus the carry-forward
 * of the year before) against that year's target, and the cumulative impact over the years.
 */
@Service
public class SavingsProgrammeView {

  /** The longest span one view covers. */
  static final int MAX_YEARS = 10;

  public record YearFigures(FinancialYear financialYear, Money target, Money identified, Money validated,
      Money ratified, BigDecimal percentOfTarget, Money variance) {
  }

  /** One group and kind over the years, and cumulatively. {@code group} is null in the totals. */
  public record ProgrammeRow(String group, SavingsKind kind, List<YearFigures> years, YearFigures cumulative) {
  }

  public record Programme(FinancialYear from, FinancialYear to, String groupBy, List<ProgrammeRow> rows,
      List<ProgrammeRow> totals) {
  }

  private static final String FIGURES = """
      select grp, kind, fy,
        sum(in_year_effect) as identified_in_year,
        sum(carry_forward_effect) as identified_carry_forward,
        sum(case when stage <> 'IDENTIFIED' then validated_in_year else 0 end) as validated_in_year,
        sum(case when stage <> 'IDENTIFIED' then validated_carry_forward else 0 end) as validated_carry_forward,
        sum(case when stage = 'RATIFIED' then validated_in_year else 0 end) as ratified_in_year,
        sum(case when stage = 'RATIFIED' then validated_carry_forward else 0 end) as ratified_carry_forward
      from (
        select %1$s as grp, s.kind, s.financial_year as fy, s.stage, s.in_year_effect, s.carry_forward_effect,
          s.validated_in_year, s.validated_carry_forward
        from savings_summary s
        %2$s
        where s.grouped_by = :groupedBy and s.financial_year between :fromYear - 1 and :toYear
          and s.stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED') and s.entries > 0) grouped
      group by grp, kind, fy
      """;

  private static final String TARGETS = """
      select grp, kind, fy, sum(target) as target from (
        select %1$s as grp, l.kind as kind, st.financial_year as fy, st.target
        from savings_target st join savings_line l on l.code = st.savings_line_code
        where st.financial_year between :fromYear and :toYear) grouped
      group by grp, kind, fy
      """;

  private final NamedParameterJdbcTemplate jdbc;

  SavingsProgrammeView(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Programme programme(FinancialYear from, FinancialYear to, GroupBy groupBy) {
    if (to.compareTo(from) < 0 || to.startYear() - from.startYear() >= MAX_YEARS) {
      throw new IllegalArgumentException("must be a span of 1 to " + MAX_YEARS + " financial years, from first to last");
    }
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("fromYear", from.startYear()).addValue("toYear", to.startYear())
        // Grouping by month has no meaning over years; the label is only there for the shared expression.
        .addValue("year", from.startYear()).addValue("carriedInLabel", SavingsRollup.carriedInLabel(from))
        .addValue("groupedBy", groupBy.summaries().name());
    List<ProgrammeRow> rows = rows(groupBy.expression(), groupBy.joins(),
        groupBy.hasTargets() ? groupBy.targetExpression() : null, from, to, params);
    // The totals sum the summaries of the same grouping, so they are the sums of the rows.
    List<ProgrammeRow> totals = rows("'total'", "", "'total'", from, to, params).stream()
        .map(r -> new ProgrammeRow(null, r.kind(), r.years(), r.cumulative()))
        .toList();
    return new Programme(from, to, groupBy.parameter(), rows, totals);
  }

  /** Sums per group, kind and year, before carry-forward moves into the next year. */
  private static final class Sums {
    final Map<Integer, Money[]> byYear = new TreeMap<>();
    final Map<Integer, Money> targets = new TreeMap<>();

    Money[] year(int fy) {
      return byYear.computeIfAbsent(fy, y -> new Money[] {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
          Money.ZERO, Money.ZERO});
    }
  }

  private List<ProgrammeRow> rows(String groupExpression, String joins, String targetExpression, FinancialYear from,
      FinancialYear to, MapSqlParameterSource params) {
    Map<String, Sums> sums = new TreeMap<>();
    String[] columns = {"identified_in_year", "identified_carry_forward", "validated_in_year",
        "validated_carry_forward", "ratified_in_year", "ratified_carry_forward"};
    jdbc.query(FIGURES.formatted(groupExpression, joins), params, rs -> {
      Money[] year = sums.computeIfAbsent(key(rs.getString("grp"), rs.getString("kind")), k -> new Sums())
          .year(rs.getInt("fy"));
      for (int i = 0; i < columns.length; i++) {
        year[i] = Money.rounded(rs.getBigDecimal(columns[i]));
      }
    });
    if (targetExpression != null) {
      jdbc.query(TARGETS.formatted(targetExpression), params, rs -> {
        sums.computeIfAbsent(key(rs.getString("grp"), rs.getString("kind")), k -> new Sums())
            .targets.put(rs.getInt("fy"), Money.rounded(rs.getBigDecimal("target")));
      });
    }
    List<ProgrammeRow> rows = new ArrayList<>();
    sums.forEach((key, s) -> {
      String[] parts = key.split("\u0000", 2);
      List<YearFigures> years = new ArrayList<>();
      for (FinancialYear y = from; y.compareTo(to) <= 0; y = y.next()) {
        Money[] current = s.year(y.startYear());
        Money[] before = s.year(y.startYear() - 1);
        years.add(yearFigures(y, targetExpression == null ? null : s.targets.getOrDefault(y.startYear(), Money.ZERO),
            current[0].plus(before[1]), current[2].plus(before[3]), current[4].plus(before[5])));
      }
      rows.add(new ProgrammeRow(parts[0], SavingsKind.valueOf(parts[1]), years, cumulative(years)));
    });
    rows.sort(Comparator.comparing(ProgrammeRow::kind).thenComparing(ProgrammeRow::group));
    return rows;
  }

  private static YearFigures cumulative(List<YearFigures> years) {
    Money target = years.get(0).target() == null ? null
        : years.stream().map(YearFigures::target).reduce(Money.ZERO, Money::plus);
    return yearFigures(null, target,
        years.stream().map(YearFigures::identified).reduce(Money.ZERO, Money::plus),
        years.stream().map(YearFigures::validated).reduce(Money.ZERO, Money::plus),
        years.stream().map(YearFigures::ratified).reduce(Money.ZERO, Money::plus));
  }

  private static YearFigures yearFigures(FinancialYear year, Money target, Money identified, Money validated,
      Money ratified) {
    return new YearFigures(year, target, identified, validated, ratified, SavingsRollup.percentOf(identified, target),
        target == null ? null : identified.minus(target));
  }

  private static String key(String group, String kind) {
    return group + "\u0000" + kind;
  }
}

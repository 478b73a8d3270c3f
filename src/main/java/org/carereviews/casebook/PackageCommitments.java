package org.carereviews.casebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the council is committed to pay for care packages in a financial year, by client group and
 * service type: each package version's net weekly cost over the days it is in effect within the
 * year (from its start date until its end date, or until the next version starts), divided by 7.
 * Versions recorded ahead of their start date (an approved change taking effect later) count from
 * that date; a package with no end date runs to 31 March. Spent to date counts the days up to and
 * including {@code asOf}; committed, the rest of the year.
 */
@Service
public class PackageCommitments {

  /**
   * One client group and service type: packages in effect on {@code asOf}, and the year's cost
   * split at {@code asOf}.
   */
  public record Commitment(
      ClientGroup clientGroup,
      ServiceType serviceType,
      long activePackages,
      Money netWeeklyCostNow,
      Money spentToDate,
      Money committedToYearEnd) {

    public Money forecast() {
      return spentToDate.plus(committedToYearEnd);
    }
  }

  private static final String VERSIONS =
      """
      select p.client_group, v.service_type, v.net_weekly_cost, v.start_date, v.end_date,
        lead(v.start_date) over (partition by v.care_package_id order by v.version_number) as next_start
      from care_package_version v
      join care_package cp on cp.id = v.care_package_id
      join person p on p.id = cp.person_id
      where v.start_date <= :lastDay and (v.end_date is null or v.end_date >= :firstDay)
      """;

  private final NamedParameterJdbcTemplate jdbc;

  PackageCommitments(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The year's commitments, split at {@code asOf} (clamped to the year), in client group then
   * service type order.
   */
  @Transactional(readOnly = true)
  public List<Commitment> commitments(FinancialYear year, LocalDate asOf) {
    LocalDate first = year.firstDay();
    LocalDate last = year.lastDay();
    LocalDate cut = asOf.isBefore(first) ? first.minusDays(1) : asOf.isAfter(last) ? last : asOf;
    Map<String, long[]> active = new TreeMap<>();
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    jdbc.query(
        VERSIONS,
        new MapSqlParameterSource().addValue("firstDay", first).addValue("lastDay", last),
        rs -> {
          LocalDate start = rs.getObject("start_date", LocalDate.class);
          LocalDate end = rs.getObject("end_date", LocalDate.class);
          LocalDate nextStart = rs.getObject("next_start", LocalDate.class);
          LocalDate until = end == null ? last : end;
          if (nextStart != null && !nextStart.minusDays(1).isAfter(until)) {
            until = nextStart.minusDays(1);
          }
          LocalDate from = start.isBefore(first) ? first : start;
          if (until.isAfter(last)) {
            until = last;
          }
          if (until.isBefore(from)) {
            return;
          }
          BigDecimal weekly = rs.getBigDecimal("net_weekly_cost");
          String key = rs.getString("client_group") + "|" + rs.getString("service_type");
          BigDecimal[] sum =
              sums.computeIfAbsent(
                  key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
          long[] count = active.computeIfAbsent(key, k -> new long[1]);
          long daysToDate = days(from, until.isAfter(cut) ? cut : until);
          long daysAfter = days(from.isAfter(cut) ? from : cut.plusDays(1), until);
          sum[0] = sum[0].add(weekly.multiply(BigDecimal.valueOf(daysToDate)));
          sum[1] = sum[1].add(weekly.multiply(BigDecimal.valueOf(daysAfter)));
          if (!from.isAfter(asOf) && !until.isBefore(asOf)) {
            count[0]++;
            sum[2] = sum[2].add(weekly);
          }
        });
    List<Commitment> result = new ArrayList<>();
    sums.forEach(
        (key, sum) -> {
          String[] parts = key.split("\\|", 2);
          result.add(
              new Commitment(
                  ClientGroup.valueOf(parts[0]),
                  ServiceType.valueOf(parts[1]),
                  active.get(key)[0],
                  Money.rounded(sum[2]),
                  perWeek(sum[0]),
                  perWeek(sum[1])));
        });
    return result;
  }

  /** Days from {@code from} to {@code until}, both counted; 0 when empty. */
  private static long days(LocalDate from, LocalDate until) {
    return until.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, until) + 1;
  }

  private static Money perWeek(BigDecimal weeklyTimesDays) {
    return Money.rounded(weeklyTimesDays.divide(BigDecimal.valueOf(7), 10, RoundingMode.HALF_EVEN));
  }
}

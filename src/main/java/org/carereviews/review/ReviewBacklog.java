package org.carereviews.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carereviews.common.FinancialYear;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of reviews for those who oversee the service (the directors' dashboard): no person named.
 * Overdue means what {@code GET /api/reviews/overdue} lists: not completed and due before today.
 */
@Service
public class ReviewBacklog {

  /** Bands of weeks overdue: under 4 weeks, 4 to 12 weeks, 13 to 25 weeks, 26 weeks or more. */
  public static final List<String> OVERDUE_BANDS =
      List.of("under 4 weeks", "4 to 12 weeks", "13 to 25 weeks", "26 weeks or more");

  /**
   * A team's open reviews today: {@code dueNotOverdue} not yet due; {@code overdueByBand} overdue
   * by {@link #OVERDUE_BANDS}; and reviews completed in the {@code rateWeeks} weeks before today.
   */
  public record TeamBacklog(
      String team, long dueNotOverdue, long[] overdueByBand, long completedRecently) {

    public long overdue() {
      long sum = 0;
      for (long n : overdueByBand) {
        sum += n;
      }
      return sum;
    }

    public long open() {
      return dueNotOverdue + overdue();
    }
  }

  /** One team and month: reviews due that month (any status) and reviews completed that month. */
  public record TeamMonth(String team, String month, long due, long completed) {}

  /**
   * One cohort: people with a package in effect today, those of them with a review completed in the
   * year.
   */
  public record CohortReviews(String cohort, String name, long eligible, long reviewed) {}

  private final NamedParameterJdbcTemplate jdbc;

  ReviewBacklog(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every team's backlog on {@code today}, with completions in the {@code rateWeeks} weeks before
   * it.
   */
  @Transactional(readOnly = true)
  public List<TeamBacklog> backlog(LocalDate today, int rateWeeks) {
    Map<String, long[]> open = new TreeMap<>();
    jdbc.query(
        """
        select team_code, due_date, count(*) as n from care_review where status <> 'COMPLETED'
        group by team_code, due_date""",
        new MapSqlParameterSource(),
        rs -> {
          long[] counts =
              open.computeIfAbsent(
                  rs.getString("team_code"), t -> new long[OVERDUE_BANDS.size() + 2]);
          LocalDate due = rs.getObject("due_date", LocalDate.class);
          long n = rs.getLong("n");
          if (!due.isBefore(today)) {
            counts[0] += n;
          } else {
            long weeks = ChronoUnit.DAYS.between(due, today) / 7;
            counts[1 + (weeks < 4 ? 0 : weeks <= 12 ? 1 : weeks <= 25 ? 2 : 3)] += n;
          }
        });
    jdbc.query(
        """
        select team_code, count(*) as n from care_review where status = 'COMPLETED'
          and completed_at >= :since and completed_at < :until group by team_code""",
        new MapSqlParameterSource()
            .addValue(
                "since", java.sql.Timestamp.valueOf(today.minusWeeks(rateWeeks).atStartOfDay()))
            .addValue("until", java.sql.Timestamp.valueOf(today.atStartOfDay())),
        rs -> {
          open.computeIfAbsent(rs.getString("team_code"), t -> new long[OVERDUE_BANDS.size() + 2])[
                  OVERDUE_BANDS.size() + 1] +=
              rs.getLong("n");
        });
    List<TeamBacklog> result = new ArrayList<>();
    open.forEach(
        (team, c) ->
            result.add(
                new TeamBacklog(
                    team,
                    c[0],
                    java.util.Arrays.copyOfRange(c, 1, 1 + OVERDUE_BANDS.size()),
                    c[OVERDUE_BANDS.size() + 1])));
    return result;
  }

  /** Per team and month of the year: reviews due and reviews completed. */
  @Transactional(readOnly = true)
  public List<TeamMonth> months(FinancialYear year) {
    Map<String, long[]> byKey = new TreeMap<>();
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("firstDay", year.firstDay())
            .addValue("lastDay", year.lastDay())
            .addValue("since", java.sql.Timestamp.valueOf(year.firstDay().atStartOfDay()))
            .addValue(
                "until", java.sql.Timestamp.valueOf(year.lastDay().plusDays(1).atStartOfDay()));
    jdbc.query(
        """
        select team_code, due_date, count(*) as n from care_review where due_date between :firstDay and :lastDay
        group by team_code, due_date""",
        params,
        rs -> {
          byKey
                  .computeIfAbsent(
                      rs.getString("team_code")
                          + "|"
                          + month(rs.getObject("due_date", LocalDate.class)),
                      k -> new long[2])[0] +=
              rs.getLong("n");
        });
    jdbc.query(
        """
        select team_code, cast(completed_at as date) as completed_day, count(*) as n from care_review
        where completed_at >= :since and completed_at < :until group by team_code, cast(completed_at as date)""",
        params,
        rs -> {
          byKey
                  .computeIfAbsent(
                      rs.getString("team_code")
                          + "|"
                          + month(rs.getObject("completed_day", LocalDate.class)),
                      k -> new long[2])[1] +=
              rs.getLong("n");
        });
    List<TeamMonth> result = new ArrayList<>();
    byKey.forEach(
        (key, c) -> {
          String[] parts = key.split("\\|", 2);
          result.add(new TeamMonth(parts[0], parts[1], c[0], c[1]));
        });
    return result;
  }

  /**
   * Per cohort: the people in it with a package in effect on {@code today} (eligible), and how many
   * of them had a review completed within {@code year}.
   */
  @Transactional(readOnly = true)
  public List<CohortReviews> cohorts(FinancialYear year, LocalDate today) {
    return jdbc.query(
        """
        with latest as (
          select cp.person_id, v.end_date,
            row_number() over (partition by v.care_package_id order by v.version_number desc) as rn
          from care_package_version v join care_package cp on cp.id = v.care_package_id
          where v.start_date <= :today),
        eligible as (
          select distinct person_id from latest where rn = 1 and (end_date is null or end_date >= :today)),
        reviewed as (
          select distinct person_id from care_review
          where status = 'COMPLETED' and completed_at >= :since and completed_at < :until)
        select c.code, c.name, count(distinct e.person_id) as eligible, count(distinct r.person_id) as reviewed
        from cohort c
        join person_cohort pc on pc.cohort_id = c.id
        join eligible e on e.person_id = pc.person_id
        left join reviewed r on r.person_id = pc.person_id
        group by c.code, c.name order by c.code""",
        new MapSqlParameterSource()
            .addValue("today", today)
            .addValue("since", java.sql.Timestamp.valueOf(year.firstDay().atStartOfDay()))
            .addValue(
                "until", java.sql.Timestamp.valueOf(year.lastDay().plusDays(1).atStartOfDay())),
        (rs, i) ->
            new CohortReviews(
                rs.getString("code"),
                rs.getString("name"),
                rs.getLong("eligible"),
                rs.getLong("reviewed")));
  }

  private static String month(LocalDate day) {
    return day.toString().substring(0, 7);
  }
}

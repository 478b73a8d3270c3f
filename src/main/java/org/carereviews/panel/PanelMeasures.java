package org.carereviews.panel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the panel is doing, per day or per team: decisions by outcome, the deferral rate, and the
 * time from request to decision (the delay to the person). Counts the decision each request's
 * asking process received, whether a team manager's or panel's; retrospective looks are counted
 * apart.
 */
@Service
public class PanelMeasures {

  public enum GroupBy {
    DAY,
    TEAM
  }

  public record Row(
      String group,
      int decisions,
      Map<PanelOutcome, Integer> byOutcome,
      BigDecimal deferralRate,
      BigDecimal meanHoursToDecision,
      BigDecimal medianHoursToDecision,
      BigDecimal maxHoursToDecision,
      int decidedByTeamManager,
      int decidedByPanel,
      int retrospectiveReviews) {}

  public record Measures(
      LocalDate from, LocalDate to, GroupBy groupBy, List<Row> rows, Row total) {}

  private final PanelDecisions decisions;
  private final PackageRequestRecords requests;
  private final Clock clock;

  PanelMeasures(PanelDecisions decisions, PackageRequestRecords requests, Clock clock) {
    this.decisions = decisions;
    this.requests = requests;
    this.clock = clock;
  }

  /**
   * Decisions made from {@code from} to {@code to}, both included (days in the service's time
   * zone).
   */
  @Transactional(readOnly = true)
  public Measures measure(LocalDate from, LocalDate to, GroupBy groupBy) {
    Instant start = from.atStartOfDay(clock.getZone()).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    List<PanelDecision> made =
        decisions.findByDecidedAtGreaterThanEqualAndDecidedAtLessThan(start, end);
    Map<Long, PackageRequest> byId =
        requests
            .findAllById(made.stream().map(PanelDecision::getRequestId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(PackageRequest::getId, Function.identity()));
    Function<PanelDecision, String> key =
        groupBy == GroupBy.DAY
            ? d -> d.getDecidedAt().atZone(clock.getZone()).toLocalDate().toString()
            : d -> byId.get(d.getRequestId()).getTeamCode();
    Map<String, List<PanelDecision>> groups =
        made.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    List<Row> rows = new ArrayList<>();
    groups.forEach((group, list) -> rows.add(row(group, list, byId)));
    return new Measures(from, to, groupBy, rows, row("total", made, byId));
  }

  /**
   * One first decision (not a retrospective look): the request's team, the day decided, its outcome
   * and hours from request.
   */
  public record DecisionTime(
      String team, LocalDate decidedOn, PanelOutcome outcome, BigDecimal hoursToDecision) {}

  /**
   * Every first decision made from {@code from} to {@code to}, both included, as {@link #measure}
   * counts them.
   */
  @Transactional(readOnly = true)
  public List<DecisionTime> decisionTimes(LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(clock.getZone()).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    List<PanelDecision> made =
        decisions.findByDecidedAtGreaterThanEqualAndDecidedAtLessThan(start, end).stream()
            .filter(d -> d.getStage() == DecisionStage.DECISION)
            .toList();
    Map<Long, PackageRequest> byId =
        requests
            .findAllById(made.stream().map(PanelDecision::getRequestId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(PackageRequest::getId, Function.identity()));
    return made.stream()
        .map(
            d -> {
              PackageRequest request = byId.get(d.getRequestId());
              return new DecisionTime(
                  request.getTeamCode(),
                  d.getDecidedAt().atZone(clock.getZone()).toLocalDate(),
                  d.getOutcome(),
                  hours(Duration.between(request.getReceivedAt(), d.getDecidedAt())));
            })
        .toList();
  }

  private static Row row(
      String group, List<PanelDecision> list, Map<Long, PackageRequest> requests) {
    List<PanelDecision> firstDecisions =
        list.stream().filter(d -> d.getStage() == DecisionStage.DECISION).toList();
    Map<PanelOutcome, Integer> byOutcome = new EnumMap<>(PanelOutcome.class);
    for (PanelOutcome outcome : PanelOutcome.values()) {
      byOutcome.put(
          outcome, (int) firstDecisions.stream().filter(d -> d.getOutcome() == outcome).count());
    }
    List<BigDecimal> hours =
        firstDecisions.stream()
            .map(
                d ->
                    hours(
                        Duration.between(
                            requests.get(d.getRequestId()).getReceivedAt(), d.getDecidedAt())))
            .sorted()
            .toList();
    int n = firstDecisions.size();
    BigDecimal deferralRate =
        n == 0
            ? null
            : BigDecimal.valueOf(byOutcome.get(PanelOutcome.DEFERRED))
                .divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_EVEN);
    BigDecimal mean =
        n == 0
            ? null
            : hours.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_EVEN);
    BigDecimal median =
        n == 0
            ? null
            : n % 2 == 1
                ? hours.get(n / 2)
                : hours
                    .get(n / 2 - 1)
                    .add(hours.get(n / 2))
                    .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_EVEN);
    return new Row(
        group,
        n,
        byOutcome,
        deferralRate,
        mean,
        median,
        n == 0 ? null : hours.get(n - 1),
        (int)
            firstDecisions.stream()
                .filter(d -> d.getDecidedByRoute() == PanelRoute.TEAM_MANAGER)
                .count(),
        (int)
            firstDecisions.stream().filter(d -> d.getDecidedByRoute() == PanelRoute.PANEL).count(),
        (int) list.stream().filter(d -> d.getStage() == DecisionStage.RETROSPECTIVE).count());
  }

  private static BigDecimal hours(Duration duration) {
    return BigDecimal.valueOf(duration.toMinutes())
        .divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_EVEN);
  }
}

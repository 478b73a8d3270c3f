package org.carereviews.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of care package reviews ({@code care-reviews.review.*}), each with its default written
 * once, in {@code application.yaml}. Periods are ISO-8601 ({@code P28D}, {@code P6W}, {@code
 * P12M}).
 *
 * @param schedule when the daily job starts due reviews (Spring cron; {@code -} switches it off)
 * @param leadTime a scheduled review starts this long before its due date
 * @param annualInterval the next review falls due this long after a review completes
 * @param initialWindowStart an initial review starts this long after a new package starts
 * @param initialWindowEnd ... and is due this long after it starts
 * @param requestedDue a requested review is due this long after it is asked for
 * @param startLimit the most reviews one run of the daily job starts (the rest start the next day)
 * @param overdueGrace the team manager is asked to chase a review this long after its due date
 * @param escalationResponse the team manager's chasing task is due this long after it is raised
 * @param weeklyCostCeiling the highest proposed weekly gross cost accepted (anything above is taken
 *     as a typing error)
 * @param backdatingLimit how far in the past a proposed change may take effect
 */
@Validated
@ConfigurationProperties("care-reviews.review")
public record ReviewProperties(
    @NotNull String schedule,
    @NotNull Period leadTime,
    @NotNull Period annualInterval,
    @NotNull Period initialWindowStart,
    @NotNull Period initialWindowEnd,
    @NotNull Period requestedDue,
    @Positive int startLimit,
    @NotNull Period overdueGrace,
    @NotNull Period escalationResponse,
    @NotNull @Positive BigDecimal weeklyCostCeiling,
    @NotNull Period backdatingLimit) {

  /**
   * When an overdue review is chased.
   *
   * @param chaseOn the day the timer {@code Event_ReviewOverdue} raises the chase (process variable
   *     {@code escalateAt})
   * @param answerBy the day the team managers' chasing task is due (process variable {@code
   *     escalationDueDate})
   */
  record OverdueChase(LocalDate chaseOn, LocalDate answerBy) {}

  /**
   * The one place the overdue chase is timed: a review is chased {@link #overdueGrace} after its
   * due date, and the team managers' chasing task is due {@link #escalationResponse} after the
   * chase is raised (today, if the chase day has passed). Worked out when the review is registered
   * (for the timer) and again when the timer fires (for the task).
   */
  OverdueChase overdueChase(LocalDate dueDate, LocalDate today) {
    LocalDate chaseOn = dueDate.plus(overdueGrace);
    LocalDate raisedOn = chaseOn.isAfter(today) ? chaseOn : today;
    return new OverdueChase(chaseOn, raisedOn.plus(escalationResponse));
  }
}

package org.carereviews.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of care package reviews ({@code care-reviews.review.*}). Periods are ISO-8601 ({@code P28D}, {@code P6W}, {@code P12M}).
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
 * @param weeklyCostCeiling the highest proposed weekly gross cost accepted (anything above is taken as a typing error)
 * @param backdatingLimit how far in the past a proposed change may take effect
 */
@Validated
@ConfigurationProperties("care-reviews.review")
public record ReviewProperties(
    @DefaultValue("0 30 6 * * *") @NotNull String schedule,
    @DefaultValue("P28D") @NotNull Period leadTime,
    @DefaultValue("P12M") @NotNull Period annualInterval,
    @DefaultValue("P6W") @NotNull Period initialWindowStart,
    @DefaultValue("P8W") @NotNull Period initialWindowEnd,
    @DefaultValue("P28D") @NotNull Period requestedDue,
    @DefaultValue("500") @Positive int startLimit,
    @DefaultValue("P0D") @NotNull Period overdueGrace,
    @DefaultValue("P5D") @NotNull Period escalationResponse,
    @DefaultValue("15000.00") @Positive BigDecimal weeklyCostCeiling,
    @DefaultValue("P28D") @NotNull Period backdatingLimit) {
}

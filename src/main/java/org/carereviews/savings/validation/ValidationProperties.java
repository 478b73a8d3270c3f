package org.carereviews.savings.validation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of finance validation and the board ({@code care-reviews.savings.validation.*}); their
 * defaults are written once, in {@code application.yaml}.
 *
 * @param secondValidationAbove a saving whose full-year effect (claimed or validated, whichever is
 *     larger) is above this many pounds needs a second validation by the head of finance (the one
 *     place this threshold is set; {@link SavingsValidation#needsSecondValidation} applies it)
 * @param boardDayOfMonth the day of each month on which validated savings are gathered into the
 *     Change and Efficiency Board's list (1 to 28)
 * @param boardGatherTime the time of day of the gathering, in {@code care-reviews.time-zone}
 * @param boardSchedulerEnabled whether the monthly gathering runs (off in tests that gather by
 *     hand)
 */
@Validated
@ConfigurationProperties("care-reviews.savings.validation")
public record ValidationProperties(
    @NotNull @PositiveOrZero BigDecimal secondValidationAbove,
    @Min(1) @Max(28) int boardDayOfMonth,
    @NotNull LocalTime boardGatherTime,
    boolean boardSchedulerEnabled) {}

package org.carereviews.savings.validation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of finance validation and the board ({@code care-reviews.savings.validation.*}).
 *
 * @param secondValidationAbove a saving whose full-year effect (claimed or validated, whichever is
 *     larger) is above this many pounds needs a second validation by the head of finance (default 20,000)
 * @param boardDayOfMonth the day of each month on which validated savings are gathered into the
 *     Change and Efficiency Board's list (1 to 28; default 1)
 * @param boardGatherTime the time of day of the gathering, in {@code care-reviews.time-zone} (default 07:00)
 * @param boardSchedulerEnabled whether the monthly gathering runs (off in tests that gather by hand)
 */
@Validated
@ConfigurationProperties("care-reviews.savings.validation")
public record ValidationProperties(
    @DefaultValue("20000.00") @NotNull @PositiveOrZero BigDecimal secondValidationAbove,
    @DefaultValue("1") @Min(1) @Max(28) int boardDayOfMonth,
    @DefaultValue("07:00") @NotNull LocalTime boardGatherTime,
    @DefaultValue("true") boolean boardSchedulerEnabled) {
}

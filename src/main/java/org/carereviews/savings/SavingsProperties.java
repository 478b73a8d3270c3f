package org.carereviews.savings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the savings capability ({@code care-reviews.savings.*}); their defaults are written
 * once, in {@code application.yaml}.
 *
 * @param weeksPerYear weeks in a year for full-year effects, e.g. {@code 365/7} or {@code 52}
 * @param clawbackWindow how long after a saving an increase to the same package reverses it: {@code
 *     rest-of-financial-year} or an ISO period such as {@code P6M}
 * @param importMaxRows the most data rows one CSV import may hold
 * @param confidenceFactor the share of a line's savings identified and not yet validated that its
 *     forecast counts, for a line without a factor of its own (see docs/savings-rules.md)
 * @param atRiskTolerance a line is at risk when its forecast falls short of its target by more than
 *     this share of the target
 */
@Validated
@ConfigurationProperties("care-reviews.savings")
public record SavingsProperties(
    @NotNull WeeksPerYear weeksPerYear,
    @NotNull ClawbackWindow clawbackWindow,
    @Positive int importMaxRows,
    @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal confidenceFactor,
    @NotNull @DecimalMin("0") BigDecimal atRiskTolerance) {}

package org.carereviews.savings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the savings capability ({@code care-reviews.savings.*}).
 *
 * @param weeksPerYear weeks in a year for full-year effects: {@code 365/7} (default) or e.g. {@code 52}
 * @param clawbackWindow how long after a saving an increase to the same package reverses it:
 *     {@code rest-of-financial-year} (default) or an ISO period such as {@code P6M}
 * @param importMaxRows the most data rows one CSV import may hold (default 100,000)
 * @param confidenceFactor the share of a line's savings identified and not yet validated that its
 *     forecast counts, for a line without a factor of its own (default 0.5; see docs/savings-rules.md)
 * @param atRiskTolerance a line is at risk when its forecast falls short of its target by more than
 *     this share of the target (default 0.10)
 */
@Validated
@ConfigurationProperties("care-reviews.savings")
public record SavingsProperties(
    @DefaultValue("365/7") WeeksPerYear weeksPerYear,
    @DefaultValue(ClawbackWindow.REST_OF_FINANCIAL_YEAR) ClawbackWindow clawbackWindow,
    @DefaultValue("100000") @Positive int importMaxRows,
    @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") BigDecimal confidenceFactor,
    @DefaultValue("0.10") @DecimalMin("0") BigDecimal atRiskTolerance) {
}

package org.carereviews.savings;

import jakarta.validation.constraints.Positive;
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
 */
@Validated
@ConfigurationProperties("care-reviews.savings")
public record SavingsProperties(
    @DefaultValue("365/7") WeeksPerYear weeksPerYear,
    @DefaultValue(ClawbackWindow.REST_OF_FINANCIAL_YEAR) ClawbackWindow clawbackWindow,
    @DefaultValue("100000") @Positive int importMaxRows) {
}

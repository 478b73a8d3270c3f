package org.carereviews.savings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the savings capability ({@code care-reviews.savings.*}).
 *
 * @param weeksPerYear weeks in a year for full-year effects: {@code 365/7} (default) or e.g. {@code 52}
 */
@ConfigurationProperties("care-reviews.savings")
public record SavingsProperties(@DefaultValue("365/7") WeeksPerYear weeksPerYear) {
}

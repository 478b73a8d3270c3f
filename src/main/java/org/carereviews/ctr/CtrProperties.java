package org.carereviews.ctr;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the CTR capability ({@code care-reviews.ctr.*}); their defaults are written once, in
 * {@code application.yaml}. The savings line a discharge's council cost counts toward is the
 * savings routing table's ({@code processes/review/SavingsLineRouting.dmn}), not a setting.
 *
 * @param dueHorizon how far ahead the list of what is due looks (reviews due later are not listed)
 * @param schedule when the daily job starts what falls due: a Spring cron expression in the
 *     service's time zone ({@code -} turns it off)
 */
@Validated
@ConfigurationProperties("care-reviews.ctr")
record CtrProperties(@NotNull Period dueHorizon, @NotBlank String schedule) {}

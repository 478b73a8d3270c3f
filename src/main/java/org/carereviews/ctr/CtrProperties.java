package org.carereviews.ctr;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the CTR capability ({@code care-reviews.ctr.*}).
 *
 * @param growthSavingsLine the savings line (kind GROWTH) that a discharge's new council cost counts toward
 * @param dueHorizon how far ahead the list of what is due looks (reviews due later are not listed)
 * @param schedule when the daily job starts what falls due: a Spring cron expression in the service's
 *     time zone ({@code 0 0 6 * * *}, 06:00, by default; {@code -} turns it off)
 */
@Validated
@ConfigurationProperties("care-reviews.ctr")
public record CtrProperties(
    @DefaultValue("CTR Growth") @NotBlank String growthSavingsLine,
    @DefaultValue("P6M") @NotNull Period dueHorizon,
    @DefaultValue("0 0 6 * * *") @NotBlank String schedule) {
}

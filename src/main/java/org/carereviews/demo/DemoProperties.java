package org.carereviews.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data of the embedded default ({@code care-reviews.demo.*}).
 *
 * @param loadData load the synthetic council into an empty casebook at start-up
 * @param seed the random seed: the same seed gives the same people and packages
 * @param people how many people to generate
 */
@Validated
@ConfigurationProperties("care-reviews.demo")
public record DemoProperties(
    @DefaultValue("false") boolean loadData,
    @DefaultValue("20210505") long seed,
    @DefaultValue("2400") @Min(1) @Max(200_000) int people) {}

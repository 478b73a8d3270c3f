package org.carereviews.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link Clock} for everything that depends on today's date; tests replace it. */
@Configuration
class TimeConfiguration {

  @Bean
  Clock clock(@Value("${care-reviews.time-zone}") ZoneId zone) {
    return Clock.system(zone);
  }
}

package org.carereviews.review;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily review start ({@link ReviewStarts#daily()}) runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class ReviewScheduling {
}

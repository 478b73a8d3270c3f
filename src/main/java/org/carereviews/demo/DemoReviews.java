package org.carereviews.demo;

import org.carereviews.review.ReviewStarts;
import org.carereviews.review.ReviewStarts.DailyRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts a first batch of due reviews in the embedded default, so Tasklist has work in it at once
 * (the daily job starts the rest at its scheduled time). Only into a database with no reviews yet.
 */
@Component
@ConditionalOnProperty(name = "care-reviews.demo.load-data", havingValue = "true")
@Order(3)
class DemoReviews implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);
  private static final int FIRST_BATCH = 60;

  private final ReviewStarts starts;
  private final JdbcTemplate jdbc;

  DemoReviews(ReviewStarts starts, JdbcTemplate jdbc) {
    this.starts = starts;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    Long existing = jdbc.queryForObject("select count(*) from care_review", Long.class);
    if (existing != null && existing > 0) {
      return;
    }
    DailyRun run = starts.startDueReviews(FIRST_BATCH);
    log.warn(
        "Demo reviews: {} due reviews started ({} scheduled, {} initial)",
        run.scheduled() + run.initial(),
        run.scheduled(),
        run.initial());
  }
}

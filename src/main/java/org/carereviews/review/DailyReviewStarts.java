package org.carereviews.review;

import org.carereviews.common.schedule.ScheduledJob;
import org.carereviews.review.ReviewStarts.DailyRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The daily review job: starts the reviews that are due ({@link ReviewStarts#startDueReviews}) at
 * the time {@code care-reviews.review.schedule} gives ({@code -} switches it off).
 */
@Component
class DailyReviewStarts implements ScheduledJob {

  private static final Logger log = LoggerFactory.getLogger(DailyReviewStarts.class);

  private final ReviewStarts starts;
  private final ReviewProperties properties;

  DailyReviewStarts(ReviewStarts starts, ReviewProperties properties) {
    this.starts = starts;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "review starts";
  }

  @Override
  public String cron() {
    return properties.schedule();
  }

  @Override
  public void run() {
    DailyRun run = starts.startDueReviews(properties.startLimit());
    log.info(
        "Daily review start: {} scheduled, {} initial, {} refused",
        run.scheduled(),
        run.initial(),
        run.refused());
  }
}

package org.carereviews.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.review.ReviewEvent.Kind;
import org.springframework.stereotype.Component;

/**
 * What the review's jobs share: finding a review (open, or any), its latest outcome, and its
 * history, to which every step adds an event.
 */
@Component
class ReviewRecords {

  /** The actor the service itself acts as (the daily job, the process's own steps). */
  static final String SYSTEM = "care-reviews";

  private final Reviews reviews;
  private final ReviewOutcomeRecords outcomes;
  private final ReviewEvents events;
  private final Clock clock;

  ReviewRecords(Reviews reviews, ReviewOutcomeRecords outcomes, ReviewEvents events, Clock clock) {
    this.reviews = reviews;
    this.outcomes = outcomes;
    this.events = events;
    this.clock = clock;
  }

  Review get(ReviewId reviewId) {
    return reviews
        .findById(reviewId.value())
        .orElseThrow(() -> new RecordNotFoundException("review", reviewId.value()));
  }

  /** A review still open; a completed one is refused, naming it. */
  Review open(ReviewId reviewId) {
    Review review = get(reviewId);
    if (!review.isOpen()) {
      throw new InvalidRequestException(
          "reviewId", "review " + review.getReference() + " is already completed");
    }
    return review;
  }

  ReviewOutcomeRecord latestOutcome(Review review) {
    return outcomes
        .findFirstByCareReviewIdOrderByIdDesc(review.getId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "review " + review.getReference() + " has no recorded outcome"));
  }

  void event(long reviewId, Kind kind, String detail, String actor) {
    events.save(new ReviewEvent(reviewId, kind, detail, actor, Instant.now(clock)));
  }

  void event(Review review, Kind kind, String detail, String actor) {
    event(review.getId(), kind, detail, actor);
  }

  List<ReviewEvent> history(long reviewId) {
    return events.findByCareReviewIdOrderByOccurredAtAscIdAsc(reviewId);
  }
}

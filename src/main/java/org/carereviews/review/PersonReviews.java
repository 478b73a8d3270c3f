package org.carereviews.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carereviews.identity.CareUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of a person's reviews for other capabilities' pages (the workspace): what the API's
 * history gives.
 */
@Service
public class PersonReviews {

  /** One review of one of the person's packages, newest first. */
  public record ReviewSummary(
      long id,
      String reference,
      long packageId,
      ReviewRoute route,
      LocalDate dueDate,
      boolean overdue,
      ReviewStatus status,
      ReviewOutcome outcome,
      Instant startedAt,
      Instant completedAt) {}

  private final ReviewActions actions;

  PersonReviews(ReviewActions actions) {
    this.actions = actions;
  }

  /**
   * The person's reviews, newest first, as {@code GET /api/people/{personId}/reviews} answers them;
   * refused (Spring's {@code AccessDeniedException}) for a person of another team, as there.
   */
  @Transactional(readOnly = true)
  public List<ReviewSummary> ofPerson(CareUser user, long personId) {
    return actions.historyOfPerson(user, personId).stream()
        .map(
            review ->
                new ReviewSummary(
                    review.id(),
                    review.reference(),
                    review.packageId(),
                    review.route(),
                    review.dueDate(),
                    review.overdue(),
                    review.status(),
                    review.outcome(),
                    review.startedAt(),
                    review.completedAt()))
        .toList();
  }
}

package org.carereviews.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carereviews.identity.CareUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews in bulk for lists another capability has scoped to the user (a work list), and the one
 * action a list takes on them (allocation, with the API's checks). No personal data: ids and
 * references.
 */
@Service
public class ReviewLines {

  /** A review as a list row or a task page shows it. */
  public record ReviewLine(
      long reviewId,
      String reference,
      long personId,
      long packageId,
      String teamCode,
      LocalDate dueDate,
      ReviewStatus status,
      ReviewOutcome outcome,
      String processInstanceId,
      Instant completedAt) {

    static ReviewLine of(Review review) {
      return new ReviewLine(
          review.getId(),
          review.getReference(),
          review.getPersonId(),
          review.getCarePackageId(),
          review.getTeamCode(),
          review.getDueDate(),
          review.getStatus(),
          review.getOutcome(),
          review.getProcessInstanceId(),
          review.getCompletedAt());
    }
  }

  private final Reviews reviews;
  private final ReviewActions actions;

  ReviewLines(Reviews reviews, ReviewActions actions) {
    this.reviews = reviews;
    this.actions = actions;
  }

  /** The reviews with these references (the review processes' business keys), by reference. */
  @Transactional(readOnly = true)
  public Map<String, ReviewLine> byReference(Collection<String> references) {
    return references.isEmpty()
        ? Map.of()
        : reviews.findByReferenceIn(references).stream()
            .map(ReviewLine::of)
            .collect(Collectors.toMap(ReviewLine::reference, Function.identity()));
  }

  /** The references of these people's open reviews. */
  @Transactional(readOnly = true)
  public List<String> openReferencesOf(Collection<Long> personIds) {
    return personIds.isEmpty() ? List.of() : reviews.findOpenReferencesOfPeople(personIds);
  }

  /** The review a process instance carries out, if it is a review's. */
  @Transactional(readOnly = true)
  public Optional<ReviewLine> ofProcess(String processInstanceId) {
    return reviews.findByProcessInstanceId(processInstanceId).map(ReviewLine::of);
  }

  /** The person's last completed review. */
  @Transactional(readOnly = true)
  public Optional<ReviewLine> lastCompleted(long personId) {
    return reviews
        .findFirstByPersonIdAndStatusOrderByCompletedAtDesc(personId, ReviewStatus.COMPLETED)
        .map(ReviewLine::of);
  }

  /**
   * Allocates a review to a worker of its team, as the API does (a team manager of the team only).
   */
  public void allocate(CareUser user, long reviewId, String assignee) {
    actions.allocate(user, reviewId, assignee);
  }
}

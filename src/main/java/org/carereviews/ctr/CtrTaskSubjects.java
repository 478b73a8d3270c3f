package org.carereviews.ctr;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carereviews.workflow.TaskSubject;
import org.carereviews.workflow.TaskSubjects;
import org.springframework.stereotype.Component;

/**
 * CTR tasks: a review's or visit's {@code CTR-000004 P-000301: Record consent..., CTR due 30 Dec
 * 2026}; a recommendation's {@code CTR-000004 P-000301 action 12: Carry out the recommendation, due
 * 30 Jan 2027}.
 */
@Component
class CtrTaskSubjects implements TaskSubjects {

  private final CtrReviews reviews;
  private final Recommendations recommendations;

  CtrTaskSubjects(CtrReviews reviews, Recommendations recommendations) {
    this.reviews = reviews;
    this.recommendations = recommendations;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(CtrProcesses.REVIEW, CtrProcesses.OVERSIGHT_VISIT, CtrProcesses.ACTION_FOLLOW_UP);
  }

  @Override
  public Optional<TaskSubject> describe(DelegateTask task) {
    Long actionId = CtrProcesses.ACTION_ID.read(task);
    if (actionId != null) {
      return recommendations
          .findById(actionId)
          .map(
              action ->
                  new TaskSubject(
                      references(action.getReview()) + " action " + action.getId(),
                      "due " + TaskSubject.date(action.getDueDate())));
    }
    Long reviewId = CtrProcesses.REVIEW_ID.read(task);
    if (reviewId != null) {
      return reviews
          .findById(reviewId)
          .map(
              review ->
                  new TaskSubject(
                      references(review),
                      review.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                          + " due "
                          + TaskSubject.date(review.getDueDate())));
    }
    return Optional.empty();
  }

  private static String references(CtrReview review) {
    return review.getReference() + " " + review.getRegisterEntry().getPerson().getReference();
  }
}

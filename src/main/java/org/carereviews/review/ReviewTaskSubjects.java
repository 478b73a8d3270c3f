package org.carereviews.review;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carereviews.casebook.CasebookService;
import org.carereviews.workflow.TaskSubject;
import org.carereviews.workflow.TaskSubjects;
import org.springframework.stereotype.Component;

/**
 * A review's tasks: {@code REV-000061 P-000301 PKG-000393: Carry out review..., due 30 Dec 2026,
 * GBP 450.00/wk}.
 */
@Component
class ReviewTaskSubjects implements TaskSubjects {

  private final Reviews reviews;
  private final CasebookService casebook;

  ReviewTaskSubjects(Reviews reviews, CasebookService casebook) {
    this.reviews = reviews;
    this.casebook = casebook;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ReviewProcess.KEY);
  }

  @Override
  public Optional<TaskSubject> describe(DelegateTask task) {
    Long reviewId = ReviewProcess.REVIEW_ID.read(task);
    if (reviewId == null) {
      return Optional.empty();
    }
    return reviews
        .findById(reviewId)
        .map(
            review -> {
              CasebookService.PackageSnapshot pack =
                  casebook.packageSnapshot(review.getCarePackageId());
              String due =
                  ReviewProcess.TASK_CHASE_OVERDUE.equals(task.getTaskDefinitionKey())
                      ? "overdue, was due "
                      : "due ";
              return new TaskSubject(
                  review.getReference()
                      + " "
                      + pack.personReference()
                      + " "
                      + pack.packageReference(),
                  due
                      + TaskSubject.date(review.getDueDate())
                      + ", "
                      + TaskSubject.money(pack.terms().getNetWeeklyCost())
                      + "/wk");
            });
  }
}

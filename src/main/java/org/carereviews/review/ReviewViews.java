package org.carereviews.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.carereviews.common.Money;
import org.carereviews.workflow.OpenTask;

/** What the review API answers. */
final class ReviewViews {

  private ReviewViews() {}

  record ReviewView(
      long id,
      String reference,
      long packageId,
      long personId,
      String teamCode,
      ReviewRoute route,
      RequestedBy requestedBy,
      String requestReason,
      LocalDate dueDate,
      boolean overdue,
      ReviewStatus status,
      ReviewOutcome outcome,
      String startedBy,
      Instant startedAt,
      Instant completedAt,
      List<TaskView> openTasks) {

    static ReviewView of(Review review, LocalDate today, List<OpenTask> openTasks) {
      return new ReviewView(
          review.getId(),
          review.getReference(),
          review.getCarePackageId(),
          review.getPersonId(),
          review.getTeamCode(),
          review.getRoute(),
          review.getRequestedBy(),
          review.getRequestReason(),
          review.getDueDate(),
          review.isOpen() && review.getDueDate().isBefore(today),
          review.getStatus(),
          review.getOutcome(),
          review.getStartedBy(),
          review.getStartedAt(),
          review.getCompletedAt(),
          openTasks.stream().map(TaskView::of).toList());
    }
  }

  /** An open task of a review, as the API shows it. */
  record TaskView(String taskId, String taskKey, String name, String assignee, Date due) {
    static TaskView of(OpenTask task) {
      return new TaskView(
          task.id(),
          task.key(),
          task.name(),
          task.assignee(),
          task.due() == null ? null : Date.from(task.due()));
    }
  }

  record EventView(ReviewEvent.Kind kind, String detail, String actor, Instant occurredAt) {
    static EventView of(ReviewEvent event) {
      return new EventView(
          event.getKind(), event.getDetail(), event.getActor(), event.getOccurredAt());
    }
  }

  record ChangeView(
      String sourceReference,
      int packageVersion,
      Money oldNetWeeklyCost,
      Money newNetWeeklyCost,
      LocalDate effectiveDate,
      String savingsLineCode) {
    static ChangeView of(ReviewChange change) {
      return new ChangeView(
          change.getSourceReference(),
          change.getPackageVersionNumber(),
          change.getOldNetWeeklyCost(),
          change.getNewNetWeeklyCost(),
          change.getEffectiveDate(),
          change.getSavingsLineCode());
    }
  }

  /** One review with its history and the package changes it applied. */
  record ReviewDetailView(ReviewView review, List<EventView> history, List<ChangeView> changes) {}
}

package org.carereviews.workspace.work;

import java.time.LocalDate;
import org.carereviews.common.Money;

/**
 * One row of a work list: whom a task concerns, what is to be done, when, and what is at stake.
 * Holds the person's name as the casebook gave it when the page was drawn: never stored, never
 * logged.
 *
 * @param overdue "3 weeks overdue", or null
 * @param reviewId the review, for a review's task (allocation), else null
 * @param assigneeName whose it is, or null while unallocated
 */
public record WorkRow(
    String taskId,
    String taskKey,
    String whatToDo,
    String personName,
    String personReference,
    String caseReference,
    LocalDate due,
    String overdue,
    Money currentWeekly,
    Money proposedWeekly,
    Money fullYearChange,
    String waited,
    Long reviewId,
    String assignee,
    String assigneeName) {

  public String currentText() {
    return Pounds.of(currentWeekly);
  }

  public String proposedText() {
    return Pounds.of(proposedWeekly);
  }

  public String fullYearText() {
    return Pounds.change(fullYearChange);
  }

  public String dueText() {
    return due == null ? null : Outcomes.DATE.format(due);
  }

  public boolean unallocatedReview() {
    return reviewId != null && assignee == null && TaskKind.REVIEW.taskKey().equals(taskKey);
  }
}

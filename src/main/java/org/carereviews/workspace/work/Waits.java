package org.carereviews.workspace.work;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How overdue a task is and how long it has waited, in the words a row uses ("3 weeks overdue").
 */
final class Waits {

  private Waits() {}

  /** "3 weeks overdue", "1 day overdue", or null when not overdue (or no due date). */
  static String overdue(LocalDate due, LocalDate today) {
    if (due == null || !due.isBefore(today)) {
      return null;
    }
    return span(ChronoUnit.DAYS.between(due, today)) + " overdue";
  }

  /** "today", "2 days", "5 weeks". */
  static String waited(LocalDate since, LocalDate today) {
    if (since == null) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(since, today);
    return days <= 0 ? "Under a day" : span(days);
  }

  static String span(long days) {
    if (days < 14) {
      return days + (days == 1 ? " day" : " days");
    }
    long weeks = days / 7;
    return weeks + " weeks";
  }
}

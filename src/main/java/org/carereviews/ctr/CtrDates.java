package org.carereviews.ctr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates inside the register's stored texts and messages as the pages write them ({@code 25 November
 * 2026}, as the workspace's dates), never in ISO form.
 */
final class CtrDates {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private CtrDates() {}

  static String words(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }
}

package org.carereviews.common;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates the service accepts, in one place: no council records a birth before 1900 or in the
 * future, nor a package, change, review or meeting before 1950 or after 2099. Every date a client
 * sends (JSON bodies, Tasklist forms, CSV imports) is checked against these windows before anything
 * is written, so that no later step (a financial year, a ledger entry) meets a date it cannot
 * place.
 */
public final class DateWindows {

  /** The earliest date of birth accepted; a birth is also never after today. */
  public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  /**
   * The earliest date of care accepted: a package's start or end, an effective date, a due date, a
   * meeting.
   */
  public static final LocalDate EARLIEST_CARE_DATE = LocalDate.of(1950, 1, 1);

  /** The latest date accepted, of any kind. */
  public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

  private DateWindows() {}

  /**
   * Null when the date of birth is acceptable, otherwise why not (a phrase to follow the field's
   * name).
   */
  public static String birthProblem(LocalDate date, LocalDate today) {
    if (date.isBefore(EARLIEST_BIRTH) || date.isAfter(today)) {
      return "must be a date of birth from " + EARLIEST_BIRTH + " to today";
    }
    return null;
  }

  /**
   * Null when the date of care is acceptable, otherwise why not (a phrase to follow the field's
   * name).
   */
  public static String careDateProblem(LocalDate date) {
    if (date.isBefore(EARLIEST_CARE_DATE) || date.isAfter(LATEST_DATE)) {
      return "must be a date from " + EARLIEST_CARE_DATE + " to " + LATEST_DATE;
    }
    return null;
  }

  /** Null when the month is acceptable (the same window as a date of care), otherwise why not. */
  public static String monthProblem(YearMonth month) {
    if (month.atDay(1).isBefore(EARLIEST_CARE_DATE) || month.atEndOfMonth().isAfter(LATEST_DATE)) {
      return "must be a month from "
          + YearMonth.from(EARLIEST_CARE_DATE)
          + " to "
          + YearMonth.from(LATEST_DATE);
    }
    return null;
  }
}

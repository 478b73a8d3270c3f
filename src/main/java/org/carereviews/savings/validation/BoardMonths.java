package org.carereviews.savings.validation;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.carereviews.common.DateWindows;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.savings.validation.SavingsProcesses.Board;

/** The month a board's list is for, as the board process is started with it. */
final class BoardMonths {

  private BoardMonths() {}

  /** The board's month as a start variable (yyyy-mm, within the date window). */
  static YearMonth parse(String value) {
    YearMonth month;
    try {
      month = value != null && value.matches("[0-9]{4}-[0-9]{2}") ? YearMonth.parse(value) : null;
    } catch (DateTimeParseException e) {
      month = null;
    }
    if (month == null || DateWindows.monthProblem(month) != null) {
      throw new InvalidRequestException(
          Board.VAR_MONTH, "must be a month written yyyy-mm, from 1950-01 to 2099-12");
    }
    return month;
  }
}

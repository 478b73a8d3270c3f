package org.carereviews.savings;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * How long after a saving an increase to the same package claws it back: {@code
 * rest-of-financial-year} (the default: up to 31 March of the saving's financial year) or an ISO
 * period such as {@code P6M}.
 */
public record ClawbackWindow(Period period) {

  public static final String REST_OF_FINANCIAL_YEAR = "rest-of-financial-year";

  /** Spring binding of the setting. */
  public static ClawbackWindow valueOf(String text) {
    if (text == null || text.isBlank() || REST_OF_FINANCIAL_YEAR.equalsIgnoreCase(text.trim())) {
      return new ClawbackWindow(null);
    }
    try {
      Period period = Period.parse(text.trim());
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException(
            "the clawback window must be a positive period, e.g. P6M");
      }
      return new ClawbackWindow(period);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a clawback window: '"
              + text
              + "' (expected "
              + REST_OF_FINANCIAL_YEAR
              + " or an ISO period such as P6M)",
          e);
    }
  }

  /**
   * Whether an increase effective on {@code increase} falls within the window of a saving effective
   * on {@code saving}.
   */
  public boolean covers(LocalDate saving, LocalDate increase) {
    if (increase.isBefore(saving)) {
      return false;
    }
    if (period == null) {
      return !increase.isAfter(org.carereviews.common.FinancialYear.containing(saving).lastDay());
    }
    return increase.isBefore(saving.plus(period));
  }

  @Override
  public String toString() {
    return period == null ? REST_OF_FINANCIAL_YEAR : period.toString();
  }
}

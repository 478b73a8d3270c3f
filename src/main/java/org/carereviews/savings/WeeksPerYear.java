package org.carereviews.savings;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How many weeks a year has when a weekly figure is turned into a full-year effect: {@code 365/7}
 * (52.142857...) by default; some councils use {@code 52}. Kept as an exact fraction so that no
 * rounding happens before the final penny.
 */
public record WeeksPerYear(BigDecimal numerator, BigDecimal denominator) {

  public static final WeeksPerYear DAYS_365_OVER_7 =
      new WeeksPerYear(BigDecimal.valueOf(365), BigDecimal.valueOf(7));

  public WeeksPerYear {
    if (numerator.signum() <= 0 || denominator.signum() <= 0) {
      throw new IllegalArgumentException("weeks per year must be positive");
    }
    BigDecimal weeks = numerator.divide(denominator, MathContext.DECIMAL64);
    if (weeks.compareTo(BigDecimal.valueOf(50)) < 0
        || weeks.compareTo(BigDecimal.valueOf(54)) > 0) {
      throw new IllegalArgumentException("weeks per year must be between 50 and 54, was " + weeks);
    }
  }

  /** Used by Spring to bind the setting; see {@link #parse(String)}. */
  public static WeeksPerYear valueOf(String text) {
    return parse(text);
  }

  /** {@code "365/7"}, {@code "52"} or {@code "52.143"}. */
  public static WeeksPerYear parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("weeks per year is required, e.g. 365/7 or 52");
    }
    try {
      String[] parts = text.trim().split("/");
      if (parts.length == 1) {
        return new WeeksPerYear(new BigDecimal(parts[0].trim()), BigDecimal.ONE);
      }
      if (parts.length == 2) {
        return new WeeksPerYear(new BigDecimal(parts[0].trim()), new BigDecimal(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "not a number of weeks per year: '" + text + "' (expected e.g. 365/7 or 52)");
  }

  @Override
  public String toString() {
    return denominator.compareTo(BigDecimal.ONE) == 0
        ? numerator.toPlainString()
        : numerator.toPlainString() + "/" + denominator.toPlainString();
  }
}

package org.carereviews.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK public-sector financial year: 1 April to 31 March, written {@code 2024/25}.
 *
 * <p>{@link #parse(String)} also accepts {@code 2024-25} (for URLs) and the four-digit end year
 * {@code 2024/2025}.
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})[/-](\\d{2}|\\d{4})");

  public FinancialYear {
    if (startYear < 1900 || startYear > 2999) {
      throw new IllegalArgumentException("financial year out of range: " + startYear);
    }
  }

  /** The financial year that contains the date. */
  public static FinancialYear containing(LocalDate date) {
    return new FinancialYear(
        date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
  }

  /** For Spring's conversion of request parameters; see {@link #parse(String)}. */
  public static FinancialYear valueOf(String text) {
    return parse(text);
  }

  @JsonCreator
  public static FinancialYear parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("financial year is required, e.g. 2024/25");
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a financial year: '" + text + "' (expected e.g. 2024/25 or 2024-25)");
    }
    int start = Integer.parseInt(m.group(1));
    String end = m.group(2);
    int expectedEnd = start + 1;
    boolean consistent =
        end.length() == 2
            ? Integer.parseInt(end) == expectedEnd % 100
            : Integer.parseInt(end) == expectedEnd;
    if (!consistent) {
      throw new IllegalArgumentException(
          "not a financial year: '" + text + "' (the second year must follow the first)");
    }
    return new FinancialYear(start);
  }

  /** 1 April. */
  public LocalDate firstDay() {
    return LocalDate.of(startYear, Month.APRIL, 1);
  }

  /** 31 March of the following calendar year. */
  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, Month.MARCH, 31);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
  }

  /** 365, or 366 when the year contains 29 February. */
  public int lengthInDays() {
    return (int) ChronoUnit.DAYS.between(firstDay(), lastDay()) + 1;
  }

  public FinancialYear next() {
    return new FinancialYear(startYear + 1);
  }

  public FinancialYear previous() {
    return new FinancialYear(startYear - 1);
  }

  /** {@code 2024-25}: the form used in URLs. */
  public String toUrlForm() {
    return String.format("%d-%02d", startYear, (startYear + 1) % 100);
  }

  @Override
  public int compareTo(FinancialYear other) {
    return Integer.compare(startYear, other.startYear);
  }

  /** {@code 2024/25}. */
  @JsonValue
  @Override
  public String toString() {
    return String.format("%d/%02d", startYear, (startYear + 1) % 100);
  }
}

package org.carereviews.workflow;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.carereviews.common.Money;

/**
 * Whom a user task concerns and what is at stake, in references and figures only (never a name or a
 * date of birth): e.g. references {@code REV-000061 P-000301 PKG-000393}, stake {@code due 30 Dec
 * 2026}.
 */
public record TaskSubject(String references, String stake) {

  /** Camunda's task name column holds 255 characters. */
  static final int NAME_LIMIT = 255;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  /** {@code 30 Dec 2026}. */
  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** {@code GBP 1,303.57}, {@code -GBP 25.00}. */
  public static String money(Money money) {
    DecimalFormat pounds =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
    return (money.isNegative() ? "-" : "")
        + Money.CURRENCY
        + " "
        + pounds.format(money.amount().abs());
  }

  /** {@code +GBP 120.00/wk}, {@code -GBP 25.00/wk}: a change of weekly cost. */
  public static String weeklyChange(Money change) {
    return (change.isPositive() ? "+" : "") + money(change) + "/wk";
  }

  /** {@code REV-000061 P-000301: Carry out review and record outcome, due 30 Dec 2026}. */
  String name(String taskName) {
    StringBuilder name = new StringBuilder();
    if (references != null && !references.isBlank()) {
      name.append(references.strip()).append(": ");
    }
    name.append(taskName == null ? "" : taskName);
    if (stake != null && !stake.isBlank()) {
      name.append(", ").append(stake.strip());
    }
    return name.length() <= NAME_LIMIT
        ? name.toString()
        : name.substring(0, NAME_LIMIT - 3) + "...";
  }
}

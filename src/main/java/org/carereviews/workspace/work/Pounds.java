package org.carereviews.workspace.work;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.carereviews.common.Money;

/**
 * Money as a page shows it: {@code £1,234.56}, and a change with its sign ({@code +£20.00}, {@code
 * −£1,043.00}).
 */
public final class Pounds {

  private Pounds() {}

  public static String of(Money money) {
    if (money == null) {
      return null;
    }
    return format(money.amount().abs(), money.amount().signum() < 0 ? "−" : "");
  }

  public static String change(Money money) {
    if (money == null) {
      return null;
    }
    int sign = money.amount().signum();
    return format(money.amount().abs(), sign < 0 ? "−" : sign > 0 ? "+" : "");
  }

  private static String format(BigDecimal amount, String sign) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return sign + "£" + format.format(amount);
  }
}

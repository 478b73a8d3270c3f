package org.carereviews.workspace;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.carereviews.common.Money;
import org.springframework.stereotype.Component;

/**
 * How the workspace's pages write money, dates and coded values, as GOV.UK's style guide does:
 * {@code £1,234.50}, {@code 2 December 2026}, {@code 2 December 2026, 2:05pm}, plain words for
 * codes. Templates call it as {@code ${@workspaceFormat.money(amount)}}.
 */
@Component("workspaceFormat")
public class WorkspaceFormat {

  private static final Locale UK = Locale.UK;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", UK);

  /** Codes whose plain words are not their name's. */
  private static final Map<String, String> WORDS =
      Map.of(
          "NHS_CONTINUING_HEALTHCARE", "NHS Continuing Healthcare",
          "S117_AFTERCARE", "Section 117 aftercare",
          "REFER_CHC", "Refer for NHS Continuing Healthcare",
          "AWAITING_NHS_DECISION", "Awaiting NHS decision",
          "CTR_DISCHARGE", "Discharge after a Care and Treatment Review",
          "CHANGE_SERVICE", "Change service type or provider",
          "DIRECT_PAYMENT", "Direct payment");

  private final Clock clock;

  WorkspaceFormat(Clock clock) {
    this.clock = clock;
  }

  public String money(Money money) {
    return money == null ? "" : money(money.amount());
  }

  public String money(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    NumberFormat pounds = NumberFormat.getCurrencyInstance(UK);
    pounds.setMinimumFractionDigits(2);
    pounds.setMaximumFractionDigits(2);
    return pounds.format(amount);
  }

  public String percent(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString() + "%";
  }

  public String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    var local = instant.atZone(clock.getZone());
    return DATE.format(local) + ", " + TIME.format(local).toLowerCase(UK);
  }

  /** Whole years from a date of birth to today. */
  public long age(LocalDate dateOfBirth) {
    return dateOfBirth == null ? 0 : Period.between(dateOfBirth, LocalDate.now(clock)).getYears();
  }

  /**
   * A coded value in plain words: its {@code label()} if it has one, else its name as a sentence.
   */
  public String words(Object code) {
    if (code == null) {
      return "";
    }
    if (code instanceof Enum<?> value) {
      try {
        Method label = value.getDeclaringClass().getMethod("label");
        if (label.getReturnType() == String.class) {
          return (String) label.invoke(value);
        }
      } catch (ReflectiveOperationException e) {
        // no label(): its name in plain words
      }
      String name = value.name();
      String known = WORDS.get(name);
      if (known != null) {
        return known;
      }
      String words = name.replace('_', ' ').toLowerCase(UK);
      return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
    return code.toString();
  }
}

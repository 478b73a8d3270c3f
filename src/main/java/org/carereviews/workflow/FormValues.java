package org.carereviews.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.carereviews.common.DateWindows;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;

/**
 * Reads what a user gave a step, whether through a Camunda Form in Tasklist (text, numbers,
 * booleans, dates as {@code yyyy-MM-dd}) or through the API (the same names and shapes), and
 * refuses what cannot be read with a plain sentence that names the field. The one reader of form
 * values: every capability's listeners and services read their forms with it.
 */
public final class FormValues {

  private final Function<String, Object> lookup;
  private final ZoneId zone;

  private FormValues(Function<String, Object> lookup, ZoneId zone) {
    this.lookup = lookup;
    this.zone = zone;
  }

  /** The values given in a map (an API body or a completion's variables). */
  public static FormValues of(Map<String, ?> values, ZoneId zone) {
    return new FormValues(values::get, zone);
  }

  /** The values visible to a task or execution (a Tasklist form's submission). */
  public static FormValues of(VariableScope scope, ZoneId zone) {
    return new FormValues(scope::getVariable, zone);
  }

  /** The raw value, or null. */
  public Object raw(String name) {
    return lookup.apply(name);
  }

  /** The text given, stripped, or null when nothing (or only blanks) was given. */
  public String text(String name) {
    Object value = lookup.apply(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().strip();
  }

  /** The text given; refused, naming why it is needed, when nothing was. */
  public String requiredText(String name, String why) {
    String value = text(name);
    if (value == null) {
      throw new InvalidRequestException(name, "is required" + (why == null ? "" : ": " + why));
    }
    return value;
  }

  /** A yes-or-no answer, or null when none was given. */
  public Boolean bool(String name) {
    Object value = lookup.apply(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : Boolean.valueOf(text);
  }

  /** A checkbox: true only when ticked. */
  public boolean flag(String name) {
    return Boolean.TRUE.equals(bool(name));
  }

  /**
   * One of an enumeration's values by its name, or null; anything else is refused, listing the
   * choices.
   */
  public <E extends Enum<E>> E choice(String name, Class<E> type) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          name,
          "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + text + "'");
    }
  }

  /**
   * A date ({@code yyyy-MM-dd}; a date-time's date part is taken, as Camunda Forms' date fields may
   * send one) within the service's window for care dates, or null.
   */
  public LocalDate date(String name) {
    Object value = lookup.apply(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    LocalDate date;
    if (value instanceof Date given) {
      date = LocalDate.ofInstant(given.toInstant(), zone);
    } else {
      String text = value.toString().strip();
      try {
        date =
            LocalDate.parse(
                text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException(
            name, "must be a date such as 2026-04-01, not '" + text + "'");
      }
    }
    String outside = DateWindows.careDateProblem(date);
    if (outside != null) {
      throw new InvalidRequestException(name, outside);
    }
    return date;
  }

  /**
   * A date and time: ISO with an offset ({@code 2026-05-04T10:00:00Z}) or local to the council's
   * zone.
   */
  public Instant instant(String name) {
    Object value = lookup.apply(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException again) {
        throw new InvalidRequestException(
            name, "must be a date and time such as 2026-05-04T10:00, not '" + text + "'");
      }
    }
  }

  /**
   * A number, or null. Numbers from a form may arrive as a {@code Double}: their shortest text form
   * is the figure that was typed, so no figure passes through floating point.
   */
  public BigDecimal decimal(String name) {
    return number(name, "must be a number such as 412.50");
  }

  /** An amount of money a week in pounds and pence, within what the service accepts, or null. */
  public Money money(String name) {
    BigDecimal amount = decimal(name);
    if (amount == null) {
      return null;
    }
    if (amount.stripTrailingZeros().scale() > Money.SCALE) {
      throw new InvalidRequestException(
          name,
          "must be pounds and pence (at most two decimal places), not '"
              + amount.toPlainString()
              + "'");
    }
    if (!Money.withinCeiling(amount, Money.MAX_WEEKLY_INPUT)) {
      throw new InvalidRequestException(
          name, "must be at most " + Money.MAX_WEEKLY_INPUT + " a week either way");
    }
    return Money.of(amount.setScale(Money.SCALE));
  }

  /** A percentage, or null (its range is the record's to check). */
  public BigDecimal percent(String name) {
    return number(name, "must be a percentage such as 50");
  }

  private BigDecimal number(String name, String refusal) {
    Object value = lookup.apply(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, refusal + ", not '" + value + "'");
    }
  }
}

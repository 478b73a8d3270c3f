package org.carereviews.workspace.ctr;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * What a CTR step's page posted, read field by field: each field's first refusal in the GOV.UK
 * error message style, keyed by the id of the input the error summary links to. What was typed is
 * kept to show again.
 */
final class CtrInput {

  private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])");
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  static final int MAX_TEXT = 4000;
  static final int MAX_NOTE = 2000;

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  CtrInput(MultiValueMap<String, String> posted) {
    posted.forEach(
        (name, list) -> {
          if (!"_csrf".equals(name) && list != null && !list.isEmpty() && list.get(0) != null) {
            values.put(name, list.get(0));
          }
        });
  }

  /** Nothing posted yet: the fields start from these values. */
  CtrInput(Map<String, String> start) {
    values.putAll(start);
  }

  Map<String, String> values() {
    return values;
  }

  Map<String, String> errors() {
    return errors;
  }

  boolean ok() {
    return errors.isEmpty();
  }

  void error(String field, String message) {
    errors.putIfAbsent(field == null ? "submit" : field, message);
  }

  /** The text typed, stripped; null when empty. */
  String text(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  String requiredText(String name, String what, int max) {
    String value = text(name);
    if (value == null) {
      error(name, "Enter " + what);
    } else if (value.length() > max) {
      error(name, capitalised(what) + " must be " + max + " characters or fewer");
    }
    return value;
  }

  String optionalText(String name, String what, int max) {
    String value = text(name);
    if (value != null && value.length() > max) {
      error(name, capitalised(what) + " must be " + max + " characters or fewer");
    }
    return value;
  }

  /** One of the choices offered, or null (refused when required). */
  String choice(String name, java.util.Collection<String> offered, String refusal) {
    String value = text(name);
    if (value == null || !offered.contains(value)) {
      error(name, refusal);
      return null;
    }
    return value;
  }

  /** A date typed as day, month and year ({@code name-day}, {@code -month}, {@code -year}). */
  LocalDate date(String name, String what, boolean required) {
    String day = text(name + "-day");
    String month = text(name + "-month");
    String year = text(name + "-year");
    if (day == null && month == null && year == null) {
      if (required) {
        error(name + "-day", "Enter " + what);
      }
      return null;
    }
    if (day == null) {
      error(name + "-day", capitalised(what) + " must include a day");
      return null;
    }
    if (month == null) {
      error(name + "-month", capitalised(what) + " must include a month");
      return null;
    }
    if (year == null) {
      error(name + "-year", capitalised(what) + " must include a year");
      return null;
    }
    if (!year.matches("\\d{4}")) {
      error(name + "-year", capitalised(what) + " must have a year with 4 numbers");
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (NumberFormatException | DateTimeException e) {
      error(name + "-day", capitalised(what) + " must be a real date");
      return null;
    }
  }

  /** A date and a time ({@code name-time}, like 14:30). */
  LocalDateTime dateTime(String name, String dateWhat, String timeWhat, boolean required) {
    LocalDate date = date(name, dateWhat, required);
    String time = text(name + "-time");
    if (date == null) {
      return null;
    }
    if (time == null) {
      error(name + "-time", "Enter " + timeWhat);
      return null;
    }
    Matcher m = TIME.matcher(time);
    if (!m.matches()) {
      error(name + "-time", capitalised(timeWhat) + " must be a real time, like 14:30");
      return null;
    }
    return date.atTime(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  /** An amount of money or a number: spaces, commas and a leading £ are accepted. */
  BigDecimal number(String name, String what, boolean required) {
    String value = text(name);
    if (value == null) {
      if (required) {
        error(name, "Enter " + what);
      }
      return null;
    }
    String plain = value.replace(",", "").replace(" ", "").replaceFirst("^£", "");
    try {
      BigDecimal number = new BigDecimal(plain);
      if (number.stripTrailingZeros().scale() > 2) {
        error(name, capitalised(what) + " must have no more than 2 decimal places");
        return null;
      }
      return number;
    } catch (NumberFormatException e) {
      error(name, capitalised(what) + " must be a number, like 412.50");
      return null;
    }
  }

  /**
   * A refusal from the service, at the input its field maps to; a message that needs a subject ("is
   * required ...", "must not be ...") gets the field's label; dates read as people write them.
   */
  void refused(String field, String message, Function<String, String> input, String label) {
    String text = message == null ? "This step was refused" : message;
    Matcher m = ISO_DATE.matcher(text);
    StringBuilder plain = new StringBuilder();
    while (m.find()) {
      String replacement;
      try {
        replacement = DATE.format(LocalDate.parse(m.group()));
      } catch (DateTimeException e) {
        replacement = m.group();
      }
      m.appendReplacement(plain, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(plain);
    text = plain.toString();
    if (text.matches("(?s)(is|must|are|has) .*") && label != null) {
      text = label + " " + text;
    }
    error(field == null ? null : input.apply(field), capitalised(text));
  }

  static String capitalised(String text) {
    return text == null || text.isEmpty()
        ? text
        : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

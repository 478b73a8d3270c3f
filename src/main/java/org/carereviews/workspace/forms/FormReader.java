package org.carereviews.workspace.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carereviews.workflow.Workflow;

/**
 * Turns posted parameters into the variables Camunda Forms would submit, checking the form's own
 * rules on the components that are shown; a hidden component is neither checked nor submitted.
 */
final class FormReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private FormReader() {}

  static FormSubmission read(FormDefinition form, FormAnswers answers) {
    Map<String, Object> variables = new LinkedHashMap<>();
    List<FormError> errors = new ArrayList<>();
    Function<String, Object> values = conditionValues(form, answers);
    for (FormComponent component : form.components()) {
      read(component, answers, values, variables, errors);
    }
    return new FormSubmission(
        form, answers, errors.isEmpty() ? variables : Map.of(), FormErrors.of(errors));
  }

  private static void read(
      FormComponent component,
      FormAnswers answers,
      Function<String, Object> values,
      Map<String, Object> variables,
      List<FormError> errors) {
    if (isHidden(component, values)) {
      return;
    }
    if (component.type() == ComponentType.GROUP) {
      component.components().forEach(child -> read(child, answers, values, variables, errors));
      return;
    }
    if (!component.isInput() || component.disabled()) {
      return;
    }
    if (component.readonly()) {
      Object current = answers.variable(component.key());
      variables.put(component.key(), current == null ? component.defaultValue() : current);
      return;
    }
    Field field = new Field(component, errors);
    Object value =
        switch (component.type()) {
          case TEXTFIELD, TEXTAREA -> text(field, answers);
          case NUMBER -> number(field, answers);
          case CHECKBOX -> checkbox(field, answers);
          case CHECKLIST -> checklist(field, answers);
          case RADIO, SELECT -> choice(field, answers);
          case DATETIME -> dateTime(field, answers);
          default -> throw new IllegalStateException("not an input: " + component.type());
        };
    variables.put(component.key(), value);
  }

  /** Whether a component is hidden by its own condition, evaluated on these values. */
  static boolean isHidden(FormComponent component, Function<String, Object> values) {
    return component.hide() != null && component.hide().isTrue(values);
  }

  /**
   * The values conditions read: each field of the form as the user last gave it (read leniently: a
   * number that cannot be read is null), any other name from the case's variables.
   */
  static Function<String, Object> conditionValues(FormDefinition form, FormAnswers answers) {
    Map<String, FormComponent> fields = new LinkedHashMap<>();
    form.fields().forEach(field -> fields.put(field.key(), field));
    return name -> {
      FormComponent field = fields.get(name);
      if (field == null) {
        return answers.variable(name);
      }
      if (!answers.wasPosted() || field.readonly() || field.disabled()) {
        Object current = answers.variable(name);
        if (current != null) {
          return current;
        }
        return field.defaultValue() != null
            ? field.defaultValue()
            : field.type() == ComponentType.CHECKBOX ? Boolean.FALSE : null;
      }
      Field lenient = new Field(field, new ArrayList<>());
      return switch (field.type()) {
        case TEXTFIELD, TEXTAREA ->
            answers.param(name) == null ? null : answers.param(name).strip();
        case NUMBER -> {
          Object number = number(lenient, answers);
          yield number instanceof String text ? new BigDecimal(text) : number;
        }
        case CHECKBOX -> checkbox(lenient, answers);
        case CHECKLIST -> List.copyOf(answers.params(name));
        case RADIO, SELECT -> blankToNull(answers.param(name));
        case DATETIME -> {
          String date = dateTime(lenient, answers);
          yield lenient.errors.isEmpty() ? date : null;
        }
        default -> null;
      };
    };
  }

  // --- each kind of field ------------------------------------------------------------------------

  private static String text(Field field, FormAnswers answers) {
    String raw = answers.param(field.key());
    String value = raw == null ? "" : raw.strip();
    Validation rules = field.component.validate();
    if (value.isEmpty()) {
      if (rules.required()) {
        field.refuse(FormErrorMessages.required(field.component));
      }
      return "";
    }
    if (rules.maxLength() != null && value.length() > rules.maxLength()) {
      field.refuse(FormErrorMessages.tooLong(field.component, rules.maxLength()));
    } else if (rules.minLength() != null && value.length() < rules.minLength()) {
      field.refuse(FormErrorMessages.tooShort(field.component, rules.minLength()));
    } else if (rules.pattern() != null && !rules.pattern().matcher(value).matches()) {
      field.refuse(FormErrorMessages.wrongFormat(field.component));
    }
    return value;
  }

  /** A number as typed, read as GOV.UK asks: spaces, commas and a pound sign are allowed. */
  private static Object number(Field field, FormAnswers answers) {
    String raw = answers.param(field.key());
    String typed = raw == null ? "" : raw.replaceAll("[\\s,]", "");
    if (typed.startsWith("£")) {
      typed = typed.substring(1);
    }
    Validation rules = field.component.validate();
    if (typed.isEmpty()) {
      if (rules.required()) {
        field.refuse(FormErrorMessages.required(field.component));
      }
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(typed);
    } catch (NumberFormatException e) {
      field.refuse(FormErrorMessages.notANumber(field.component));
      return null;
    }
    if (typed.contains("e") || typed.contains("E")) {
      field.refuse(FormErrorMessages.notANumber(field.component));
      return null;
    }
    Integer digits = field.component.decimalDigits();
    if (digits != null && number.stripTrailingZeros().scale() > digits) {
      field.refuse(FormErrorMessages.tooManyDecimals(field.component));
      return null;
    }
    if ((rules.min() != null && number.compareTo(rules.min()) < 0)
        || (rules.max() != null && number.compareTo(rules.max()) > 0)) {
      field.refuse(FormErrorMessages.outOfRange(field.component));
      return null;
    }
    if (field.component.serializeToString()) {
      return number.toPlainString();
    }
    // As Tasklist's Camunda Forms submit a number: a whole number as a Long, any other as a Double.
    if (number.stripTrailingZeros().scale() <= 0
        && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
      return number.longValueExact();
    }
    return number.doubleValue();
  }

  private static Boolean checkbox(Field field, FormAnswers answers) {
    boolean ticked = "true".equals(answers.param(field.key()));
    if (!ticked && field.component.validate().required()) {
      field.refuse(FormErrorMessages.required(field.component));
    }
    return ticked;
  }

  private static Object checklist(Field field, FormAnswers answers) {
    List<String> allowed =
        FormOptions.of(field.component, answers).stream().map(FormOption::value).toList();
    List<String> chosen =
        answers.params(field.key()).stream().filter(value -> !value.isBlank()).distinct().toList();
    if (!allowed.containsAll(chosen)) {
      field.refuse(FormErrorMessages.notAChoice(field.component));
    } else if (chosen.isEmpty() && field.component.validate().required()) {
      field.refuse(FormErrorMessages.required(field.component));
    }
    // A list goes to the engine as a JSON variable, as Tasklist submits it; never as a serialized
    // Java object.
    try {
      return Workflow.jsonValue(JSON.writeValueAsString(chosen));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the choices of " + field.key() + " cannot be written as JSON", e);
    }
  }

  private static String choice(Field field, FormAnswers answers) {
    String chosen = blankToNull(answers.param(field.key()));
    if (chosen == null) {
      if (field.component.validate().required()) {
        field.refuse(FormErrorMessages.required(field.component));
      }
      return null;
    }
    boolean known =
        FormOptions.of(field.component, answers).stream()
            .anyMatch(option -> option.value().equals(chosen));
    if (!known) {
      field.refuse(FormErrorMessages.notAChoice(field.component));
      return null;
    }
    return chosen;
  }

  /**
   * A date from day, month and year ({@code yyyy-MM-dd}); with a time, {@code yyyy-MM-ddTHH:mm}.
   */
  private static String dateTime(Field field, FormAnswers answers) {
    FormComponent component = field.component;
    String key = component.key();
    String day = trimmed(answers.param(key + FormIds.DAY));
    String month = trimmed(answers.param(key + FormIds.MONTH));
    String year = trimmed(answers.param(key + FormIds.YEAR));
    String time = trimmed(answers.param(key + FormIds.TIME));
    boolean hasDate = component.dateTime().hasDate();
    boolean hasTime = component.dateTime().hasTime();
    boolean noDate = day.isEmpty() && month.isEmpty() && year.isEmpty();
    if ((!hasDate || noDate) && (!hasTime || time.isEmpty())) {
      if (component.validate().required()) {
        field.refuse(FormErrorMessages.required(component), FormIds.firstInput(component));
      }
      return null;
    }
    LocalDate date = null;
    if (hasDate) {
      List<String> missing = new ArrayList<>();
      if (day.isEmpty()) {
        missing.add("day");
      }
      if (month.isEmpty()) {
        missing.add("month");
      }
      if (year.isEmpty()) {
        missing.add("year");
      }
      if (!missing.isEmpty()) {
        String parts = missing.size() == 1 ? missing.get(0) : String.join(" and ", missing);
        field.refuse(FormErrorMessages.dateMissing(component, parts), key + "-" + missing.get(0));
        return null;
      }
      Integer monthNumber = month(month);
      if (!DIGITS.matcher(day).matches()
          || monthNumber == null
          || !DIGITS.matcher(year).matches()) {
        field.refuse(FormErrorMessages.notARealDate(component), key + FormIds.DAY);
        return null;
      }
      if (year.length() != 4) {
        field.refuse(FormErrorMessages.yearDigits(component), key + FormIds.YEAR);
        return null;
      }
      try {
        date = LocalDate.of(Integer.parseInt(year), monthNumber, Integer.parseInt(day));
      } catch (DateTimeException e) {
        field.refuse(FormErrorMessages.notARealDate(component), key + FormIds.DAY);
        return null;
      }
    }
    LocalTime clock = null;
    if (hasTime) {
      if (time.isEmpty()) {
        field.refuse(FormErrorMessages.timeMissing(component), key + FormIds.TIME);
        return null;
      }
      Matcher matcher = TIME.matcher(time);
      try {
        if (!matcher.matches()) {
          throw new DateTimeException(time);
        }
        clock =
            LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
      } catch (DateTimeException e) {
        field.refuse(FormErrorMessages.notARealTime(component), key + FormIds.TIME);
        return null;
      }
    }
    if (date != null && clock != null) {
      return date + "T" + clock;
    }
    return date != null ? date.toString() : clock.toString();
  }

  /** A month as a number (1 to 12) or a name ("Mar", "march"), or null. */
  private static Integer month(String month) {
    if (DIGITS.matcher(month).matches()) {
      int number = Integer.parseInt(month);
      return number >= 1 && number <= 12 ? number : null;
    }
    String name = month.toLowerCase(Locale.ROOT);
    if (name.length() >= 3) {
      int index = MONTHS.indexOf(name.substring(0, 3));
      if (index >= 0
          && java.time.Month.of(index + 1).name().toLowerCase(Locale.ROOT).startsWith(name)) {
        return index + 1;
      }
    }
    return null;
  }

  /**
   * A date-time variable of the case ({@code yyyy-MM-dd}, a date-time text or a Date) as its parts.
   */
  static String[] parts(Object value) {
    if (value == null) {
      return new String[] {"", "", "", ""};
    }
    String text = value instanceof Date date ? date.toInstant().toString() : value.toString();
    String datePart = text.length() >= 10 && text.charAt(4) == '-' ? text.substring(0, 10) : "";
    String timePart = "";
    int t = text.indexOf('T');
    if (t >= 0 && text.length() >= t + 6) {
      timePart = text.substring(t + 1, t + 6);
    } else if (datePart.isEmpty() && TIME.matcher(text).matches()) {
      timePart = text;
    }
    if (datePart.isEmpty()) {
      return new String[] {"", "", "", timePart};
    }
    try {
      LocalDate date = LocalDate.parse(datePart);
      return new String[] {
        String.valueOf(date.getDayOfMonth()),
        String.valueOf(date.getMonthValue()),
        String.valueOf(date.getYear()),
        timePart
      };
    } catch (DateTimeException e) {
      return new String[] {"", "", "", timePart};
    }
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** One field being read, collecting its first refusal. */
  private static final class Field {
    final FormComponent component;
    final List<FormError> errors;
    private boolean refused;

    Field(FormComponent component, List<FormError> errors) {
      this.component = component;
      this.errors = errors;
    }

    String key() {
      return component.key();
    }

    void refuse(String message) {
      refuse(message, FormIds.firstInput(component));
    }

    void refuse(String message, String elementId) {
      if (!refused) {
        refused = true;
        errors.add(new FormError(component.key(), elementId, message));
      }
    }
  }
}

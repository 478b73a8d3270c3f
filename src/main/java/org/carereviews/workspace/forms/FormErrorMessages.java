package org.carereviews.workspace.forms;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.carereviews.common.web.RefusalSentences;

/**
 * The plain-English messages of the GOV.UK error message pattern ("Enter the weekly gross cost",
 * "Weekly gross cost must be a number, like 412.50"), made from each field's own label.
 */
final class FormErrorMessages {

  private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
  private static final Pattern ARTICLE =
      Pattern.compile("^(The|A|An|Your|Their|His|Her|Its|Any|Each|Every) .*");

  private FormErrorMessages() {}

  /** The field as the subject of a sentence: "Weekly gross cost", "The answer to 'Am I safe?'". */
  static String subject(FormComponent field) {
    String label = field.label().strip();
    if (label.endsWith("?")) {
      return "The answer to '" + label + "'";
    }
    String plain = TRAILING_NOTE.matcher(label).replaceAll("");
    return plain.isBlank() ? label : plain;
  }

  /** The field as the object of "Enter ..." or "Select ...": "the weekly gross cost". */
  static String object(FormComponent field) {
    String label = field.label().strip();
    if (label.endsWith("?")) {
      return "an answer to '" + label + "'";
    }
    String plain = subject(field);
    if (ARTICLE.matcher(plain).matches()) {
      return lowerFirst(plain);
    }
    return "the " + lowerFirst(plain);
  }

  static String required(FormComponent field) {
    return switch (field.type()) {
      case SELECT, RADIO, CHECKLIST -> "Select " + object(field);
      case CHECKBOX -> "Select '" + field.label().strip() + "' to confirm it";
      default -> "Enter " + object(field);
    };
  }

  static String tooLong(FormComponent field, int max) {
    return subject(field) + " must be " + max + " characters or fewer";
  }

  static String tooShort(FormComponent field, int min) {
    return subject(field) + " must be " + min + " characters or more";
  }

  static String wrongFormat(FormComponent field) {
    return subject(field)
        + " must be in the right format"
        + (field.description() == null ? "" : " (" + field.description().strip() + ")");
  }

  static String notANumber(FormComponent field) {
    Integer digits = field.decimalDigits();
    String example =
        digits == null
            ? "12.5"
            : digits == 0 ? "12" : "412." + "50".repeat(digits).substring(0, digits);
    return subject(field) + " must be a number, like " + example;
  }

  static String tooManyDecimals(FormComponent field) {
    int digits = field.decimalDigits();
    return digits == 0
        ? subject(field) + " must be a whole number"
        : subject(field)
            + " must have no more than "
            + digits
            + " decimal place"
            + (digits == 1 ? "" : "s");
  }

  static String outOfRange(FormComponent field) {
    BigDecimal min = field.validate().min();
    BigDecimal max = field.validate().max();
    if (min != null && max != null) {
      return subject(field)
          + " must be between "
          + amount(field, min)
          + " and "
          + amount(field, max);
    }
    return min != null
        ? subject(field) + " must be " + amount(field, min) + " or more"
        : subject(field) + " must be " + amount(field, max) + " or less";
  }

  static String notAChoice(FormComponent field) {
    return "Select " + object(field) + " from the list";
  }

  static String dateMissing(FormComponent field, String parts) {
    return subject(field) + " must include a " + parts;
  }

  static String notARealDate(FormComponent field) {
    return subject(field) + " must be a real date";
  }

  static String yearDigits(FormComponent field) {
    return subject(field) + " must have a year with 4 numbers, like 2026";
  }

  static String timeMissing(FormComponent field) {
    return "Enter the time of " + lowerFirst(subject(field));
  }

  static String notARealTime(FormComponent field) {
    return subject(field) + " must have a real time, like 14:30";
  }

  /**
   * A refusal the server gave after the form's own rules passed, on the field it names: a message
   * that needs a subject ("must be at most 15000.00 a week") gets the field's label on this form.
   */
  static FormError refusal(FormDefinition form, String field, String message) {
    Optional<FormComponent> component = field == null ? Optional.empty() : form.field(field);
    String text = message == null || message.isBlank() ? "is not accepted" : message.strip();
    String sentence;
    if (component.isPresent()) {
      sentence =
          Character.isLowerCase(text.charAt(0)) ? subject(component.get()) + " " + text : text;
    } else {
      sentence = RefusalSentences.of(field, text);
    }
    sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    if (sentence.endsWith(".") && sentence.indexOf(". ") < 0) {
      sentence = sentence.substring(0, sentence.length() - 1);
    }
    return new FormError(
        field == null ? "" : field, component.map(FormIds::firstInput).orElse(null), sentence);
  }

  private static String amount(FormComponent field, BigDecimal value) {
    return (field.isMoney() ? "£" : "") + value.toPlainString();
  }

  private static String lowerFirst(String text) {
    if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
      return text; // an acronym: NHS share
    }
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}

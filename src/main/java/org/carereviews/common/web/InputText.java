package org.carereviews.common.web;

/**
 * What text the service accepts: no control characters (NUL, bell, escape...); tab, newline and
 * carriage return only in long free text (reasons, notes, views), never in a name, provider or
 * code.
 */
public final class InputText {

  public static final String CONTROL_MESSAGE = "must not contain control characters";
  public static final String NAME_MESSAGE =
      "must be one line without control characters (no tabs or line breaks)";

  /**
   * For {@code @Pattern}: one line of text without control characters (names, providers, codes).
   */
  public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

  private InputText() {}

  /**
   * Whether the text holds a control character; {@code multiline}: tab, newline and carriage return
   * are allowed.
   */
  public static boolean hasControlCharacter(String text, boolean multiline) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
        return true;
      }
    }
    return false;
  }

  /** Refuses a name-like value (one line) with a control character, naming the field. */
  public static String singleLine(String field, String value) {
    if (hasControlCharacter(value, false)) {
      throw new InvalidRequestException(field, NAME_MESSAGE);
    }
    return value;
  }

  /**
   * Refuses free text with a control character other than tab and line breaks, naming the field.
   */
  public static String freeText(String field, String value) {
    if (hasControlCharacter(value, true)) {
      throw new InvalidRequestException(field, CONTROL_MESSAGE);
    }
    return value;
  }
}

package org.carereviews.savings.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.carereviews.common.web.InvalidRequestException;

/**
 * The savings a board member holds back from ratification, as the ratification form's field writes
 * them: one a line, {@code <cost change id>: <reason>}.
 */
final class HoldBacks {

  private HoldBacks() {}

  /** The board form's hold-backs, one a line: {@code <cost change id>: <reason>}. */
  static Map<Long, String> parse(String text) {
    Map<Long, String> result = new LinkedHashMap<>();
    if (text == null) {
      return result;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      try {
        long id = Long.parseLong((colon < 0 ? line : line.substring(0, colon)).strip());
        if (result.put(id, colon < 0 ? "" : line.substring(colon + 1).strip()) != null) {
          throw new InvalidRequestException("holdBack", "saving " + id + " is held back twice");
        }
      } catch (NumberFormatException e) {
        throw new InvalidRequestException(
            "holdBack", "each line is '<saving id>: <reason>', not '" + line.strip() + "'");
      }
    }
    return result;
  }

  /** The same hold-backs written for the form field (the API's way in). */
  static String text(Map<Long, String> holdBacks) {
    StringBuilder text = new StringBuilder();
    holdBacks.forEach(
        (id, reason) ->
            text.append(id)
                .append(": ")
                .append(reason == null ? "" : reason.replaceAll("\\R", " "))
                .append('\n'));
    return text.toString();
  }
}

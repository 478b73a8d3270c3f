package org.carereviews.ctr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;

/**
 * Reads what a step was given, whether from a Camunda Form in Tasklist (strings, numbers, JSON) or
 * from the API (the same names and shapes), and refuses what cannot be read, naming the field.
 */
final class StepInputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The rows of recommendations of the Tasklist form ({@code forms/ctr/record-meeting.form}). */
  static final int RECOMMENDATION_ROWS = 10;
  private static final String ROW_PREFIX = "recommendation";

  private final Map<String, Object> values;
  private final ZoneId zone;

  StepInputs(Map<String, Object> values, ZoneId zone) {
    this.values = values;
    this.zone = zone;
  }

  String text(String name) {
    Object value = values.get(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().strip();
  }

  String requiredText(String name, String why) {
    String value = text(name);
    if (value == null) {
      throw new InvalidRequestException(name, "is required" + (why == null ? "" : ": " + why));
    }
    return value;
  }

  boolean flag(String name) {
    Object value = values.get(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** A date-time: ISO with an offset ({@code 2026-05-04T10:00:00Z}) or local to the council's zone. */
  Instant instant(String name) {
    Object value = values.get(name);
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
        throw new InvalidRequestException(name, "is not a date and time such as 2026-05-04T10:00: '" + text + "'");
      }
    }
  }

  LocalDate date(String name) {
    return parseDate(name, values.get(name));
  }

  private LocalDate parseDate(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), zone);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(name, "is not a date such as 2026-05-04: '" + value + "'");
    }
    String outside = org.carereviews.common.DateWindows.careDateProblem(date);
    if (outside != null) {
      throw new InvalidRequestException(name, outside);
    }
    return date;
  }

  BigDecimal decimal(String name) {
    Object value = values.get(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "is not a number: '" + value + "'");
    }
  }

  Money money(String name) {
    BigDecimal amount = decimal(name);
    if (amount == null) {
      return null;
    }
    if (amount.stripTrailingZeros().scale() > Money.SCALE) {
      throw new InvalidRequestException(name, "must be pounds and pence (at most two decimal places)");
    }
    if (!Money.withinCeiling(amount, Money.MAX_WEEKLY_INPUT)) {
      throw new InvalidRequestException(name, "must be at most " + Money.MAX_WEEKLY_INPUT + " a week");
    }
    return Money.of(amount.setScale(Money.SCALE));
  }

  /**
   * One recommendation as given, with the names of the fields it came from (to name them in a refusal):
   * any of its values may be missing (the review refuses it then).
   */
  record RecommendationInput(String text, String owner, LocalDate dueDate, String textField, String ownerField,
      String dueDateField) {
  }

  /**
   * The recommendations: from the API, a JSON list (or a list of maps) of {@code {text, owner, dueDate}}
   * under {@code name}; from the Tasklist form, the numbered rows {@code recommendation1Text},
   * {@code recommendation1Owner}, {@code recommendation1DueDate} ... up to {@link #RECOMMENDATION_ROWS}. A row
   * left wholly empty is no recommendation; a row with only some of its values is refused by the review.
   */
  List<RecommendationInput> recommendations(String name) {
    List<RecommendationInput> found = new ArrayList<>(listed(name));
    for (int row = 1; row <= RECOMMENDATION_ROWS; row++) {
      String textField = ROW_PREFIX + row + "Text";
      String ownerField = ROW_PREFIX + row + "Owner";
      String dueDateField = ROW_PREFIX + row + "DueDate";
      String text = text(textField);
      String owner = text(ownerField);
      LocalDate dueDate = date(dueDateField);
      if (text != null || owner != null || dueDate != null) {
        found.add(new RecommendationInput(text, owner, dueDate, textField, ownerField, dueDateField));
      }
    }
    return found;
  }

  private List<RecommendationInput> listed(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    JsonNode list;
    try {
      list = value instanceof String s ? JSON.readTree(s) : JSON.valueToTree(value instanceof List<?> ? value
          : JSON.readTree(value.toString()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidRequestException(name, "is not a list of recommendations");
    }
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new InvalidRequestException(name, "is not a list of recommendations");
    }
    List<RecommendationInput> found = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String field = name + "[" + i + "]";
      found.add(new RecommendationInput(textOf(item, "text"), textOf(item, "owner"),
          parseDate(field + ".dueDate", textOf(item, "dueDate")), field + ".text", field + ".owner",
          field + ".dueDate"));
    }
    return found;
  }

  private static String textOf(JsonNode item, String field) {
    JsonNode node = item.get(field);
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
  }
}

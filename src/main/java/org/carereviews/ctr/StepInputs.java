package org.carereviews.ctr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.workflow.FormValues;

/**
 * The recommendations a meeting's step was given, whether from the Tasklist form (numbered rows) or
 * from the API (a JSON list), read with the shared {@link FormValues}; what cannot be read is
 * refused, naming the field.
 */
final class StepInputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The rows of recommendations of the Tasklist form ({@code forms/ctr/record-meeting.form}). */
  static final int RECOMMENDATION_ROWS = 10;

  private static final String ROW_PREFIX = "recommendation";

  private StepInputs() {}

  /**
   * One recommendation as given, with the names of the fields it came from (to name them in a
   * refusal): any of its values may be missing (the review refuses it then).
   */
  record RecommendationInput(
      String text,
      String owner,
      LocalDate dueDate,
      String textField,
      String ownerField,
      String dueDateField) {}

  /**
   * The recommendations: from the API, a JSON list (or a list of maps) of {@code {text, owner,
   * dueDate}} under {@code name}; from the Tasklist form, the numbered rows {@code
   * recommendation1Text}, {@code recommendation1Owner}, {@code recommendation1DueDate} ... up to
   * {@link #RECOMMENDATION_ROWS}. A row left wholly empty is no recommendation; a row with only
   * some of its values is refused by the review.
   *
   * @param zone the council's zone, to read the list's dates as the form's are read
   */
  static List<RecommendationInput> recommendations(FormValues in, String name, ZoneId zone) {
    List<RecommendationInput> found = new ArrayList<>(listed(in, name, zone));
    for (int row = 1; row <= RECOMMENDATION_ROWS; row++) {
      String textField = ROW_PREFIX + row + "Text";
      String ownerField = ROW_PREFIX + row + "Owner";
      String dueDateField = ROW_PREFIX + row + "DueDate";
      String text = in.text(textField);
      String owner = in.text(ownerField);
      LocalDate dueDate = in.date(dueDateField);
      if (text != null || owner != null || dueDate != null) {
        found.add(
            new RecommendationInput(text, owner, dueDate, textField, ownerField, dueDateField));
      }
    }
    return found;
  }

  private static List<RecommendationInput> listed(FormValues in, String name, ZoneId zone) {
    Object value = in.raw(name);
    if (value == null) {
      return List.of();
    }
    JsonNode list;
    try {
      list =
          value instanceof String s
              ? JSON.readTree(s)
              : JSON.valueToTree(
                  value instanceof List<?> ? value : JSON.readTree(value.toString()));
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
      // the item's values under the names a refusal gives them, e.g. recommendations[1].owner
      Map<String, Object> values = new HashMap<>();
      for (String part : List.of("text", "owner", "dueDate")) {
        JsonNode node = item.get(part);
        values.put(field + "." + part, node == null || node.isNull() ? null : node.asText());
      }
      FormValues given = FormValues.of(values, zone);
      found.add(
          new RecommendationInput(
              given.text(field + ".text"),
              given.text(field + ".owner"),
              given.date(field + ".dueDate"),
              field + ".text",
              field + ".owner",
              field + ".dueDate"));
    }
    return found;
  }
}

package org.carereviews.workspace.forms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The choices of a select, radio or checklist: fixed in the form, or a case variable ({@code
 * valuesKey}).
 */
final class FormOptions {

  private FormOptions() {}

  static List<FormOption> of(FormComponent field, FormAnswers answers) {
    if (field.valuesKey() == null) {
      return field.options();
    }
    Object value = answers.variable(field.valuesKey());
    if (!(value instanceof Collection<?> items)) {
      return List.of();
    }
    List<FormOption> options = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof Map<?, ?> map && map.get("value") != null) {
        Object label = map.get("label");
        options.add(
            new FormOption(
                label == null ? map.get("value").toString() : label.toString(),
                map.get("value").toString()));
      } else if (item != null) {
        options.add(new FormOption(item.toString(), item.toString()));
      }
    }
    return options;
  }
}

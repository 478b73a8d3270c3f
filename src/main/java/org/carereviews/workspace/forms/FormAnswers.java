package org.carereviews.workspace.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a form's fields show: the answers just posted (kept as typed, even when refused), else what
 * the case holds now (the task's process variables), else the form's defaults. The case's variables
 * also fill the placeholders of text components and feed the conditions that hide components.
 */
public final class FormAnswers {

  private final Map<String, Object> variables;
  private final MultiValueMap<String, String> posted;

  private FormAnswers(Map<String, ?> variables, MultiValueMap<String, String> posted) {
    this.variables = variables == null ? Map.of() : new HashMap<>(variables);
    this.posted = posted;
  }

  /** A form shown for the first time: the case's current values. */
  public static FormAnswers of(Map<String, ?> variables) {
    return new FormAnswers(variables, null);
  }

  /** A form posted back: the request's parameters over the case's current values. */
  public static FormAnswers posted(MultiValueMap<String, String> posted, Map<String, ?> variables) {
    return new FormAnswers(variables, posted == null ? new LinkedMultiValueMap<>() : posted);
  }

  /** Whether these are answers posted by the user. */
  public boolean wasPosted() {
    return posted != null;
  }

  /** A variable of the case, or null. */
  public Object variable(String name) {
    return variables.get(name);
  }

  /** The first value posted under a parameter name, or null. */
  String param(String name) {
    return posted == null ? null : posted.getFirst(name);
  }

  /** Every value posted under a parameter name. */
  List<String> params(String name) {
    if (posted == null) {
      return List.of();
    }
    List<String> values = posted.get(name);
    return values == null ? List.of() : values;
  }
}

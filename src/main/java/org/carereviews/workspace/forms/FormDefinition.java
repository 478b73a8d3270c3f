package org.carereviews.workspace.forms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * One Camunda Form ({@code forms/**}{@code /*.form}), the single definition both Tasklist and the
 * workspace render. Pages show it with the {@code workspace/forms/fields} fragments and read what
 * was posted with {@link #submit}.
 *
 * @param id the form's id, which BPMN user tasks reference ({@code camunda:formRef})
 * @param source where it was read from, for messages
 * @param schemaVersion the Camunda Forms schema version it was written in
 * @param components its components, in order
 */
public record FormDefinition(
    String id, String source, int schemaVersion, List<FormComponent> components) {

  /** Every component, groups' contents included, in form order. */
  public List<FormComponent> allComponents() {
    return components.stream().flatMap(FormComponent::flattened).toList();
  }

  /** The components that hold a value, in form order. */
  public List<FormComponent> fields() {
    return allComponents().stream().filter(FormComponent::isInput).toList();
  }

  /** The field holding this variable, if the form has one. */
  public Optional<FormComponent> field(String key) {
    return fields().stream().filter(field -> field.key().equals(key)).findFirst();
  }

  /** The variables the form's fields hold. */
  public Set<String> keys() {
    return fields().stream()
        .map(FormComponent::key)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Reads a posted form as Camunda Forms would submit it, checked against the form's own rules.
   *
   * @param posted the request's parameters
   * @param variables what the case holds now (process variables): conditions and text read them too
   */
  public FormSubmission submit(MultiValueMap<String, String> posted, Map<String, ?> variables) {
    return FormReader.read(this, FormAnswers.posted(posted, variables));
  }

  /** What the page shows, component by component: the model of the {@code fields} fragment. */
  public List<ComponentView> view(FormAnswers answers, FormErrors errors) {
    return FormRendering.views(this, answers, errors == null ? FormErrors.none() : errors);
  }

  /**
   * The case's values that this form's conditional components read besides its own fields, as JSON,
   * for the page's script (null when there are none).
   */
  public String scriptValues(FormAnswers answers) {
    return FormRendering.scriptValues(this, answers);
  }

  /**
   * A refusal of one field (by the server, after the form's rules passed) as an error on this form.
   */
  public FormError error(String field, String message) {
    return FormErrorMessages.refusal(this, field, message);
  }
}

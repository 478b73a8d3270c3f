package org.carereviews.workspace.forms;

import java.util.Collections;
import java.util.Map;

/**
 * A posted form, read: either the variables to complete the task with (as Camunda Forms would
 * submit them) or the errors to show, with the answers as the user typed them. Nothing is recorded
 * by reading.
 */
public final class FormSubmission {

  private final FormDefinition form;
  private final FormAnswers answers;
  private final Map<String, Object> variables;
  private final FormErrors errors;

  FormSubmission(
      FormDefinition form, FormAnswers answers, Map<String, Object> variables, FormErrors errors) {
    this.form = form;
    this.answers = answers;
    this.variables = Collections.unmodifiableMap(variables);
    this.errors = errors;
  }

  /** Whether the form's own rules accept it. */
  public boolean accepted() {
    return errors.isEmpty();
  }

  /**
   * The typed variables: text as text, numbers as numbers (or their text where the form says {@code
   * serializeToString}), a checkbox as a boolean, a checklist as a list, a date as {@code
   * yyyy-MM-dd}; fields hidden by their condition are left out.
   *
   * @throws IllegalStateException when the submission was refused
   */
  public Map<String, Object> variables() {
    if (!accepted()) {
      throw new IllegalStateException("form " + form.id() + " was refused: " + errors);
    }
    return variables;
  }

  /** The refusals, in form order (none when accepted). */
  public FormErrors errors() {
    return errors;
  }

  /** The answers as posted, to show the form again. */
  public FormAnswers answers() {
    return answers;
  }

  /**
   * This submission refused by the server after the form's own rules passed (e.g. an {@code
   * InvalidRequestException} from completing the task): the field it names gets the message.
   */
  public FormSubmission refused(String field, String message) {
    return new FormSubmission(form, answers, Map.of(), errors.plus(form.error(field, message)));
  }
}

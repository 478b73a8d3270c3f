package org.carereviews.workspace.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A form's refusals in form order: the error summary's list and each field's inline message. */
public final class FormErrors {

  private static final FormErrors NONE = new FormErrors(List.of());

  private final List<FormError> errors;

  private FormErrors(List<FormError> errors) {
    this.errors = List.copyOf(errors);
  }

  public static FormErrors none() {
    return NONE;
  }

  public static FormErrors of(List<FormError> errors) {
    return new FormErrors(errors);
  }

  /** These errors and one more (a server refusal comes after the form's own). */
  public FormErrors plus(FormError error) {
    List<FormError> more = new ArrayList<>(errors);
    more.add(error);
    return new FormErrors(more);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<FormError> all() {
    return errors;
  }

  /** The first error of a field, if any. */
  public Optional<FormError> forField(String key) {
    return errors.stream().filter(error -> error.key().equals(key)).findFirst();
  }

  @Override
  public String toString() {
    return errors.toString();
  }
}

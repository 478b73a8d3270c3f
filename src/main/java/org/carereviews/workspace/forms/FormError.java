package org.carereviews.workspace.forms;

/**
 * One refusal on a form.
 *
 * @param key the field's variable (or the field a server refusal named)
 * @param elementId the id of the input the error summary links to, or null when no field on the
 *     page matches
 * @param message a plain sentence for the person, e.g. "Enter the weekly gross cost"
 */
public record FormError(String key, String elementId, String message) {

  /** The link of the error summary, {@code #elementId}, or null. */
  public String href() {
    return elementId == null ? null : "#" + elementId;
  }
}

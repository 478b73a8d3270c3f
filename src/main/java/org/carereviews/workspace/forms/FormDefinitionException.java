package org.carereviews.workspace.forms;

/**
 * A form the workspace cannot render faithfully: refused when the forms are loaded, never guessed
 * at.
 */
public class FormDefinitionException extends RuntimeException {

  public FormDefinitionException(String message) {
    super(message);
  }

  public FormDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}

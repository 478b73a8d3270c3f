package org.carereviews.workspace.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Camunda Forms components the workspace renders; a form with any other is refused at start-up.
 */
public enum ComponentType {
  TEXTFIELD("textfield", true),
  TEXTAREA("textarea", true),
  NUMBER("number", true),
  CHECKBOX("checkbox", true),
  CHECKLIST("checklist", true),
  RADIO("radio", true),
  SELECT("select", true),
  DATETIME("datetime", true),
  TEXT("text", false),
  GROUP("group", false),
  SEPARATOR("separator", false),
  SPACER("spacer", false);

  private final String camundaName;
  private final boolean input;

  ComponentType(String camundaName, boolean input) {
    this.camundaName = camundaName;
    this.input = input;
  }

  /** The {@code type} as Camunda Forms JSON writes it. */
  public String camundaName() {
    return camundaName;
  }

  /** Whether the component holds a value under its {@code key}. */
  public boolean isInput() {
    return input;
  }

  /** Whether the user picks from the component's options. */
  public boolean hasOptions() {
    return this == CHECKLIST || this == RADIO || this == SELECT;
  }

  static Optional<ComponentType> of(String camundaName) {
    return Arrays.stream(values()).filter(type -> type.camundaName.equals(camundaName)).findFirst();
  }
}

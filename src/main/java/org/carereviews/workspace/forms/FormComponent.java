package org.carereviews.workspace.forms;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One component of a Camunda Form, as the workspace understands it.
 *
 * @param id the component's id in the form ({@code Field_outcome})
 * @param key the variable it holds, or null for text, groups, separators and spacers
 * @param label its label (a date's {@code dateLabel} when it has no label), or null
 * @param description the hint under the label, or null
 * @param options the fixed choices of a select, radio or checklist (empty when they come from
 *     {@code valuesKey})
 * @param valuesKey the variable that holds the choices, or null
 * @param defaultValue the value shown when the case has none, or null
 * @param hide when to hide it, or null when always shown
 * @param prefix shown before a text or number input ({@code appearance.prefixAdorner}), or null
 * @param suffix shown after it ({@code appearance.suffixAdorner}), or null
 * @param decimalDigits most digits after the point a number takes, or null for any
 * @param serializeToString a number submitted as its text ({@code "412.50"}) rather than as a
 *     number
 * @param dateTime for a {@code datetime}: the date, the time or both; otherwise null
 * @param timeLabel the label of a date-time's time, or null
 * @param text a {@code text} component's markdown, with {@code {{name}}} placeholders
 * @param components a group's components, in order
 * @param properties the form author's custom properties
 */
public record FormComponent(
    ComponentType type,
    String id,
    String key,
    String label,
    String description,
    Validation validate,
    List<FormOption> options,
    String valuesKey,
    Object defaultValue,
    boolean readonly,
    boolean disabled,
    Condition hide,
    String prefix,
    String suffix,
    Integer decimalDigits,
    boolean serializeToString,
    DateTimeKind dateTime,
    String timeLabel,
    String text,
    List<FormComponent> components,
    Map<String, String> properties) {

  /** What a {@code datetime} component asks for ({@code subtype}). */
  public enum DateTimeKind {
    DATE,
    TIME,
    DATETIME;

    public boolean hasDate() {
      return this != TIME;
    }

    public boolean hasTime() {
      return this != DATE;
    }
  }

  /** Whether the component holds a value under its key. */
  public boolean isInput() {
    return type.isInput();
  }

  /**
   * Whether this number is an amount of money: its prefix is a pound sign or GBP, as Camunda
   * Modeler's "prefix" appearance writes it.
   */
  public boolean isMoney() {
    return type == ComponentType.NUMBER
        && prefix != null
        && (prefix.strip().equals("£") || prefix.strip().equalsIgnoreCase("GBP"));
  }

  /** This component and, for a group, every component inside it, in form order. */
  public Stream<FormComponent> flattened() {
    return Stream.concat(Stream.of(this), components.stream().flatMap(FormComponent::flattened));
  }
}

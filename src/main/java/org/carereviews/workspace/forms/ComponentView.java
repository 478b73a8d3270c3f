package org.carereviews.workspace.forms;

import java.util.List;

/**
 * One component as the {@code workspace/forms/fields} fragments show it: everything worked out
 * (ids, values, hint and error ids, whether it is conditional), so the templates only lay out
 * GOV.UK markup.
 *
 * @param kind the fragment that shows it: {@code input}, {@code textarea}, {@code select}, {@code
 *     radios}, {@code checkboxes}, {@code checkbox}, {@code date}, {@code text}, {@code group},
 *     {@code separator}, {@code spacer}
 * @param id the id of its (first) input, or of the component for text and groups
 * @param name the parameter its value is posted under (a date's parts add -day, -month, -year,
 *     -time)
 * @param hint the hint text, or null
 * @param error the inline error message, or null
 * @param value what the input shows (a checkbox: "true" when ticked)
 * @param options the choices of a select, radios or checkboxes
 * @param inputmode {@code numeric} or {@code decimal} for numbers, else null
 * @param width GOV.UK's width class for the input, or null
 * @param date the day, month, year and time shown, and which of them are in error
 * @param html a text component's markup (already escaped)
 * @param conditional whether the page's script shows or hides it as the user answers (without the
 *     script it is always shown and the server drops it when its condition hides it)
 * @param hideTree the condition as JSON for the script, or null
 */
public record ComponentView(
    String kind,
    String id,
    String name,
    String label,
    String hint,
    String error,
    String value,
    List<OptionView> options,
    String prefix,
    String suffix,
    String inputmode,
    String width,
    DateView date,
    String timeLabel,
    String html,
    List<ComponentView> children,
    boolean conditional,
    String hideTree,
    boolean disabled,
    boolean readonly) {

  /** The hint's id ({@code key-hint}), or null. */
  public String hintId() {
    return hint == null ? null : base() + "-hint";
  }

  /** The error message's id ({@code key-error}), or null. */
  public String errorId() {
    return error == null ? null : base() + "-error";
  }

  private String base() {
    return name == null ? id : name;
  }

  /** The {@code aria-describedby} of the input (or fieldset): hint then error, or null. */
  public String describedBy() {
    String ids = ((hint == null ? "" : hintId()) + " " + (error == null ? "" : errorId())).strip();
    return ids.isEmpty() ? null : ids;
  }

  public boolean hasError() {
    return error != null;
  }

  /** One choice, with its own id and whether it is chosen. */
  public record OptionView(String id, String value, String label, boolean selected) {}

  /** A date's parts as shown, and which are in error. */
  public record DateView(
      boolean hasDate,
      boolean hasTime,
      String day,
      String month,
      String year,
      String time,
      boolean dayError,
      boolean monthError,
      boolean yearError,
      boolean timeError) {}
}

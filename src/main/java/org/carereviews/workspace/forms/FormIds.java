package org.carereviews.workspace.forms;

/**
 * The ids and names of a field's inputs on the page: the key itself for one input (the first radio
 * or checkbox of a list too, as GOV.UK Frontend names them), {@code key-day}, {@code key-month},
 * {@code key-year} and {@code key-time} for dates and times.
 */
final class FormIds {

  static final String DAY = "-day";
  static final String MONTH = "-month";
  static final String YEAR = "-year";
  static final String TIME = "-time";

  private FormIds() {}

  /**
   * The input an error summary links to: a date's day, a time-only field's time, else the field.
   */
  static String firstInput(FormComponent field) {
    if (field.type() == ComponentType.DATETIME) {
      return field.key() + (field.dateTime().hasDate() ? DAY : TIME);
    }
    return field.key();
  }

  /** The id of the n-th option (from 0) of a radio or checklist. */
  static String option(FormComponent field, int index) {
    return index == 0 ? field.key() : field.key() + "-" + (index + 1);
  }
}

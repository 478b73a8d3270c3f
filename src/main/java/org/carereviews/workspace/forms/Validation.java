package org.carereviews.workspace.forms;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A component's own rules ({@code validate} in Camunda Forms JSON); a rule not set is null.
 *
 * @param pattern the whole value must match it, as in Camunda Forms
 */
public record Validation(
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    Pattern pattern) {

  static final Validation NONE = new Validation(false, null, null, null, null, null);
}

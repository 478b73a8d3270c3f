package org.carereviews.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.web.InvalidRequestException;

/**
 * What a social worker records in a review, the same whether it comes from the Camunda Form
 * ({@code forms/review/review-conduct.form}) or the API. The field names are the process variable names.
 *
 * @param conversationConnect conversation 1 took place: connecting the person to what helps them get on with life
 * @param conversationCrisis conversation 2: in a crisis, an emergency plan
 * @param conversationLongTerm conversation 3: long-term support planning with a fair personal budget
 * @param changeInNeed the recorded change in need behind a reduction
 * @param alternativeMeetingOutcome the strengths-based alternative that meets the outcome, behind a reduction
 */
public record OutcomeForm(
    Boolean conversationConnect,
    Boolean conversationCrisis,
    Boolean conversationLongTerm,
    String strengthsAndAssets,
    String outcomesWanted,
    String personViews,
    String carerViews,
    ReviewOutcome outcome,
    String changeInNeed,
    String alternativeMeetingOutcome,
    ServiceType proposedServiceType,
    String proposedProvider,
    BigDecimal proposedWeeklyGrossCost,
    BigDecimal proposedContribution,
    BigDecimal proposedNhsSharePercent,
    LocalDate effectiveDate) {

  /** Reads the form's variables as Camunda Forms submit them (text, booleans, numbers or text numbers, ISO dates). */
  static OutcomeForm fromVariables(Map<String, Object> variables) {
    return new OutcomeForm(bool(variables, "conversationConnect"), bool(variables, "conversationCrisis"),
        bool(variables, "conversationLongTerm"), text(variables, "strengthsAndAssets"),
        text(variables, "outcomesWanted"), text(variables, "personViews"), text(variables, "carerViews"),
        enumValue(variables, "outcome", ReviewOutcome.class), text(variables, "changeInNeed"),
        text(variables, "alternativeMeetingOutcome"), enumValue(variables, "proposedServiceType", ServiceType.class),
        text(variables, "proposedProvider"), decimal(variables, "proposedWeeklyGrossCost"),
        decimal(variables, "proposedContribution"), decimal(variables, "proposedNhsSharePercent"),
        date(variables, "effectiveDate"));
  }

  /** The form as process variables (money as text, so no figure passes through floating point). */
  @JsonIgnore
  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("conversationConnect", Boolean.TRUE.equals(conversationConnect));
    variables.put("conversationCrisis", Boolean.TRUE.equals(conversationCrisis));
    variables.put("conversationLongTerm", Boolean.TRUE.equals(conversationLongTerm));
    variables.put("strengthsAndAssets", strengthsAndAssets);
    variables.put("outcomesWanted", outcomesWanted);
    variables.put("personViews", personViews);
    variables.put("carerViews", carerViews);
    variables.put("outcome", outcome == null ? null : outcome.name());
    variables.put("changeInNeed", changeInNeed);
    variables.put("alternativeMeetingOutcome", alternativeMeetingOutcome);
    variables.put("proposedServiceType", proposedServiceType == null ? null : proposedServiceType.name());
    variables.put("proposedProvider", proposedProvider);
    variables.put("proposedWeeklyGrossCost", plain(proposedWeeklyGrossCost));
    variables.put("proposedContribution", plain(proposedContribution));
    variables.put("proposedNhsSharePercent", plain(proposedNhsSharePercent));
    variables.put("effectiveDate", effectiveDate == null ? null : effectiveDate.toString());
    return variables;
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static Boolean bool(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    return Boolean.parseBoolean(value.toString());
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().strip();
  }

  private static <E extends Enum<E>> E enumValue(Map<String, Object> variables, String name, Class<E> type) {
    String value = text(variables, name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
          + ", not '" + value + "'");
    }
  }

  private static BigDecimal decimal(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      // Numbers from a form may arrive as Double; their shortest text form is the figure that was typed.
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "must be an amount such as 412.50, not '" + value + "'");
    }
  }

  private static LocalDate date(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(name, "must be a date such as 2026-04-01, not '" + text + "'");
    }
  }
}

package org.carereviews.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.carereviews.casebook.ServiceType;
import org.carereviews.workflow.FormValues;

/**
 * What a social worker records in a review, the same whether it comes from the Camunda Form ({@code
 * forms/review/review-conduct.form}) or the API. The field names are the process variable names.
 *
 * @param conversationConnect conversation 1 took place: connecting the person to what helps them
 *     get on with life
 * @param conversationCrisis conversation 2: in a crisis, an emergency plan
 * @param conversationLongTerm conversation 3: long-term support planning with a fair personal
 *     budget
 * @param changeInNeed the recorded change in need behind a reduction
 * @param alternativeMeetingOutcome the strengths-based alternative that meets the outcome, behind a
 *     reduction
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

  /**
   * Reads the form as Camunda Forms submit it (text, booleans, numbers or text numbers, ISO dates).
   */
  static OutcomeForm from(FormValues values) {
    return new OutcomeForm(
        values.bool("conversationConnect"),
        values.bool("conversationCrisis"),
        values.bool("conversationLongTerm"),
        values.text("strengthsAndAssets"),
        values.text("outcomesWanted"),
        values.text("personViews"),
        values.text("carerViews"),
        values.choice("outcome", ReviewOutcome.class),
        values.text("changeInNeed"),
        values.text("alternativeMeetingOutcome"),
        values.choice("proposedServiceType", ServiceType.class),
        values.text("proposedProvider"),
        values.decimal("proposedWeeklyGrossCost"),
        values.decimal("proposedContribution"),
        values.decimal("proposedNhsSharePercent"),
        values.date("effectiveDate"));
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
    variables.put(
        "proposedServiceType", proposedServiceType == null ? null : proposedServiceType.name());
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
}

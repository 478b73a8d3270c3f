package org.carereviews.workspace.panel;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.panel.DecisionInput;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.PanelSeat;
import org.carereviews.panel.ProposedPackage;

/**
 * The decision form as posted: text as typed, kept to show again beside its errors. {@link
 * #toInput} turns it into the decision service's input, or gives the fields it cannot read (a word
 * where money goes, a date that does not exist); every business rule stays with the decision
 * service.
 */
public class DecisionForm {

  private String outcome;
  private String rationale;
  private String amendedServiceType;
  private String amendedProvider;
  private String amendedWeeklyGrossCost;
  private String amendedAssessedContribution;
  private String amendedNhsSharePercent;
  private String amendedEffectiveDay;
  private String amendedEffectiveMonth;
  private String amendedEffectiveYear;
  private String question;
  private String returnByDay;
  private String returnByMonth;
  private String returnByYear;

  /** The form a decision starts from: the proposal's figures in the amendment's fields. */
  static DecisionForm startingFrom(ProposedPackage proposed) {
    DecisionForm form = new DecisionForm();
    form.amendedServiceType = proposed.serviceType().name();
    form.amendedProvider = proposed.provider();
    form.amendedWeeklyGrossCost = proposed.weeklyGrossCost().amount().toPlainString();
    form.amendedAssessedContribution = proposed.assessedContribution().amount().toPlainString();
    form.amendedNhsSharePercent = proposed.nhsSharePercent().stripTrailingZeros().toPlainString();
    form.amendedEffectiveDay = String.valueOf(proposed.effectiveDate().getDayOfMonth());
    form.amendedEffectiveMonth = String.valueOf(proposed.effectiveDate().getMonthValue());
    form.amendedEffectiveYear = String.valueOf(proposed.effectiveDate().getYear());
    return form;
  }

  /**
   * The service's input, or null with {@code errors} filled (by field id) when a field cannot be
   * read.
   */
  DecisionInput toInput(PanelSeat seat, Map<String, String> errors) {
    PanelOutcome chosen = null;
    try {
      chosen = outcome == null || outcome.isBlank() ? null : PanelOutcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      chosen = null;
    }
    if (chosen == null) {
      errors.put("outcome", "Select the decision");
      return null;
    }
    ProposedPackage amended =
        chosen == PanelOutcome.APPROVED_WITH_AMENDMENT ? amended(errors) : null;
    LocalDate returnBy = null;
    if (chosen == PanelOutcome.DEFERRED && !allBlank(returnByDay, returnByMonth, returnByYear)) {
      returnBy = date(returnByDay, returnByMonth, returnByYear);
      if (returnBy == null) {
        errors.put("returnBy-day", "The return-by date must be a real date, like 14 7 2031");
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new DecisionInput(
        chosen,
        seat,
        rationale,
        amended,
        chosen == PanelOutcome.DEFERRED ? question : null,
        returnBy);
  }

  private ProposedPackage amended(Map<String, String> errors) {
    ServiceType serviceType = null;
    try {
      serviceType = ServiceType.valueOf(blankToEmpty(amendedServiceType));
    } catch (IllegalArgumentException e) {
      errors.put("amended-serviceType", "Select the service");
    }
    if (amendedProvider == null || amendedProvider.isBlank()) {
      errors.put("amended-provider", "Enter the provider");
    }
    Money weekly =
        money(
            amendedWeeklyGrossCost,
            "amended-weeklyGrossCost",
            "The weekly gross cost",
            true,
            errors);
    Money contribution =
        money(
            amendedAssessedContribution,
            "amended-assessedContribution",
            "The assessed contribution",
            false,
            errors);
    BigDecimal nhsShare = BigDecimal.ZERO;
    if (amendedNhsSharePercent != null && !amendedNhsSharePercent.isBlank()) {
      try {
        nhsShare = new BigDecimal(amendedNhsSharePercent.strip());
      } catch (NumberFormatException e) {
        errors.put(
            "amended-nhsSharePercent", "The NHS share must be a number between 0 and 100, like 25");
      }
    }
    LocalDate effective = date(amendedEffectiveDay, amendedEffectiveMonth, amendedEffectiveYear);
    if (effective == null) {
      errors.put(
          "amended-effectiveDate-day", "The effective date must be a real date, like 1 7 2031");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new ProposedPackage(
        serviceType, amendedProvider.strip(), weekly, contribution, nhsShare, effective);
  }

  private static Money money(
      String text, String field, String label, boolean required, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.put(field, "Enter " + label.toLowerCase(Locale.UK));
      }
      return Money.ZERO;
    }
    try {
      return Money.fromInput(new BigDecimal(text.strip().replace("£", "").replace(",", "")));
    } catch (IllegalArgumentException e) {
      errors.put(field, label + " must be pounds and pence, like 450.00");
      return Money.ZERO;
    }
  }

  private static LocalDate date(String day, String month, String year) {
    try {
      return LocalDate.of(
          Integer.parseInt(blankToEmpty(year).strip()),
          Integer.parseInt(blankToEmpty(month).strip()),
          Integer.parseInt(blankToEmpty(day).strip()));
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  private static boolean allBlank(String... texts) {
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getRationale() {
    return rationale;
  }

  public void setRationale(String rationale) {
    this.rationale = rationale;
  }

  public String getAmendedServiceType() {
    return amendedServiceType;
  }

  public void setAmendedServiceType(String amendedServiceType) {
    this.amendedServiceType = amendedServiceType;
  }

  public String getAmendedProvider() {
    return amendedProvider;
  }

  public void setAmendedProvider(String amendedProvider) {
    this.amendedProvider = amendedProvider;
  }

  public String getAmendedWeeklyGrossCost() {
    return amendedWeeklyGrossCost;
  }

  public void setAmendedWeeklyGrossCost(String amendedWeeklyGrossCost) {
    this.amendedWeeklyGrossCost = amendedWeeklyGrossCost;
  }

  public String getAmendedAssessedContribution() {
    return amendedAssessedContribution;
  }

  public void setAmendedAssessedContribution(String amendedAssessedContribution) {
    this.amendedAssessedContribution = amendedAssessedContribution;
  }

  public String getAmendedNhsSharePercent() {
    return amendedNhsSharePercent;
  }

  public void setAmendedNhsSharePercent(String amendedNhsSharePercent) {
    this.amendedNhsSharePercent = amendedNhsSharePercent;
  }

  public String getAmendedEffectiveDay() {
    return amendedEffectiveDay;
  }

  public void setAmendedEffectiveDay(String amendedEffectiveDay) {
    this.amendedEffectiveDay = amendedEffectiveDay;
  }

  public String getAmendedEffectiveMonth() {
    return amendedEffectiveMonth;
  }

  public void setAmendedEffectiveMonth(String amendedEffectiveMonth) {
    this.amendedEffectiveMonth = amendedEffectiveMonth;
  }

  public String getAmendedEffectiveYear() {
    return amendedEffectiveYear;
  }

  public void setAmendedEffectiveYear(String amendedEffectiveYear) {
    this.amendedEffectiveYear = amendedEffectiveYear;
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  public String getReturnByDay() {
    return returnByDay;
  }

  public void setReturnByDay(String returnByDay) {
    this.returnByDay = returnByDay;
  }

  public String getReturnByMonth() {
    return returnByMonth;
  }

  public void setReturnByMonth(String returnByMonth) {
    this.returnByMonth = returnByMonth;
  }

  public String getReturnByYear() {
    return returnByYear;
  }

  public void setReturnByYear(String returnByYear) {
    this.returnByYear = returnByYear;
  }
}

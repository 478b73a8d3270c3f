package org.carereviews.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.DateWindows;
import org.carereviews.common.Money;
import org.carereviews.common.web.InputText;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.panel.ProposedPackage;
import org.springframework.stereotype.Component;

/**
 * The rules a recorded review outcome must meet, checked on the server whichever way it arrives
 * (Tasklist form or API). The first rule broken is refused with the field it concerns.
 */
@Component
class OutcomeRules {

  private static final int MAX_TEXT = 4000;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ReviewProperties properties;
  private final Clock clock;

  OutcomeRules(ReviewProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  ValidOutcome check(OutcomeForm form, PackageTerms current) {
    if (form.outcome() == null) {
      throw new InvalidRequestException("outcome", "is required: choose what the review concluded");
    }
    checkWhatIsGiven(form);
    if (!Boolean.TRUE.equals(form.conversationConnect())
        && !Boolean.TRUE.equals(form.conversationCrisis())
        && !Boolean.TRUE.equals(form.conversationLongTerm())) {
      throw new InvalidRequestException(
          "conversationConnect", "record which of the three conversations took place");
    }
    requireText("strengthsAndAssets", form.strengthsAndAssets());
    requireText("outcomesWanted", form.outcomesWanted());
    requireText("personViews", form.personViews());
    for (String[] optional :
        new String[][] {
          {"carerViews", form.carerViews()},
          {"changeInNeed", form.changeInNeed()},
          {"alternativeMeetingOutcome", form.alternativeMeetingOutcome()}
        }) {
      if (optional[1] != null && optional[1].length() > MAX_TEXT) {
        throw new InvalidRequestException(
            optional[0], "must be at most " + MAX_TEXT + " characters");
      }
    }
    Money oldNet = current.getNetWeeklyCost();
    ReviewOutcome outcome = form.outcome();
    if (!outcome.changesPackage()) {
      ReviewPath path =
          switch (outcome) {
            case REFER_CHC -> ReviewPath.CHC_REFERRAL;
            case REASSESS -> ReviewPath.REASSESSMENT;
            default -> ReviewPath.NO_CHANGE;
          };
      return new ValidOutcome(form, oldNet, null, null, oldNet, path);
    }
    LocalDate effectiveDate = effectiveDate(form.effectiveDate());
    ProposedPackage proposed = null;
    Money newNet = Money.ZERO;
    if (outcome.needsProposedPackage()) {
      proposed = proposedPackage(form, effectiveDate);
      newNet = proposed.netWeeklyCost();
      checkAgainstCurrent(outcome, proposed, current, oldNet, newNet);
    }
    if (newNet.isLessThan(oldNet)
        && form.changeInNeed() == null
        && form.alternativeMeetingOutcome() == null) {
      throw new InvalidRequestException(
          "changeInNeed",
          "a reduction must rest on a recorded change in need or on the "
              + "alternative that meets the person's outcomes: record one of them");
    }
    ReviewPath path = newNet.equals(oldNet) ? ReviewPath.SAME_COST_CHANGE : ReviewPath.COST_CHANGE;
    return new ValidOutcome(form, oldNet, proposed, effectiveDate, newNet, path);
  }

  /**
   * Every figure, date and text given is checked whatever the outcome: a figure the outcome does
   * not use (a proposed cost with NO_CHANGE) is still recorded with the outcome, so it must be
   * valid too.
   */
  private static void checkWhatIsGiven(OutcomeForm form) {
    if (form.proposedWeeklyGrossCost() != null) {
      money("proposedWeeklyGrossCost", form.proposedWeeklyGrossCost());
    }
    if (form.proposedContribution() != null) {
      money("proposedContribution", form.proposedContribution());
    }
    BigDecimal nhsShare = form.proposedNhsSharePercent();
    if (nhsShare != null
        && (nhsShare.signum() < 0
            || nhsShare.compareTo(HUNDRED) > 0
            || nhsShare.stripTrailingZeros().scale() > 2)) {
      throw new InvalidRequestException(
          "proposedNhsSharePercent", "must be between 0 and 100, to two decimal places");
    }
    if (form.effectiveDate() != null && DateWindows.careDateProblem(form.effectiveDate()) != null) {
      throw new InvalidRequestException(
          "effectiveDate", DateWindows.careDateProblem(form.effectiveDate()));
    }
    InputText.singleLine("proposedProvider", form.proposedProvider());
    InputText.freeText("strengthsAndAssets", form.strengthsAndAssets());
    InputText.freeText("outcomesWanted", form.outcomesWanted());
    InputText.freeText("personViews", form.personViews());
    InputText.freeText("carerViews", form.carerViews());
    InputText.freeText("changeInNeed", form.changeInNeed());
    InputText.freeText("alternativeMeetingOutcome", form.alternativeMeetingOutcome());
  }

  private ProposedPackage proposedPackage(OutcomeForm form, LocalDate effectiveDate) {
    String needs = "is required for the outcome " + form.outcome();
    if (form.proposedServiceType() == null) {
      throw new InvalidRequestException("proposedServiceType", needs);
    }
    if (form.proposedProvider() == null) {
      throw new InvalidRequestException("proposedProvider", needs);
    }
    if (form.proposedProvider().length() > 200) {
      throw new InvalidRequestException("proposedProvider", "must be at most 200 characters");
    }
    if (form.proposedWeeklyGrossCost() == null) {
      throw new InvalidRequestException("proposedWeeklyGrossCost", needs);
    }
    Money gross = money("proposedWeeklyGrossCost", form.proposedWeeklyGrossCost());
    if (gross.amount().compareTo(properties.weeklyCostCeiling()) > 0) {
      throw new InvalidRequestException(
          "proposedWeeklyGrossCost",
          "must be at most "
              + String.format(
                  java.util.Locale.UK, "%s %,.2f", Money.CURRENCY, properties.weeklyCostCeiling())
              + " a week (the ceiling set by the council)");
    }
    Money contribution =
        form.proposedContribution() == null
            ? Money.ZERO
            : money("proposedContribution", form.proposedContribution());
    if (contribution.isGreaterThan(gross)) {
      throw new InvalidRequestException(
          "proposedContribution", "must not be more than the weekly gross cost");
    }
    BigDecimal nhsShare =
        form.proposedNhsSharePercent() == null ? BigDecimal.ZERO : form.proposedNhsSharePercent();
    if (nhsShare.signum() < 0
        || nhsShare.compareTo(HUNDRED) > 0
        || nhsShare.stripTrailingZeros().scale() > 2) {
      throw new InvalidRequestException(
          "proposedNhsSharePercent", "must be between 0 and 100, to two decimal places");
    }
    if (form.outcome() == ReviewOutcome.DIRECT_PAYMENT
        && form.proposedServiceType() != ServiceType.DIRECT_PAYMENT) {
      throw new InvalidRequestException(
          "proposedServiceType", "must be DIRECT_PAYMENT for a move to a direct payment");
    }
    return new ProposedPackage(
        form.proposedServiceType(),
        form.proposedProvider(),
        gross,
        contribution,
        nhsShare.setScale(2, java.math.RoundingMode.UNNECESSARY),
        effectiveDate);
  }

  private static void checkAgainstCurrent(
      ReviewOutcome outcome,
      ProposedPackage proposed,
      PackageTerms current,
      Money oldNet,
      Money newNet) {
    if (outcome == ReviewOutcome.REDUCE && !newNet.isLessThan(oldNet)) {
      throw new InvalidRequestException(
          "proposedWeeklyGrossCost",
          "a reduction must lower the net weekly cost of "
              + oldNet
              + "; the proposal comes to "
              + newNet);
    }
    if (outcome == ReviewOutcome.INCREASE && !newNet.isGreaterThan(oldNet)) {
      throw new InvalidRequestException(
          "proposedWeeklyGrossCost",
          "an increase must raise the net weekly cost of "
              + oldNet
              + "; the proposal comes to "
              + newNet);
    }
    if (outcome == ReviewOutcome.CHANGE_SERVICE
        && proposed.serviceType() == current.getServiceType()
        && proposed.provider().equalsIgnoreCase(current.getProvider())) {
      throw new InvalidRequestException(
          "proposedServiceType", "a change of service or provider must change one of them");
    }
  }

  private LocalDate effectiveDate(LocalDate effectiveDate) {
    if (effectiveDate == null) {
      throw new InvalidRequestException(
          "effectiveDate", "is required: the date the change takes effect");
    }
    LocalDate earliest = LocalDate.now(clock).minus(properties.backdatingLimit());
    if (effectiveDate.isBefore(earliest)) {
      throw new InvalidRequestException(
          "effectiveDate",
          "must not be before "
              + earliest
              + ": a change may take effect "
              + "at most "
              + properties.backdatingLimit()
              + " in the past");
    }
    return effectiveDate;
  }

  private static Money money(String field, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new InvalidRequestException(field, "must not be negative");
    }
    if (amount.stripTrailingZeros().scale() > Money.SCALE) {
      throw new InvalidRequestException(
          field, "must be pounds and pence (at most two decimal places)");
    }
    if (!Money.withinCeiling(amount, Money.MAX_WEEKLY_INPUT)) {
      throw new InvalidRequestException(
          field, "must be at most " + Money.MAX_WEEKLY_INPUT + " a week");
    }
    return Money.of(amount);
  }

  private static void requireText(String field, String value) {
    if (value == null) {
      throw new InvalidRequestException(field, "is required");
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidRequestException(field, "must be at most " + MAX_TEXT + " characters");
    }
  }
}

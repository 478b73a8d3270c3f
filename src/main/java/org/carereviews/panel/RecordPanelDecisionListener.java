package org.carereviews.panel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RefusalSentences;
import org.carereviews.workflow.FormValues;
import org.carereviews.workflow.Workflow;
import org.springframework.stereotype.Component;

/**
 * On completion of a decision task from a Tasklist form: reads the form's fields, records the
 * decision with the same rules as the API (an error refuses the completion and the task stays
 * open), sets {@code panelOutcome} and removes the form's fields from the process: the decision
 * lives in the panel's own table, the process keeps only its outcome.
 */
@Component("recordPanelDecision")
class RecordPanelDecisionListener implements TaskListener {

  static final String OUTCOME = "decisionOutcome";
  static final String SEAT = "decisionSeat";
  static final String RATIONALE = "decisionRationale";
  static final String QUESTION = "decisionQuestion";
  static final String RETURN_BY = "decisionReturnBy";
  static final String AMENDED_SERVICE_TYPE = "amendedServiceType";
  static final String AMENDED_PROVIDER = "amendedProvider";
  static final String AMENDED_WEEKLY_GROSS = "amendedWeeklyGross";
  static final String AMENDED_CONTRIBUTION = "amendedContribution";
  static final String AMENDED_NHS_SHARE = "amendedNhsShare";
  static final String AMENDED_EFFECTIVE_DATE = "amendedEffectiveDate";
  static final List<String> FORM_FIELDS =
      List.of(
          OUTCOME,
          SEAT,
          RATIONALE,
          QUESTION,
          RETURN_BY,
          AMENDED_SERVICE_TYPE,
          AMENDED_PROVIDER,
          AMENDED_WEEKLY_GROSS,
          AMENDED_CONTRIBUTION,
          AMENDED_NHS_SHARE,
          AMENDED_EFFECTIVE_DATE);

  private final PanelDecisionService decisions;
  private final Workflow workflow;
  private final ZoneId zone;

  RecordPanelDecisionListener(PanelDecisionService decisions, Workflow workflow, Clock clock) {
    this.decisions = decisions;
    this.workflow = workflow;
    this.zone = clock.getZone();
  }

  @Override
  public void notify(DelegateTask task) {
    long requestId = PanelMessages.REQUEST_ID.require(task);
    PanelDecision decision;
    try {
      decision =
          decisions.decideForTask(
              workflow.currentActor(),
              requestId,
              task.getTaskDefinitionKey(),
              input(FormValues.of(task, zone)));
    } catch (InvalidRequestException e) {
      // Tasklist shows the message: the field as the form names it, in a plain sentence with its
      // subject.
      String field = formField(e.field());
      throw new InvalidRequestException(field, RefusalSentences.of(field, e.getMessage()));
    }
    PanelMessages.OUTCOME.write(task.getExecution(), decision.getOutcome().name());
    task.getExecution().removeVariables(FORM_FIELDS);
  }

  /**
   * The form's field for a field of the decision API ({@code rationale}, {@code
   * amended.weeklyGrossCost}).
   */
  static String formField(String field) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case "outcome" -> OUTCOME;
      case "seat" -> SEAT;
      case "rationale" -> RATIONALE;
      case "question" -> QUESTION;
      case "returnBy" -> RETURN_BY;
      case "amended.serviceType" -> AMENDED_SERVICE_TYPE;
      case "amended.provider" -> AMENDED_PROVIDER;
      case "amended.weeklyGrossCost" -> AMENDED_WEEKLY_GROSS;
      case "amended.assessedContribution" -> AMENDED_CONTRIBUTION;
      case "amended.nhsSharePercent" -> AMENDED_NHS_SHARE;
      case "amended.effectiveDate" -> AMENDED_EFFECTIVE_DATE;
      default -> field;
    };
  }

  static DecisionInput input(FormValues form) {
    PanelOutcome outcome = form.choice(OUTCOME, PanelOutcome.class);
    PanelSeat seat = form.choice(SEAT, PanelSeat.class);
    ProposedPackage amended = null;
    if (outcome == PanelOutcome.APPROVED_WITH_AMENDMENT && form.raw(AMENDED_WEEKLY_GROSS) != null) {
      ServiceType serviceType = form.choice(AMENDED_SERVICE_TYPE, ServiceType.class);
      String provider = form.text(AMENDED_PROVIDER);
      LocalDate effective = form.date(AMENDED_EFFECTIVE_DATE);
      if (serviceType == null || provider == null || effective == null) {
        throw new InvalidRequestException(
            "amended",
            "an amendment needs the service type, provider, weekly gross cost and effective date");
      }
      amended =
          new ProposedPackage(
              serviceType,
              provider,
              moneyOrZero(form, AMENDED_WEEKLY_GROSS),
              moneyOrZero(form, AMENDED_CONTRIBUTION),
              Objects.requireNonNullElse(form.percent(AMENDED_NHS_SHARE), BigDecimal.ZERO),
              effective);
    }
    return new DecisionInput(
        outcome, seat, form.text(RATIONALE), amended, form.text(QUESTION), form.date(RETURN_BY));
  }

  /** A blank amount on the form is nothing a week. */
  private static Money moneyOrZero(FormValues form, String field) {
    return Objects.requireNonNullElse(form.money(field), Money.ZERO);
  }
}

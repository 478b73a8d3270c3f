package org.carereviews.panel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RefusalSentences;
import org.carereviews.identity.EngineCalls;
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
  static final List<String> FORM_FIELDS = List.of(OUTCOME, SEAT, RATIONALE, QUESTION, RETURN_BY, AMENDED_SERVICE_TYPE,
      AMENDED_PROVIDER, AMENDED_WEEKLY_GROSS, AMENDED_CONTRIBUTION, AMENDED_NHS_SHARE, AMENDED_EFFECTIVE_DATE);

  private final PanelDecisionService decisions;
  private final EngineCalls engineCalls;

  RecordPanelDecisionListener(PanelDecisionService decisions, EngineCalls engineCalls) {
    this.decisions = decisions;
    this.engineCalls = engineCalls;
  }

  @Override
  public void notify(DelegateTask task) {
    long requestId = ((Number) task.getVariable(PanelMessages.VAR_REQUEST_ID)).longValue();
    PanelDecision decision;
    try {
      decision = decisions.decideForTask(engineCalls.currentUser(), requestId, task.getTaskDefinitionKey(), input(task));
    } catch (InvalidRequestException e) {
      // Tasklist shows the message: the field as the form names it, in a plain sentence with its subject.
      String field = formField(e.field());
      throw new InvalidRequestException(field, RefusalSentences.of(field, e.getMessage()));
    }
    task.getExecution().setVariable(PanelMessages.VAR_OUTCOME, Variables.stringValue(decision.getOutcome().name()));
    task.getExecution().removeVariables(FORM_FIELDS);
  }

  /** The form's field for a field of the decision API ({@code rationale}, {@code amended.weeklyGrossCost}). */
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

  static DecisionInput input(DelegateTask task) {
    PanelOutcome outcome = enumOf(PanelOutcome.class, OUTCOME, task.getVariable(OUTCOME));
    PanelSeat seat = enumOf(PanelSeat.class, SEAT, task.getVariable(SEAT));
    ProposedPackage amended = null;
    if (outcome == PanelOutcome.APPROVED_WITH_AMENDMENT && task.getVariable(AMENDED_WEEKLY_GROSS) != null) {
      ServiceType serviceType = enumOf(ServiceType.class, AMENDED_SERVICE_TYPE, task.getVariable(AMENDED_SERVICE_TYPE));
      String provider = text(task.getVariable(AMENDED_PROVIDER));
      LocalDate effective = date(AMENDED_EFFECTIVE_DATE, task.getVariable(AMENDED_EFFECTIVE_DATE));
      if (serviceType == null || provider == null || effective == null) {
        throw new InvalidRequestException("amended",
            "an amendment needs the service type, provider, weekly gross cost and effective date");
      }
      amended = new ProposedPackage(serviceType, provider, money(AMENDED_WEEKLY_GROSS, task.getVariable(AMENDED_WEEKLY_GROSS)),
          money(AMENDED_CONTRIBUTION, task.getVariable(AMENDED_CONTRIBUTION)),
          percent(task.getVariable(AMENDED_NHS_SHARE)), effective);
    }
    return new DecisionInput(outcome, seat, text(task.getVariable(RATIONALE)), amended, text(task.getVariable(QUESTION)),
        date(RETURN_BY, task.getVariable(RETURN_BY)));
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String field, Object value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static LocalDate date(String field, Object value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      // Camunda Forms date fields submit yyyy-MM-dd.
      date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(field, "is not a date (yyyy-mm-dd): " + text);
    }
    String outside = org.carereviews.common.DateWindows.careDateProblem(date);
    if (outside != null) {
      throw new InvalidRequestException(field, outside);
    }
    return date;
  }

  private static Money money(String field, Object value) {
    String text = text(value);
    if (text == null) {
      return Money.ZERO;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, "must be pounds and pence");
    }
    if (!Money.withinCeiling(amount, Money.MAX_WEEKLY_INPUT)) {
      throw new InvalidRequestException(field, "must be at most " + Money.MAX_WEEKLY_INPUT + " a week");
    }
    try {
      return Money.of(amount);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, "must be pounds and pence");
    }
  }

  private static BigDecimal percent(Object value) {
    String text = text(value);
    try {
      return text == null ? BigDecimal.ZERO : new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(AMENDED_NHS_SHARE, "must be a percentage");
    }
  }
}

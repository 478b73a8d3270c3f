package org.carereviews.savings.validation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.identity.EngineCalls;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.savings.validation.SavingsProcesses.Proposal;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.carereviews.savings.validation.SavingsValidation.Decision;
import org.carereviews.savings.validation.SavingsValidation.RecorderDecision;
import org.carereviews.savings.validation.SavingsValidation.ValidationInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates and task listeners of the savings processes, referenced by bean name from the
 * BPMN. The listeners run on completion of a user task, from a Tasklist form or the API alike: they
 * read the form's fields, call one service method as the signed-in user (a refusal throws, the
 * engine rolls back and the task stays open), set the outcome and remove the form's fields: the
 * decision lives in the savings tables and the ledger, the process keeps only its outcome.
 */
@Configuration
class SavingsDelegates {

  @Bean
  TaskListener recordValidation(SavingsValidation validation, EngineCalls engineCalls) {
    return task -> {
      String outcome = validation.decide(engineCalls.currentUser(), costChangeId(task), task.getTaskDefinitionKey(),
          new ValidationInput(enumOf(Decision.class, "decision", task.getVariable(Validation.FIELD_DECISION)),
              money(task.getVariable(Validation.FIELD_VALIDATED_WEEKLY_DELTA)),
              bool(task.getVariable(Validation.FIELD_NEW_COST_LIVE)), text(task.getVariable(Validation.FIELD_REASON))));
      task.getExecution().setVariable(Validation.VAR_OUTCOME, Variables.stringValue(outcome));
      task.getExecution().removeVariables(java.util.List.of(Validation.FIELD_DECISION,
          Validation.FIELD_VALIDATED_WEEKLY_DELTA, Validation.FIELD_NEW_COST_LIVE, Validation.FIELD_REASON));
    };
  }

  @Bean
  TaskListener recordResubmission(SavingsValidation validation, EngineCalls engineCalls) {
    return task -> {
      String outcome = validation.recorderDecides(engineCalls.currentUser(), costChangeId(task),
          enumOf(RecorderDecision.class, "decision", task.getVariable(Validation.FIELD_RECORDER_DECISION)),
          text(task.getVariable(Validation.FIELD_RECORDER_NOTE)));
      task.getExecution().setVariable(Validation.VAR_OUTCOME, Variables.stringValue(outcome));
      task.getExecution().removeVariables(java.util.List.of(Validation.FIELD_RECORDER_DECISION,
          Validation.FIELD_RECORDER_NOTE));
    };
  }

  @Bean
  JavaDelegate gatherBoardList(ChangeAndEfficiencyBoard board) {
    return execution -> {
      BoardMeeting meeting = board.gather(boardMonth(execution.getVariable(Board.VAR_MONTH)),
          (String) execution.getVariable(Board.VAR_GATHERED_BY));
      execution.setVariable(Board.VAR_MEETING_ID, Variables.longValue(meeting.getId()));
      execution.setVariable(Board.VAR_ITEM_COUNT, Variables.integerValue(board.itemCount(meeting.getId())));
    };
  }

  @Bean
  TaskListener recordBoardDecision(ChangeAndEfficiencyBoard board, EngineCalls engineCalls) {
    return task -> {
      TypedValue given = task.getVariableTyped(Board.FIELD_HOLD_BACKS);
      String text = given == null ? null : text(given.getValue());
      if (text != null && !given.isTransient() && text.length() > Board.HOLD_BACKS_FORM_MAX) {
        throw new InvalidRequestException(Board.FIELD_HOLD_BACKS, "is longer than " + Board.HOLD_BACKS_FORM_MAX
            + " characters: shorten the reasons, or hold back fewer savings here and leave the rest to the "
            + "board's own list");
      }
      board.decide(engineCalls.currentUser(), ((Number) task.getVariable(Board.VAR_MEETING_ID)).longValue(),
          holdBacks(text));
      task.getExecution().removeVariable(Board.FIELD_HOLD_BACKS);
    };
  }

  @Bean
  TaskListener recordAchievability(ProposedEfficiencies proposals, EngineCalls engineCalls) {
    return task -> {
      boolean achievable = proposals.check(engineCalls.currentUser(),
          ((Number) task.getVariable(Proposal.VAR_PROPOSAL_ID)).longValue(),
          bool(task.getVariable(Proposal.FIELD_ACHIEVABLE)), text(task.getVariable(Proposal.FIELD_NOTE)));
      task.getExecution().setVariable(Proposal.VAR_ACHIEVABLE, Variables.booleanValue(achievable));
      task.getExecution().removeVariables(java.util.List.of(Proposal.FIELD_ACHIEVABLE, Proposal.FIELD_NOTE));
    };
  }

  @Bean
  JavaDelegate addProposalToProgramme(ProposedEfficiencies proposals) {
    return execution -> proposals.addToProgramme(((Number) execution.getVariable(Proposal.VAR_PROPOSAL_ID)).longValue());
  }

  /** Puts a saving's evidence on its task as the task is created, for the Tasklist form. */
  @Bean
  TaskListener prepareSavingEvidence(ValidationDesk desk) {
    return task -> task.setVariableLocal("savingEvidence", Variables.stringValue(desk.evidenceMarkdown(costChangeId(task))));
  }

  /**
   * Puts what the list holds (count and totals per kind, bounded) on the ratification task for the
   * Tasklist form; the list itself stays in our tables.
   */
  @Bean
  TaskListener prepareBoardList(ChangeAndEfficiencyBoard board) {
    return task -> task.setVariableLocal(Board.VAR_SUMMARY, Variables.stringValue(
        board.summary(((Number) task.getVariable(Board.VAR_MEETING_ID)).longValue())));
  }

  @Bean
  TaskListener prepareProposalSummary(ProposedEfficiencies proposals) {
    return task -> task.setVariableLocal("proposalSummary", Variables.stringValue(
        proposals.summaryMarkdown(((Number) task.getVariable(Proposal.VAR_PROPOSAL_ID)).longValue())));
  }

  private static long costChangeId(DelegateTask task) {
    return ((Number) task.getVariable(Validation.VAR_COST_CHANGE_ID)).longValue();
  }

  /** The board form's hold-backs, one a line: {@code <cost change id>: <reason>}. */
  static Map<Long, String> holdBacks(String text) {
    Map<Long, String> result = new LinkedHashMap<>();
    if (text == null) {
      return result;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      try {
        long id = Long.parseLong((colon < 0 ? line : line.substring(0, colon)).strip());
        if (result.put(id, colon < 0 ? "" : line.substring(colon + 1).strip()) != null) {
          throw new InvalidRequestException("holdBack", "saving " + id + " is held back twice");
        }
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("holdBack", "each line is '<saving id>: <reason>', not '" + line.strip() + "'");
      }
    }
    return result;
  }

  /** The same hold-backs written for the form field (the API's way in). */
  static String holdBacksText(Map<Long, String> holdBacks) {
    StringBuilder text = new StringBuilder();
    holdBacks.forEach((id, reason) -> text.append(id).append(": ")
        .append(reason == null ? "" : reason.replaceAll("\\R", " ")).append('\n'));
    return text.toString();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String field, Object value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** The board's month as a start variable (yyyy-mm, within the date window). */
  private static YearMonth boardMonth(Object value) {
    YearMonth month;
    try {
      month = value instanceof String text && text.matches("[0-9]{4}-[0-9]{2}") ? YearMonth.parse(text) : null;
    } catch (java.time.format.DateTimeParseException e) {
      month = null;
    }
    if (month == null || org.carereviews.common.DateWindows.monthProblem(month) != null) {
      throw new InvalidRequestException(Board.VAR_MONTH, "must be a month written yyyy-mm, from 1950-01 to 2099-12");
    }
    return month;
  }

  private static Boolean bool(Object value) {
    String text = text(value);
    return text == null ? null : Boolean.valueOf(text);
  }

  private static Money money(Object value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(text).stripTrailingZeros();
      if (!Money.withinCeiling(amount, Money.MAX_WEEKLY_INPUT)) {
        throw new InvalidRequestException("validatedWeeklyDelta", "must be at most " + Money.MAX_WEEKLY_INPUT + " a week");
      }
      return Money.of(amount.scale() < 0 ? amount.setScale(0) : amount);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidRequestException("validatedWeeklyDelta", "must be pounds and pence, e.g. -45.50");
    }
  }
}

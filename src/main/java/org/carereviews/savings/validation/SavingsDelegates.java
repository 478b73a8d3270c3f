package org.carereviews.savings.validation;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.validation.ChangeAndEfficiencyBoard.GatheredList;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.savings.validation.SavingsProcesses.Proposal;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.carereviews.savings.validation.SavingsValidation.Decision;
import org.carereviews.savings.validation.SavingsValidation.RecorderDecision;
import org.carereviews.savings.validation.SavingsValidation.ValidationInput;
import org.carereviews.workflow.FormValues;
import org.carereviews.workflow.Workflow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates and task listeners of the savings processes, referenced by bean name from the
 * BPMN: each reads its typed variables (and its form, through {@link FormValues}), calls one
 * service method and writes the result. The listeners run on completion of a user task, from a
 * Tasklist form or the API alike, as the signed-in user (a refusal throws, the engine rolls back
 * and the task stays open), and remove the form's fields: the decision lives in the savings tables
 * and the ledger, the process keeps only its outcome.
 */
@Configuration
class SavingsDelegates {

  private final Clock clock;

  SavingsDelegates(Clock clock) {
    this.clock = clock;
  }

  @Bean
  TaskListener recordValidation(SavingsValidation validation, Workflow workflow) {
    return task -> {
      FormValues form = FormValues.of(task, clock.getZone());
      String outcome =
          validation.decide(
              workflow.currentActor(),
              costChangeId(task),
              task.getTaskDefinitionKey(),
              new ValidationInput(
                  form.choice(Validation.FIELD_DECISION, Decision.class),
                  form.money(Validation.FIELD_VALIDATED_WEEKLY_DELTA),
                  form.bool(Validation.FIELD_NEW_COST_LIVE),
                  form.text(Validation.FIELD_REASON)));
      Validation.OUTCOME.write(task.getExecution(), outcome);
      task.getExecution()
          .removeVariables(
              List.of(
                  Validation.FIELD_DECISION,
                  Validation.FIELD_VALIDATED_WEEKLY_DELTA,
                  Validation.FIELD_NEW_COST_LIVE,
                  Validation.FIELD_REASON));
    };
  }

  @Bean
  TaskListener recordResubmission(SavingsValidation validation, Workflow workflow) {
    return task -> {
      FormValues form = FormValues.of(task, clock.getZone());
      String outcome =
          validation.recorderDecides(
              workflow.currentActor(),
              costChangeId(task),
              form.choice(Validation.FIELD_RECORDER_DECISION, RecorderDecision.class),
              form.text(Validation.FIELD_RECORDER_NOTE));
      Validation.OUTCOME.write(task.getExecution(), outcome);
      task.getExecution()
          .removeVariables(
              List.of(Validation.FIELD_RECORDER_DECISION, Validation.FIELD_RECORDER_NOTE));
    };
  }

  @Bean
  JavaDelegate gatherBoardList(ChangeAndEfficiencyBoard board) {
    return execution -> {
      GatheredList list =
          board.gather(
              BoardMonths.parse(Board.MONTH.read(execution)), Board.GATHERED_BY.read(execution));
      Board.MEETING_ID.write(execution, list.meetingId());
      Board.ITEM_COUNT.write(execution, list.itemCount());
    };
  }

  @Bean
  TaskListener recordBoardDecision(ChangeAndEfficiencyBoard board, Workflow workflow) {
    return task -> {
      board.decide(workflow.currentActor(), Board.MEETING_ID.require(task), holdBacksGiven(task));
      task.getExecution().removeVariable(Board.FIELD_HOLD_BACKS);
    };
  }

  @Bean
  TaskListener recordAchievability(ProposedEfficiencies proposals, Workflow workflow) {
    return task -> {
      FormValues form = FormValues.of(task, clock.getZone());
      boolean achievable =
          proposals.check(
              workflow.currentActor(),
              Proposal.PROPOSAL_ID.require(task),
              form.bool(Proposal.FIELD_ACHIEVABLE),
              form.text(Proposal.FIELD_NOTE));
      Proposal.ACHIEVABLE.write(task.getExecution(), achievable);
      task.getExecution().removeVariables(List.of(Proposal.FIELD_ACHIEVABLE, Proposal.FIELD_NOTE));
    };
  }

  @Bean
  JavaDelegate addProposalToProgramme(ProposedEfficiencies proposals) {
    return execution -> proposals.addToProgramme(Proposal.PROPOSAL_ID.require(execution));
  }

  /** Puts a saving's evidence on its task as the task is created, for the Tasklist form. */
  @Bean
  TaskListener prepareSavingEvidence(ValidationDesk desk) {
    return task ->
        task.setVariableLocal(
            Validation.EVIDENCE.name(),
            Variables.stringValue(desk.evidenceMarkdown(costChangeId(task))));
  }

  /**
   * Puts what the list holds (count and totals per kind, bounded) on the ratification task for the
   * Tasklist form; the list itself stays in our tables.
   */
  @Bean
  TaskListener prepareBoardList(ChangeAndEfficiencyBoard board) {
    return task ->
        task.setVariableLocal(
            Board.SUMMARY.name(),
            Variables.stringValue(board.summary(Board.MEETING_ID.require(task))));
  }

  @Bean
  TaskListener prepareProposalSummary(ProposedEfficiencies proposals) {
    return task ->
        task.setVariableLocal(
            Proposal.SUMMARY.name(),
            Variables.stringValue(proposals.summaryMarkdown(Proposal.PROPOSAL_ID.require(task))));
  }

  private static CostChangeId costChangeId(DelegateTask task) {
    return CostChangeId.of(Validation.COST_CHANGE_ID.require(task));
  }

  /**
   * The hold-backs given to the ratification task. A Tasklist form's are stored in the engine's
   * history, so they are bounded; the API's pass as a transient variable, however many.
   */
  private Map<Long, String> holdBacksGiven(DelegateTask task) {
    TypedValue given = task.getVariableTyped(Board.FIELD_HOLD_BACKS);
    String text =
        given == null
            ? null
            : FormValues.of(
                    Collections.singletonMap(Board.FIELD_HOLD_BACKS, given.getValue()),
                    clock.getZone())
                .text(Board.FIELD_HOLD_BACKS);
    if (text != null && !given.isTransient() && text.length() > Board.HOLD_BACKS_FORM_MAX) {
      throw new InvalidRequestException(
          Board.FIELD_HOLD_BACKS,
          "is longer than "
              + Board.HOLD_BACKS_FORM_MAX
              + " characters: shorten the reasons, or hold back fewer savings here and leave the rest to the "
              + "board's own list");
    }
    return HoldBacks.parse(text);
  }

  /**
   * The variables with which the API completes the ratification task: the hold-backs as a transient
   * variable, as they grow with the list, so they reach the task's listener and are never stored.
   */
  static Map<String, Object> holdBacksVariables(Map<Long, String> holdBacks) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Board.FIELD_HOLD_BACKS, Variables.stringValue(HoldBacks.text(holdBacks), true));
    return variables;
  }
}

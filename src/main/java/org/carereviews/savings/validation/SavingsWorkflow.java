package org.carereviews.savings.validation;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.EngineCalls;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.savings.validation.SavingsProcesses.Proposal;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The engine behind a port: starts the savings processes and finds and completes their tasks. */
@Component
class SavingsWorkflow {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EngineCalls engineCalls;

  SavingsWorkflow(RuntimeService runtime, TaskService tasks, EngineCalls engineCalls) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.engineCalls = engineCalls;
  }

  /** Starts a saving's validation, once (a second start for the same saving does nothing). */
  void startValidation(long costChangeId, String recordedBy) {
    String key = Validation.businessKey(costChangeId);
    engineCalls.asService(() -> {
      if (runtime.createProcessInstanceQuery().processDefinitionKey(Validation.KEY).processInstanceBusinessKey(key)
          .count() == 0) {
        runtime.startProcessInstanceByKey(Validation.KEY, key, Variables.createVariables()
            .putValue(Validation.VAR_COST_CHANGE_ID, Variables.longValue(costChangeId))
            .putValue(Validation.VAR_RECORDED_BY, Variables.stringValue(recordedBy)));
      }
      return null;
    });
  }

  /** Starts the gathering of a month's board list; returns the process instance id. */
  String startBoard(YearMonth month, String gatheredBy) {
    return engineCalls.asService(() -> runtime.startProcessInstanceByKey(Board.KEY, Board.businessKey(month.toString()),
        Variables.createVariables().putValue(Board.VAR_MONTH, Variables.stringValue(month.toString()))
            .putValue(Board.VAR_GATHERED_BY, Variables.stringValue(gatheredBy))).getId());
  }

  /** Whether a board process for the month is running or ran. */
  boolean boardStarted(YearMonth month) {
    return engineCalls.asService(() -> runtime.createProcessInstanceQuery().processDefinitionKey(Board.KEY)
        .processInstanceBusinessKey(Board.businessKey(month.toString())).count() > 0);
  }

  void startProposal(long proposalId, String proposedBy) {
    engineCalls.asService(() -> runtime.startProcessInstanceByKey(Proposal.KEY, Proposal.businessKey(proposalId),
        Variables.createVariables().putValue(Proposal.VAR_PROPOSAL_ID, Variables.longValue(proposalId))
            .putValue(Proposal.VAR_PROPOSED_BY, Variables.stringValue(proposedBy))));
  }

  /** The open task of one of these kinds in the process with this business key, or null. */
  Task openTask(String businessKey, String... taskDefinitionKeys) {
    return engineCalls.asService(() -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKeyIn(taskDefinitionKeys).singleResult());
  }

  /** Open tasks of a kind (oldest first), at most {@code limit}. */
  List<Task> openTasks(String processKey, String taskDefinitionKey, String assignee, int limit) {
    return engineCalls.asService(() -> {
      var query = tasks.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskDefinitionKey);
      if (assignee != null) {
        query.taskAssignee(assignee);
      }
      return query.orderByTaskCreateTime().asc().listPage(0, limit);
    });
  }

  Object variable(Task task, String name) {
    return engineCalls.asService(() -> runtime.getVariable(task.getExecutionId(), name));
  }

  /**
   * Completes a task as the signed-in user (the API request's user): the task's listener reads who
   * decides from the engine's authentication, exactly as for a Tasklist form.
   */
  void complete(Task task, Map<String, Object> variables) {
    try {
      tasks.complete(task.getId(), variables);
    } catch (ProcessEngineException e) {
      // The engine wraps what a task listener throws: answer with the listener's own refusal.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidRequestException || cause instanceof StateConflictException
            || cause instanceof RecordNotFoundException || cause instanceof AccessDeniedException) {
          throw (RuntimeException) cause;
        }
      }
      throw e;
    }
  }
}

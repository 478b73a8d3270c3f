package org.carereviews.ctr;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.carereviews.common.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/** The engine behind a small port: start the CTR processes, complete their tasks. */
@Component
class CtrWorkflow {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final DecisionService decisions;

  CtrWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity, DecisionService decisions) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.decisions = decisions;
  }

  /** Evaluates a decision table (the council's policy) as the service; one map of outputs per matching rule. */
  List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
    return asService(() -> decisions.evaluateDecisionTableByKey(decisionKey, inputs).getResultList());
  }

  /**
   * Starts a process as the service itself: the caller has already decided it may (the schedule,
   * or a step of another CTR process), so Camunda's per-user start permissions do not apply.
   *
   * @return the process instance id
   */
  String start(String processKey, String businessKey, Map<String, Object> variables) {
    return asService(() -> runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId());
  }

  /**
   * Completes the waiting task of a process instance as the signed-in user (Camunda checks that
   * they may work on it); the steps behind it validate and record, or refuse and change nothing.
   */
  void complete(String processInstanceId, String taskKey, String what, Map<String, Object> variables) {
    List<Task> waiting = tasks.createTaskQuery().processInstanceId(processInstanceId).active().list();
    Task task = waiting.stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).findFirst()
        .orElseThrow(() -> new InvalidRequestException("step", what + " is not the step this record is at"
            + (waiting.isEmpty() ? "; it has no open step" : "; it is at: "
            + waiting.stream().map(Task::getName).toList())));
    tasks.complete(task.getId(), variables);
  }

  /** The user id the engine is working for (the one completing a task), or {@code fallback}. */
  String currentUser(String fallback) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? fallback : authentication.getUserId();
  }

  private <T> T asService(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}

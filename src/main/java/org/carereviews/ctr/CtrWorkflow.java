package org.carereviews.ctr;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.carereviews.common.web.InvalidRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The engine behind a small port: start the CTR processes, complete their tasks. */
@Component
class CtrWorkflow {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final DmnEngine dmn;
  /** Parsed decisions by decision definition id: a new deployment has a new id. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  CtrWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity, RepositoryService repository) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.repository = repository;
    // A plain DMN engine for reads: the deployed model, evaluated outside the process engine's history.
    this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  /**
   * Evaluates the latest deployed version of a decision table (the council's policy); one map of
   * outputs per matching rule. A read, not a decision taken: it writes no decision history (the
   * due list asks it for every person on the register).
   */
  List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
    DmnDecision decision = asService(() -> {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
          .latestVersion().singleResult();
      if (definition == null) {
        throw new IllegalStateException("decision " + decisionKey + " is not deployed");
      }
      return parsed.computeIfAbsent(definition.getId(),
          id -> dmn.parseDecision(decisionKey, repository.getDecisionModel(id)));
    });
    return dmn.evaluateDecisionTable(decision, inputs).getResultList();
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
   * they may work on it: a step that is not theirs is refused); the steps behind it validate and
   * record, or refuse and change nothing. The waiting task is looked up as the service, so that a
   * step someone may not take is refused as such, not reported as missing.
   */
  void complete(String processInstanceId, String taskKey, String what, Map<String, Object> variables) {
    List<Task> waiting = asService(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).active().list());
    Task task = waiting.stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).findFirst()
        .orElseThrow(() -> new InvalidRequestException("step", what + " is not the step this record is at"
            + (waiting.isEmpty() ? "; it has no open step" : "; it is at: "
            + waiting.stream().map(Task::getName).toList())));
    try {
      tasks.complete(task.getId(), variables);
    } catch (AuthorizationException refused) {
      throw new AccessDeniedException(what + " is not a step " + currentUser("this user") + " may take");
    }
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

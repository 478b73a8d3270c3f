package org.carereviews.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carereviews.common.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The review's port to the process engine's tasks and messages. Calls run as the signed-in user
 * (the API sets Camunda's authentication), so Camunda's authorizations apply as in Tasklist.
 */
@Component
class ReviewTasks {

  /** An open task of a review, as the API shows it. */
  record OpenTask(String taskId, String taskKey, String name, String assignee, java.util.Date due) {
  }

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;

  ReviewTasks(TaskService tasks, RuntimeService runtime, IdentityService identity) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
  }

  /**
   * Whether a user belongs to a Camunda group. Asked as the service itself: a team manager may
   * allocate to a team member without the right to browse Camunda's users.
   */
  boolean isMember(String userId, String groupId) {
    return asService(() -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  /**
   * Runs an engine call as the service itself, not as the signed-in user: for steps the API has
   * already checked (team scoping) that Camunda's per-instance rights would otherwise need wide grants for.
   */
  private <T> T asService(java.util.function.Supplier<T> call) {
    Authentication asked = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (asked != null) {
        identity.setAuthentication(asked);
      }
    }
  }

  List<OpenTask> openTasks(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list().stream()
        .map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getDueDate()))
        .toList();
  }

  /** Process instances of reviews with a task assigned to the user. */
  List<String> processesAssignedTo(String userId) {
    return tasks.createTaskQuery().processDefinitionKey(ReviewProcess.KEY).taskAssignee(userId).list().stream()
        .map(Task::getProcessInstanceId).distinct().toList();
  }

  Task require(Review review, String taskKey, String what) {
    return find(review, taskKey).orElseThrow(() -> new InvalidRequestException("reviewId", "review "
        + review.getReference() + " is not waiting for " + what + " (it is " + review.getStatus() + ")"));
  }

  Optional<Task> find(Review review, String taskKey) {
    return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(review.getProcessInstanceId())
        .taskDefinitionKey(taskKey).singleResult());
  }

  void assign(Task task, String userId) {
    tasks.setAssignee(task.getId(), userId);
  }

  void claim(Task task, String userId) {
    tasks.claim(task.getId(), userId);
  }

  void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }

  /** Delivers the NHS decision on a Continuing Healthcare referral to the waiting review (the caller checked the team). */
  void deliverChcDecision(Review review, Map<String, Object> variables) {
    try {
      asService(() -> runtime.createMessageCorrelation(ReviewProcess.MESSAGE_CHC_DECISION)
          .processInstanceId(review.getProcessInstanceId()).setVariables(variables).correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidRequestException("reviewId", "review " + review.getReference()
          + " is not waiting for an NHS Continuing Healthcare decision (it is " + review.getStatus() + ")");
    }
  }
}

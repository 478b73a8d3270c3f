package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.carereviews.demo.DemoUsers;
import org.carereviews.panel.PanelProcesses;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who is offered each user task, and where they find it (issue 14, items 3 and 4), on the embedded
 * default through {@code /engine-rest} as each demo user: a team manager's task is offered to the
 * team's managers only (a social worker of the team, or a manager of another team, can neither see,
 * claim nor complete it: 403), and every user task of every deployed process is found, by a user
 * who may act on it, through one of the shared Tasklist filters.
 */
@EmbeddedDefaultTest
class TaskOffersIT {

  /**
   * Who acts on each user task of the deployed models (a demo user), and the variables that put the
   * task with them: team tasks with team NORTH, tasks assigned by the process to the acting user.
   */
  private static final Map<String, String> ACTOR = new LinkedHashMap<>();

  static {
    ACTOR.put("Task_ChaseOverdueReview", "tm.north");
    ACTOR.put("Task_ConductReview", "sw.north");
    ACTOR.put("Task_ReadPanelDecline", "sw.north");
    ACTOR.put("Task_Reassess", "sw.north");
    ACTOR.put("Task_ConvenePanel", "ctr.chair");
    ACTOR.put("Task_RecordConsent", "sw.north");
    ACTOR.put("Task_SharePapers", "ctr.chair");
    ACTOR.put("Task_RecordMeeting", "ctr.chair");
    ACTOR.put("Task_PlanDischarge", "sw.north");
    ACTOR.put("Task_RecordOversightVisit", "sw.north");
    ACTOR.put("Task_CompleteAction", "sw.north");
    ACTOR.put("Task_ChaseOverdueAction", "ctr.chair");
    ACTOR.put("Task_HoldMeeting", "panel.finance");
    ACTOR.put("Task_DecideUnderDelegatedAuthority", "tm.north");
    ACTOR.put("Task_DecideAtPanel", "panel.finance");
    ACTOR.put("Task_ApproveUrgentStart", "tm.north");
    ACTOR.put("Task_ReviewRetrospectively", "panel.commissioning");
    ACTOR.put("Task_EscalateOverdueRetrospective", "panel.asc");
    ACTOR.put("Task_ActOnRetrospectiveDecision", "tm.north");
    ACTOR.put("Task_ValidateSaving", "fin.validator");
    ACTOR.put("Task_SecondValidation", "fin.head");
    ACTOR.put("Task_CorrectOrWithdraw", "sw.north");
    ACTOR.put("Task_RatifyBoardList", "board.member");
    ACTOR.put("Task_CheckAchievability", "fin.head");
  }

  /** The team managers' tasks: not for social workers, nor for another team's managers. */
  private static final Set<String> MANAGERS_ONLY =
      Set.of(
          "Task_ChaseOverdueReview",
          "Task_DecideUnderDelegatedAuthority",
          "Task_ApproveUrgentStart",
          "Task_ActOnRetrospectiveDecision");

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void
      everyUserTaskOfEveryProcessIsInAFilterOfSomeoneWhoMayActOnItAndManagersTasksOnlyInManagersFilters() {
    Map<String, String> definitionOfTask = new HashMap<>();
    for (ProcessDefinition definition :
        repository.createProcessDefinitionQuery().latestVersion().list()) {
      for (UserTask userTask :
          repository
              .getBpmnModelInstance(definition.getId())
              .getModelElementsByType(UserTask.class)) {
        definitionOfTask.put(userTask.getId(), definition.getId());
      }
    }
    assertThat(ACTOR.keySet())
        .as("every user task of every deployed process has someone who acts on it here")
        .containsExactlyInAnyOrderElementsOf(definitionOfTask.keySet());

    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> entry : ACTOR.entrySet()) {
      String taskKey = entry.getKey();
      String actor = entry.getValue();
      String processInstanceId =
          runtime
              .createProcessInstanceById(definitionOfTask.get(taskKey))
              .setVariables(variablesFor(actor))
              .startBeforeActivity(taskKey)
              .execute(true, true)
              .getId();
      try {
        Task task =
            tasks
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as(taskKey).isNotNull();
        if (!inAFilterOf(actor, processInstanceId)) {
          missing.add(taskKey + " (" + actor + ")");
        }
        if (MANAGERS_ONLY.contains(taskKey)) {
          assertThat(inAFilterOf("sw.north", processInstanceId))
              .as(taskKey + " in a social worker's filter")
              .isFalse();
          assertThat(inAFilterOf("tm.south", processInstanceId))
              .as(taskKey + " in another team's manager's filter")
              .isFalse();
        }
      } finally {
        runtime.deleteProcessInstance(processInstanceId, "test", true, true);
      }
    }
    assertThat(missing).as("tasks their actor finds in none of their Tasklist filters").isEmpty();
  }

  @Test
  void onlyTheTeamsManagersMayTakeADecisionUnderDelegatedAuthority() {
    Task decision =
        tasks
            .createTaskQuery()
            .taskDefinitionKey(PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY)
            .processVariableValueEquals(PanelProcesses.VAR_TEAM_GROUP, "team-north")
            .list()
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "the demo has a NORTH request for a team manager to decide"));
    String task = "/engine-rest/task/" + decision.getId();

    for (String refused : List.of("sw.north", "tm.south")) {
      assertThat(call(refused, HttpMethod.GET, task, null).getStatusCode())
          .as(refused + " reads")
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(
              call(
                      refused,
                      HttpMethod.GET,
                      "/engine-rest/task?taskDefinitionKey="
                          + PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY,
                      null)
                  .getBody()
                  .findValuesAsText("id"))
          .as(refused + " lists")
          .doesNotContain(decision.getId());
      assertThat(
              call(refused, HttpMethod.POST, task + "/claim", "{\"userId\": \"" + refused + "\"}")
                  .getStatusCode())
          .as(refused + " claims")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(call(refused, HttpMethod.POST, task + "/complete", declined()).getStatusCode())
          .as(refused + " completes")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(tasks.createTaskQuery().taskId(decision.getId()).singleResult().getAssignee())
          .isNull();
    }

    assertThat(call("tm.north", HttpMethod.GET, task, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            call("tm.north", HttpMethod.POST, task + "/claim", "{\"userId\": \"tm.north\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(call("tm.north", HttpMethod.POST, task + "/complete", declined()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(decision.getId()).count()).isZero();
  }

  private static String declined() {
    return "{\"variables\": {\"decisionOutcome\": {\"value\": \"DECLINED\", \"type\": \"String\"},"
        + " \"decisionRationale\": {\"value\": \"Needs can be met within the current package\", \"type\": \"String\"}}}";
  }

  private static Map<String, Object> variablesFor(String actor) {
    Date later = Date.from(Instant.now().plus(30, ChronoUnit.DAYS));
    Map<String, Object> variables = new HashMap<>();
    variables.put("teamGroup", "team-north");
    variables.put("reviewWorker", null);
    variables.put("chair", actor);
    variables.put("actionOwner", actor);
    variables.put("recordedBy", actor);
    variables.put("taskDueDate", later);
    variables.put("escalationDueDate", later);
    variables.put("escalateAt", later);
    variables.put("retrospectiveDue", later);
    variables.put("actionOverdueAt", later);
    variables.put("meetingCloses", later);
    return variables;
  }

  /**
   * Whether the user finds the process instance's task through one of the Tasklist filters they may
   * read.
   */
  private boolean inAFilterOf(String user, String processInstanceId) {
    JsonNode filters =
        call(user, HttpMethod.GET, "/engine-rest/filter?resourceType=Task", null).getBody();
    assertThat(filters).as(user + "'s filters").isNotNull();
    Set<String> names = new TreeSet<>(filters.findValuesAsText("name"));
    assertThat(names).as(user + "'s filters").contains("My tasks", "My teams' tasks");
    for (JsonNode filter : filters) {
      ResponseEntity<JsonNode> found =
          call(
              user,
              HttpMethod.POST,
              "/engine-rest/filter/" + filter.get("id").asText() + "/list",
              "{\"processInstanceId\": \"" + processInstanceId + "\"}");
      assertThat(found.getStatusCode())
          .as(user + " lists " + filter.get("name"))
          .isEqualTo(HttpStatus.OK);
      if (!found.getBody().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A call as a demo user; retried while Camunda delays the user's sign-in after another test's
   * wrong password.
   */
  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String url, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, DemoUsers.PASSWORD);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return org.awaitility.Awaitility.await(user + " signed in")
        .atMost(java.time.Duration.ofSeconds(30))
        .pollDelay(java.time.Duration.ZERO)
        .pollInterval(java.time.Duration.ofSeconds(2))
        .until(
            () -> rest.exchange(url, method, new HttpEntity<>(json, headers), JsonNode.class),
            response -> response.getStatusCode() != HttpStatus.UNAUTHORIZED);
  }
}

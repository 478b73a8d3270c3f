package org.carereviews.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.support.TasklistForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, item 5: a completion the server refuses reads as a plain sentence with its subject, in
 * Tasklist (a real Chromium) and on Camunda's REST API (a problem detail naming the field), never
 * as the engine's "ENGINE-03051 There was an exception while invoking the TaskListener...".
 */
@EmbeddedDefaultTest
class TasklistRefusalBrowserIT {

  private static final String WORKER = "sw.north";
  private static final String OVER_THE_CEILING =
      "Weekly gross cost must be at most GBP 15,000.00 a week (the ceiling set by the council).";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aReviewOutcomeOverTheCeilingIsRefusedInTasklistInAPlainSentence() {
    Task task = northReviewPreparedForAnIncrease();

    try (Browser browser = Browser.start("http://localhost:" + port, "TasklistRefusalBrowserIT")) {
      browser.signInToTasklist(WORKER).openTask(task.getId());
      TasklistForm form = new TasklistForm(browser);
      form.type("Field_proposedWeeklyGrossCost", "20000");
      browser.screenshot("new-cost-over-the-ceiling");
      form.complete();
      browser.waiting().until(d -> !form.errors().isBlank());
      browser.screenshot("refused");

      assertThat(form.errors())
          .contains(OVER_THE_CEILING)
          .doesNotContain("ENGINE-")
          .doesNotContain("Exception");
    }
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
        .as("the task stays open")
        .isEqualTo(1);
  }

  @Test
  void engineRestAnswersARefusedCompletionWithAProblemDetailNamingTheField() {
    Task task = northReviewPreparedForAnIncrease();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body =
        """
        {"variables": {"proposedWeeklyGrossCost": {"value": "20000.00", "type": "String"}}}""";

    ResponseEntity<JsonNode> answer =
        rest.withBasicAuth(WORKER, DemoUsers.PASSWORD)
            .exchange(
                "/engine-rest/task/" + task.getId() + "/submit-form",
                HttpMethod.POST,
                new HttpEntity<>(body, headers),
                JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(answer.getBody().get("message").asText()).isEqualTo(OVER_THE_CEILING);
    assertThat(answer.getBody().get("detail").asText()).isEqualTo(OVER_THE_CEILING);
    assertThat(answer.getBody().get("status").asInt()).isEqualTo(400);
    assertThat(answer.getBody().at("/errors/0/field").asText())
        .isEqualTo("proposedWeeklyGrossCost");
    assertThat(answer.getBody().at("/errors/0/message").asText())
        .startsWith("must be at most GBP 15,000.00");
    assertThat(answer.getBody().toString()).doesNotContain("ENGINE-");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
        .as("the task stays open")
        .isEqualTo(1);
  }

  /**
   * A demo review of team North waiting for its outcome, claimed by the social worker, with
   * everything of an increase recorded but the new weekly cost (as a worker part-way through the
   * form).
   */
  private Task northReviewPreparedForAnIncrease() {
    String taskId =
        jdbc.queryForObject(
            "select t.id_ from act_ru_task t join care_review r"
                + " on r.process_instance_id = t.proc_inst_id_ where r.team_code = 'NORTH'"
                + " and t.task_def_key_ = 'Task_ConductReview' and t.assignee_ is null"
                + " order by t.id_ fetch first 1 rows only",
            String.class);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    tasks.claim(taskId, WORKER);
    Map<String, Object> sofar = new HashMap<>();
    sofar.put("conversationConnect", true);
    sofar.put("conversationCrisis", false);
    sofar.put("conversationLongTerm", true);
    sofar.put("strengthsAndAssets", "A close family nearby");
    sofar.put("outcomesWanted", "To stay at home");
    sofar.put("personViews", "Wants more help in the mornings");
    sofar.put("outcome", "INCREASE");
    sofar.put("changeInNeed", "Needs help to get up since a fall");
    sofar.put("proposedServiceType", "HOME_CARE");
    sofar.put("proposedProvider", "Example Home Care Ltd");
    sofar.put("effectiveDate", LocalDate.now().plusDays(7).toString());
    runtime.setVariables(task.getProcessInstanceId(), sofar);
    return task;
  }
}

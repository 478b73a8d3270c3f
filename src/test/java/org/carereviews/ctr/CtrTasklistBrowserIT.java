package org.carereviews.ctr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.Teams;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.support.TasklistForm;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * Issue 14, item 2: the chair records a CTR meeting with several recommendations in Tasklist 7.24,
 * in a real Chromium. The dynamic list the form had never let Complete be pressed once a row was
 * typed (form-js 1.13 in Tasklist keeps an empty error entry for every field of a repeated row, and
 * Tasklist greys out Complete while any entry exists); the form now has numbered recommendation
 * rows.
 */
@EmbeddedDefaultTest
class CtrTasklistBrowserIT {

  private static final String CHAIR = "ctr.chair";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  @Test
  void chairRecordsTheMeetingWithThreeRecommendationsInTasklist() {
    long reviewId = reviewWaitingForItsMeeting();
    String review = "/api/ctr/reviews/" + reviewId;
    String processInstance =
        jdbc.queryForObject(
            "select process_instance_id from ctr_review where id = ?", String.class, reviewId);
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstance)
            .taskDefinitionKey(CtrProcesses.TASK_RECORD_MEETING)
            .singleResult();
    assertThat(task.getAssignee()).isEqualTo(CHAIR);
    LocalDate today = LocalDate.now();

    try (Browser browser = Browser.start("http://localhost:" + port, "CtrTasklistBrowserIT")) {
      browser.signInToTasklist(CHAIR).openTask(task.getId());
      TasklistForm form = new TasklistForm(browser);
      browser.screenshot("record-the-meeting");
      form.type("Field_answerSafe", "Yes, with two-to-one support at night")
          .type("Field_answerGoodCare", "Mostly; too little time outdoors")
          .type("Field_answerFuturePlan", "Not yet: a community provider is needed")
          .type(
              "Field_answerNeedHospital",
              "No: care could be given in the community with the right support");
      form.type("Field_recommendation1Text", "Find a supported living provider")
          .type("Field_recommendation1Owner", "sw.north")
          .date("Field_recommendation1DueDate", today.plusWeeks(4));
      form.type("Field_recommendation2Text", "Daily time outdoors from next week")
          .type("Field_recommendation2Owner", "nobody.known")
          .date("Field_recommendation2DueDate", today.plusWeeks(1));
      form.type("Field_recommendation3Text", "Review the medication with the family")
          .type("Field_recommendation3Owner", "ctr.clinician")
          .date("Field_recommendation3DueDate", today.plusWeeks(2));
      browser.screenshot("three-recommendations-typed");
      assertThat(form.completeEnabled()).as("Complete can be pressed once rows are typed").isTrue();

      // A bad row is refused, in a plain sentence naming it; nothing is recorded and the task
      // stays.
      form.complete();
      browser.waiting().until(d -> !form.errors().isBlank());
      browser.screenshot("unknown-owner-refused");
      assertThat(form.errors())
          .contains("Owner of recommendation 2 is not a known user: 'nobody.known'.")
          .doesNotContain("ENGINE-");
      assertThat(get(review).get("status").asText()).isEqualTo("OPEN");

      form.type("Field_recommendation2Owner", "ctr.chair");
      browser.screenshot("owner-corrected");
      form.complete();
      browser.waiting().until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
      browser.visible(By.cssSelector("[cam-tasks]"));
      browser.screenshot("completed");
    }

    JsonNode recorded = get(review);
    assertThat(recorded.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(recorded.get("completedBy").asText()).isEqualTo(CHAIR);
    assertThat(recorded.at("/answers/amISafe").asText())
        .isEqualTo("Yes, with two-to-one support at night");
    assertThat(recorded.get("recommendations"))
        .extracting(
            r ->
                r.get("text").asText()
                    + " | "
                    + r.get("owner").asText()
                    + " | "
                    + r.get("dueDate").asText())
        .containsExactlyInAnyOrder(
            "Find a supported living provider | sw.north | " + today.plusWeeks(4),
            "Daily time outdoors from next week | ctr.chair | " + today.plusWeeks(1),
            "Review the medication with the family | ctr.clinician | " + today.plusWeeks(2));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(CtrProcesses.ACTION_FOLLOW_UP)
                .processInstanceBusinessKeyLike(recorded.get("reference").asText() + "/%")
                .count())
        .as("each recommendation followed up")
        .isEqualTo(3);
  }

  /**
   * A new person in hospital, their post-admission review started, the panel convened, consent
   * recorded and the papers shared, all through the API; then the meeting is moved to an hour ago
   * (the review records a meeting only once it has taken place).
   */
  private long reviewWaitingForItsMeeting() {
    LocalDate today = LocalDate.now();
    long personId =
        casebook
            .recordPerson(
                "Bea Browser-Ctr",
                today.minusYears(31),
                ClientGroup.LEARNING_DISABILITY,
                teams.findByCode("NORTH").orElseThrow(),
                Set.of(),
                Set.of(),
                "test")
            .getId();
    post(
        CHAIR,
        "/api/ctr/register",
        """
        {"personId": %d, "consentGiven": true, "consentDate": "%s", "rating": "RED",
         "reasons": "Placement breaking down", "keyWorker": "sw.north", "nextReviewDate": "%s"}"""
            .formatted(personId, today, today.plusMonths(3)),
        HttpStatus.CREATED);
    post(
        "sw.north",
        "/api/ctr/register/" + personId + "/episodes",
        """
        {"hospital": "Example Assessment and Treatment Unit", "setting": "NON_SECURE", "outOfArea": false,
         "admissionDate": "%s", "commissioner": "NHS_INTEGRATED_CARE_BOARD",
         "communityReviewBeforeAdmission": false}"""
            .formatted(today.minusDays(2)),
        HttpStatus.CREATED);
    post(CHAIR, "/api/ctr/schedule/run", "", HttpStatus.OK);
    long reviewId = get("/api/ctr/register/" + personId).at("/reviews/0/id").asLong();
    String review = "/api/ctr/reviews/" + reviewId;
    post(
        CHAIR,
        review + "/panel",
        """
        {"chair": "ctr.chair", "clinicalExpert": "ctr.clinician", "expertByExperience": "ctr.expert",
         "meetingAt": "%s"}"""
            .formatted(LocalDateTime.now().plusDays(3).withNano(0)),
        HttpStatus.OK);
    post(CHAIR, review + "/consent", "{\"consentBasis\": \"CONSENT\"}", HttpStatus.OK);
    post(CHAIR, review + "/papers", "{}", HttpStatus.OK);
    jdbc.update(
        "update ctr_review set meeting_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
        reviewId);
    return reviewId;
  }

  private JsonNode get(String path) {
    ResponseEntity<JsonNode> answer =
        rest.withBasicAuth(CHAIR, DemoUsers.PASSWORD).getForEntity(path, JsonNode.class);
    assertThat(answer.getStatusCode()).as("GET " + path).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private JsonNode post(String user, String path, String json, HttpStatus expected) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> answer =
        rest.withBasicAuth(user, DemoUsers.PASSWORD)
            .exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    assertThat(answer.getStatusCode())
        .as("POST " + path + ": " + answer.getBody())
        .isEqualTo(expected);
    return answer.getBody();
  }
}

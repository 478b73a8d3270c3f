package org.carereviews.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.carereviews.casebook.People;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default as a newcomer gets it (demo profile, H2, demo users and data), but on an
 * in-memory H2 database: the same Flyway migrations that run on PostgreSQL, validated by Hibernate.
 */
@EmbeddedDefaultTest
class EmbeddedDefaultIT {

  @Autowired TestRestTemplate rest;
  @Autowired People people;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  @Test
  void loadsASyntheticCouncilOfAtLeastTwoThousandPeopleWithPackages() {
    assertThat(people.count()).isGreaterThanOrEqualTo(2000);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct service_type) from care_package_version", Integer.class))
        .isEqualTo(10);
    assertThat(
            jdbc.queryForObject("select count(distinct client_group) from person", Integer.class))
        .isEqualTo(5);
    assertThat(
            jdbc.queryForObject(
                "select sum(target) from savings_target where financial_year = 2021",
                java.math.BigDecimal.class))
        .isEqualByComparingTo("-10718000");
  }

  @Test
  void theCtrChairSeesTheRegisterInEveryRatingAPostAdmissionReviewDueAndOverdueActions() {
    JsonNode register =
        rest.withBasicAuth("ctr.chair", "demo").getForObject("/api/ctr/register", JsonNode.class);
    java.util.Set<String> ratings = new java.util.HashSet<>();
    register.forEach(entry -> ratings.add(entry.get("rating").asText()));
    assertThat(ratings).containsExactlyInAnyOrder("RED", "AMBER", "GREEN", "BLUE");
    JsonNode due =
        rest.withBasicAuth("ctr.chair", "demo").getForObject("/api/ctr/due", JsonNode.class);
    assertThat(due.findValuesAsText("kind")).contains("POST_ADMISSION");
    JsonNode overdue =
        rest.withBasicAuth("ctr.chair", "demo")
            .getForObject("/api/ctr/actions?overdue=true", JsonNode.class);
    assertThat(overdue.size()).isGreaterThanOrEqualTo(2);
    overdue.forEach(action -> assertThat(action.get("overdue").asBoolean()).isTrue());
  }

  @Test
  void socialWorkerSeesOnlyTheirTeamsPeople() {
    JsonNode page =
        rest.withBasicAuth("sw.north", "demo").getForObject("/api/people?size=5", JsonNode.class);

    assertThat(page.get("content")).hasSize(5);
    assertThat(page.get("totalElements").asLong()).isLessThan(people.count());
    page.get("content")
        .forEach(
            person -> {
              assertThat(person.at("/team/code").asText()).isEqualTo("NORTH");
              assertThat(person.get("packages")).isNotEmpty();
            });
  }

  @Test
  void socialWorkerSeesTheirTeamsReviewsInTasklistAndNoneOfAnotherTeams() {
    java.util.Map<String, String> teamOfProcess = new java.util.HashMap<>();
    jdbc.queryForList(
            "select process_instance_id, team_code from care_review where status <> 'COMPLETED'")
        .forEach(
            row ->
                teamOfProcess.put(
                    (String) row.get("PROCESS_INSTANCE_ID"), (String) row.get("TEAM_CODE")));
    assertThat(teamOfProcess.values()).as("the demo starts due reviews").contains("NORTH", "SOUTH");

    java.util.List<String> seenByNorth = reviewTasksSeenBy("sw.north");

    assertThat(seenByNorth).isNotEmpty();
    assertThat(seenByNorth)
        .allSatisfy(process -> assertThat(teamOfProcess.get(process)).isEqualTo("NORTH"));
    // every NORTH review with a task offered to the team (other tests sharing this context leave
    // reviews waiting for the panel or the NHS, with no task for anyone)
    java.util.Set<String> offeredToNorth =
        new java.util.HashSet<>(
            jdbc.queryForList(
                "select distinct t.PROC_INST_ID_ from ACT_RU_TASK t join ACT_RU_IDENTITYLINK i"
                    + " on i.TASK_ID_ = t.ID_ where i.GROUP_ID_ = 'team-north'",
                String.class));
    java.util.List<String> northWithTasks =
        teamOfProcess.entrySet().stream()
            .filter(e -> e.getValue().equals("NORTH") && offeredToNorth.contains(e.getKey()))
            .map(java.util.Map.Entry::getKey)
            .toList();
    assertThat(northWithTasks).isNotEmpty();
    assertThat(seenByNorth).containsAll(northWithTasks);
    assertThat(reviewTasksSeenBy("sw.south"))
        .isNotEmpty()
        .allSatisfy(process -> assertThat(teamOfProcess.get(process)).isEqualTo("SOUTH"));

    JsonNode overRest =
        rest.withBasicAuth("sw.north", "demo")
            .getForObject(
                "/engine-rest/task?processDefinitionKey=CarePackageReview&maxResults=5000",
                JsonNode.class);
    assertThat(overRest.findValuesAsText("processInstanceId"))
        .isNotEmpty()
        .allSatisfy(process -> assertThat(teamOfProcess.get(process)).isEqualTo("NORTH"));
  }

  @Test
  void whatAUserReadsInTasklistIsInTheAuditTrail() {
    String northTask =
        jdbc.queryForObject(
            "select t.id_ from act_ru_task t join care_review r "
                + "on r.process_instance_id = t.proc_inst_id_ where r.team_code = 'NORTH' fetch first 1 rows only",
            String.class);
    String formVariables =
        "/camunda/api/engine/engine/default/task/" + northTask + "/form-variables";
    // other tests in this context (the browser tests) open the same demo task: only this test's
    // reads count
    java.time.Instant from = java.time.Instant.now().minusMillis(1);

    assertThat(tasklistGet("sw.north", formVariables).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklistGet("sw.south", formVariables).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    JsonNode events =
        rest.withBasicAuth("auditor", "demo")
            .getForObject(
                "/api/audit?recordType=engine:task&recordId=" + northTask + "&from=" + from,
                JsonNode.class);
    assertThat(events.get("content"))
        .extracting(
            e ->
                e.get("userId").asText()
                    + " "
                    + e.get("action").asText()
                    + " "
                    + e.get("outcome").asText())
        .containsExactlyInAnyOrder("sw.north READ ALLOWED", "sw.south READ REFUSED");
  }

  private ResponseEntity<JsonNode> tasklistGet(String userId, String path) {
    TasklistSession session = tasklistSession(userId, "demo");
    assertThat(session.login().getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session.cookies());
    headers.add("X-XSRF-TOKEN", session.xsrf());
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  /**
   * The review tasks Tasklist shows a user: signed in to Tasklist, through Tasklist's own engine
   * API.
   */
  private java.util.List<String> reviewTasksSeenBy(String userId) {
    ResponseEntity<JsonNode> found =
        tasklistGet(
            userId,
            "/camunda/api/engine/engine/default/task?processDefinitionKey=CarePackageReview&maxResults=5000");
    assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
    java.util.List<String> processes = new java.util.ArrayList<>();
    found.getBody().forEach(task -> processes.add(task.get("processInstanceId").asText()));
    return processes.stream().distinct().toList();
  }

  @Test
  void panelMembersAndTeamManagersHaveDemoRequestsToDecide() {
    // panel.finance: another test signs panel.asc in with a wrong password, and Camunda then delays
    // its sign-in
    JsonNode panelTasks =
        rest.withBasicAuth("panel.finance", "demo")
            .getForObject(
                "/engine-rest/task?processDefinitionKey=PackageRequest&maxResults=500",
                JsonNode.class);
    assertThat(panelTasks.findValuesAsText("taskDefinitionKey")).contains("Task_DecideAtPanel");
    JsonNode northTasks =
        rest.withBasicAuth("tm.north", "demo")
            .getForObject(
                "/engine-rest/task?processDefinitionKey=PackageRequest&maxResults=500",
                JsonNode.class);
    assertThat(northTasks.findValuesAsText("taskDefinitionKey"))
        .isNotEmpty()
        .doesNotContain("Task_DecideAtPanel");
    JsonNode meeting =
        rest.withBasicAuth("panel.finance", "demo")
            .getForObject("/api/panel/meetings/today", JsonNode.class);
    assertThat(meeting.has("agenda")).isTrue();
  }

  @Test
  void tasklistAcceptsADemoLoginAndRefusesABadOne() {
    assertThat(tasklistLogin("tm.north", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklistLogin("panel.asc", "wrong").getStatusCode().is4xxClientError()).isTrue();
  }

  @Test
  void engineRestRefusesAnonymousCallsAndServesSignedInOnes() {
    assertThat(rest.getForEntity("/engine-rest/engine", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth("admin", "demo")
                .getForEntity("/engine-rest/process-definition/count", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void savingsRollupDrillDownProgrammeAndExportsRunOnH2() {
    String year =
        org.carereviews.common.FinancialYear.containing(java.time.LocalDate.now()).toUrlForm();
    for (String groupBy :
        java.util.List.of("line", "theme", "clientGroup", "team", "cohort", "month")) {
      assertThat(
              rest.withBasicAuth("director", "demo")
                  .getForEntity(
                      "/api/savings/rollup?financialYear=" + year + "&groupBy=" + groupBy,
                      JsonNode.class)
                  .getStatusCode())
          .as(groupBy)
          .isEqualTo(HttpStatus.OK);
      assertThat(
              rest.withBasicAuth("fin.head", "demo")
                  .getForEntity(
                      "/api/savings/rollup/entries?financialYear="
                          + year
                          + "&groupBy="
                          + groupBy
                          + "&group=x&stage=ratified&part=carriedIn",
                      JsonNode.class)
                  .getStatusCode())
          .as(groupBy)
          .isEqualTo(HttpStatus.OK);
    }
    JsonNode totals =
        rest.withBasicAuth("director", "demo")
            .getForObject("/api/savings/rollup?financialYear=" + year, JsonNode.class)
            .get("totals");
    JsonNode cashable = null;
    for (JsonNode total : totals) {
      if (total.get("kind").asText().equals("CASHABLE_SAVING")) {
        cashable = total;
      }
    }
    assertThat(cashable).as("the demo has this year's savings in the ledger").isNotNull();
    assertThat(cashable.at("/identified/inYear").decimalValue()).isNegative();
    assertThat(cashable.at("/validated/inYear").decimalValue())
        .isNegative()
        .isGreaterThan(cashable.at("/identified/inYear").decimalValue());
    assertThat(cashable.at("/ratified/inYear").decimalValue())
        .isNegative()
        .isGreaterThan(cashable.at("/validated/inYear").decimalValue());
    assertThat(
            rest.withBasicAuth("director", "demo")
                .getForEntity("/api/savings/programme?from=2021-22&to=2024-25", JsonNode.class)
                .getBody()
                .at("/totals/0/cumulative/target")
                .decimalValue())
        .isNegative();
    assertThat(
            rest.withBasicAuth("fin.head", "demo")
                .getForEntity(
                    "/api/savings/rollup/entries/export?financialYear=" + year + "&format=xlsx",
                    byte[].class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void apiDocsAndSwaggerUiAreServed() {
    assertThat(rest.getForObject("/v3/api-docs", JsonNode.class).at("/paths").has("/api/people"))
        .isTrue();
    assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<String> tasklistLogin(String user, String password) {
    return tasklistSession(user, password).login();
  }

  /** Tasklist's sign-in: its cookies (session, XSRF) and the login answer. */
  private record TasklistSession(ResponseEntity<String> login, String cookies, String xsrf) {}

  private TasklistSession tasklistSession(String user, String password) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();
    page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(c -> putCookie(cookies, c));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    headers.add("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    ResponseEntity<String> login =
        rest.exchange(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            HttpMethod.POST,
            new HttpEntity<>("username=" + user + "&password=" + password, headers),
            String.class);
    login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(c -> putCookie(cookies, c));
    return new TasklistSession(
        login, cookieHeader(cookies), cookies.getOrDefault("XSRF-TOKEN", ""));
  }

  private static void putCookie(java.util.Map<String, String> cookies, String setCookie) {
    String[] pair = setCookie.split(";", 2)[0].split("=", 2);
    cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
  }

  private static String cookieHeader(java.util.Map<String, String> cookies) {
    return String.join(
        "; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}

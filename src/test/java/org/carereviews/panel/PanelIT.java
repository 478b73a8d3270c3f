package org.carereviews.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestClock;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The spend-control panel end to end on PostgreSQL through its API: routing by delegated authority,
 * team manager decisions, meetings with seats and quorum, every decision and its bad input, the
 * agenda's rollover across a weekend and a bank holiday, the urgent route, the decision sent once
 * to the asking process, the Tasklist form path, the pack and the measures. The clock is set to
 * days in 2030 so the engine's own timers (end of meeting, retrospective deadline) stay in the
 * future.
 */
@PostgresIntegrationTest
@Import(PanelIT.Clocks.class)
// Monday 27 May 2030 is the spring bank holiday by the standing rule (panel/BankHolidays): no
// setting needed.
@TestPropertySource(properties = {"care-reviews.panel.scheduler-enabled=false"})
class PanelIT {

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock(LocalDateTime.of(2030, 6, 3, 11, 0));
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired TestClock clock;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired Teams teams;
  @Autowired CasebookService casebook;
  @Autowired PanelRequestService requests;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

  private Api api;
  private Person northPerson;
  private CarePackage northPackage;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    TestUsers.ensure(identity);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("TestAskingProcess").count()
        == 0) {
      repository.createDeployment().addClasspathResource("panel/TestAskingProcess.bpmn").deploy();
    }
    Team north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    teams.findByCode("SOUTH").orElseGet(() -> teams.save(new Team("SOUTH", "South")));
    northPerson =
        casebook.recordPerson(
            "Ada Demo-Ashby",
            LocalDate.of(1940, 5, 1),
            ClientGroup.OLDER_PEOPLE,
            north,
            Set.of(),
            Set.of(),
            "test");
    northPackage =
        casebook.recordPackage(
            northPerson,
            new PackageTerms(
                ServiceType.HOME_CARE,
                "Acme Care",
                Money.of("400.00"),
                Money.of("50.00"),
                BigDecimal.ZERO,
                LocalDate.of(2029, 1, 7),
                null,
                null),
            "initial",
            "test");
  }

  private void at(int year, int month, int day, int hour, int minute) {
    clock.set(LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute)));
  }

  private String change(String serviceType, String weeklyGross, String urgentReason) {
    return change(northPackage, serviceType, weeklyGross, urgentReason);
  }

  /** Another package of the same person (one request per package waits at a time). */
  private CarePackage anotherNorthPackage() {
    return casebook.recordPackage(
        northPerson,
        new PackageTerms(
            ServiceType.HOME_CARE,
            "Acme Care",
            Money.of("400.00"),
            Money.of("50.00"),
            BigDecimal.ZERO,
            LocalDate.of(2029, 1, 7),
            null,
            null),
        "initial",
        "test");
  }

  private String change(
      CarePackage carePackage, String serviceType, String weeklyGross, String urgentReason) {
    return """
        {"type": "PACKAGE_CHANGE", %s "personId": %d, "currentPackageId": %d,
         "proposed": {"serviceType": "%s", "provider": "Acme Care", "weeklyGrossCost": %s,
                      "assessedContribution": 50.00, "effectiveDate": "2030-07-01"},
         "reason": "More support after a fall"}"""
        .formatted(
            urgentReason == null ? "" : "\"urgentReason\": \"" + urgentReason + "\",",
            northPerson.getId(),
            carePackage.getId(),
            serviceType,
            weeklyGross);
  }

  private long submit(String user, String body, String expectedRoute) {
    JsonNode submitted = api.post(user, "/api/panel/requests", body, HttpStatus.CREATED);
    assertThat(submitted.get("route").asText()).isEqualTo(expectedRoute);
    return submitted.get("requestId").asLong();
  }

  /** A request from a waiting process, as the review and CTR processes make them. */
  private ProcessInstance askFromProcess(String serviceType, String weeklyGross, String proposer) {
    ProcessInstance asking = runtime.startProcessInstanceByKey("TestAskingProcess");
    long id =
        requests
            .submit(
                new PackageRequestCommand(
                    PackageRequestType.PACKAGE_CHANGE,
                    null,
                    northPerson.getId(),
                    northPackage.getId(),
                    new ProposedPackage(
                        ServiceType.valueOf(serviceType),
                        "Acme Care",
                        Money.of(weeklyGross),
                        Money.of("50.00"),
                        BigDecimal.ZERO,
                        LocalDate.of(2030, 7, 1)),
                    "More support after a fall",
                    proposer,
                    asking.getId(),
                    "review-test"))
            .value();
    runtime.setVariable(asking.getId(), "askedRequestId", id);
    return asking;
  }

  private long requestOf(ProcessInstance asking) {
    return ((Number) runtime.getVariable(asking.getId(), "askedRequestId")).longValue();
  }

  private void awaitAnswered(ProcessInstance asking) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtime.createProcessInstanceQuery().processInstanceId(asking.getId()).count()
                    == 0);
  }

  private String decision(String outcome, String seat, String rest) {
    return "{\"outcome\": \""
        + outcome
        + "\""
        + (seat == null ? "" : ", \"seat\": \"" + seat + "\"")
        + (rest == null ? "" : ", " + rest)
        + "}";
  }

  private void openAndSeat(String... members) {
    api.post("panel.asc", "/api/panel/meetings", "{}", HttpStatus.CREATED);
    Map<String, String> seats =
        Map.of(
            "panel.asc", "ASC", "panel.finance", "FINANCE", "panel.commissioning", "COMMISSIONING");
    for (String member : members) {
      api.post(
          member,
          "/api/panel/meetings/today/seats",
          "{\"seat\": \"" + seats.get(member) + "\"}",
          HttpStatus.OK);
    }
  }

  @Test
  void delegatedAuthorityRoutesEachRequestAndBadRequestsChangeNothing() {
    at(2030, 6, 3, 11, 0);
    Integer before = jdbc.queryForObject("select count(*) from package_request", Integer.class);

    submit("sw.north", change("HOME_CARE", "450.00", null), "TEAM_MANAGER");
    submit("sw.north", change(anotherNorthPackage(), "HOME_CARE", "900.00", null), "PANEL");
    submit("sw.north", change(anotherNorthPackage(), "NURSING", "420.00", null), "PANEL");
    submit(
        "sw.north", change(anotherNorthPackage(), "HOME_CARE", "900.00", "SAFEGUARDING"), "URGENT");

    api.post(
        "sw.south",
        "/api/panel/requests",
        change("HOME_CARE", "450.00", null),
        HttpStatus.FORBIDDEN);
    api.post(
        "director",
        "/api/panel/requests",
        change("HOME_CARE", "450.00", null),
        HttpStatus.FORBIDDEN);
    JsonNode negative =
        api.post(
            "sw.north",
            "/api/panel/requests",
            change("HOME_CARE", "-1.00", null),
            HttpStatus.BAD_REQUEST);
    assertThat(negative.at("/errors/0/field").asText()).isEqualTo("proposed.weeklyGrossCost");
    JsonNode noPackage =
        api.post(
            "sw.north",
            "/api/panel/requests",
            change("HOME_CARE", "450.00", null)
                .replace("\"currentPackageId\": " + northPackage.getId() + ",", ""),
            HttpStatus.BAD_REQUEST);
    assertThat(noPackage.at("/errors/0/field").asText()).isEqualTo("currentPackageId");
    api.post(
        "sw.north",
        "/api/panel/requests",
        change("HOME_CARE", "450.00", null).replace("More support after a fall", ""),
        HttpStatus.BAD_REQUEST);

    assertThat(jdbc.queryForObject("select count(*) from package_request", Integer.class))
        .isEqualTo(before + 4);
  }

  @Test
  void aTeamManagerDecidesWithinDelegatedAuthorityAndTheAskingProcessHearsOnce() {
    at(2030, 6, 3, 11, 0);
    ProcessInstance asking = askFromProcess("HOME_CARE", "450.00", "sw.north");
    long id = requestOf(asking);

    api.post(
        "sw.north",
        "/api/panel/requests/" + id + "/decision",
        decision("APPROVED", null, null),
        HttpStatus.FORBIDDEN);
    api.post(
        "tm.south",
        "/api/panel/requests/" + id + "/decision",
        decision("APPROVED", null, null),
        HttpStatus.FORBIDDEN);
    JsonNode noRationale =
        api.post(
            "tm.north",
            "/api/panel/requests/" + id + "/decision",
            decision("DECLINED", null, null),
            HttpStatus.BAD_REQUEST);
    assertThat(noRationale.at("/errors/0/field").asText()).isEqualTo("rationale");

    JsonNode decided =
        api.post(
            "tm.north",
            "/api/panel/requests/" + id + "/decision",
            decision("APPROVED", null, null),
            HttpStatus.OK);
    assertThat(decided.get("decidedBy")).hasSize(1);
    assertThat(decided.at("/decidedBy/0").asText()).isEqualTo("tm.north");
    api.post(
        "tm.north",
        "/api/panel/requests/" + id + "/decision",
        decision("DECLINED", null, "\"rationale\": \"no\""),
        HttpStatus.CONFLICT);

    awaitAnswered(asking);
    assertThat(historicVariable(asking, PanelMessages.VAR_OUTCOME)).isEqualTo("APPROVED");
    assertThat(historicVariable(asking, PanelMessages.VAR_REQUEST_ID)).isEqualTo(id);
    assertThat(requests.deliverDecision(id)).as("a second delivery").isFalse();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from panel_decision_delivery where request_id = ?",
                Integer.class,
                id))
        .isEqualTo(1);
    assertThat(requests.decision(PackageRequestId.of(id)).outcome())
        .isEqualTo(PanelOutcome.APPROVED);
  }

  @Test
  void aSecondRequestForAPackageIsRefusedNamingTheFirstUntilTheFirstIsDecided() {
    at(2030, 6, 3, 11, 0);
    ProcessInstance asking = askFromProcess("HOME_CARE", "450.00", "sw.north");
    long first = requestOf(asking);
    Integer before = jdbc.queryForObject("select count(*) from package_request", Integer.class);

    JsonNode refused =
        api.post(
            "sw.north",
            "/api/panel/requests",
            change("HOME_CARE", "500.00", null),
            HttpStatus.CONFLICT);

    assertThat(refused.get("detail").asText())
        .contains(
            northPackage.getReference()
                + " already has request "
                + first
                + " waiting for a decision (sent 3 Jun 2030)");
    assertThatThrownBy(
            () ->
                requests.submit(
                    new PackageRequestCommand(
                        PackageRequestType.PACKAGE_CHANGE,
                        null,
                        northPerson.getId(),
                        northPackage.getId(),
                        new ProposedPackage(
                            ServiceType.HOME_CARE,
                            "Acme Care",
                            Money.of("480.00"),
                            Money.of("50.00"),
                            BigDecimal.ZERO,
                            LocalDate.of(2030, 7, 1)),
                        "Another review",
                        "sw.north",
                        runtime.startProcessInstanceByKey("TestAskingProcess").getId(),
                        "review-other")))
        .isInstanceOf(org.carereviews.common.web.StateConflictException.class)
        .hasMessageContaining("request " + first);
    assertThat(jdbc.queryForObject("select count(*) from package_request", Integer.class))
        .isEqualTo(before);

    api.post(
        "tm.north",
        "/api/panel/requests/" + first + "/decision",
        decision("APPROVED", null, null),
        HttpStatus.OK);
    submit("sw.north", change("HOME_CARE", "440.00", null), "TEAM_MANAGER");
  }

  @Test
  void twoRequestsForOnePackageMadeAtOnceLetOnlyOneThrough() throws Exception {
    at(2030, 6, 3, 11, 0);
    java.util.concurrent.CountDownLatch firstWritten = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch commitFirst = new java.util.concurrent.CountDownLatch(1);
    org.springframework.transaction.support.TransactionTemplate tx =
        new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      // The first request is written but not yet committed when the second checks the package.
      java.util.concurrent.Future<Long> first =
          pool.submit(
              () ->
                  tx.execute(
                      status -> {
                        long id = requests.submit(command("480.00", "first")).value();
                        firstWritten.countDown();
                        try {
                          commitFirst.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return id;
                      }));
      firstWritten.await();
      java.util.concurrent.Future<Long> second =
          pool.submit(() -> requests.submit(command("520.00", "second")).value());
      // the second now waits on the first's row
      org.awaitility.Awaitility.await("the second request waiting on the first's row")
          .atMost(java.time.Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "select count(*) from pg_stat_activity where wait_event_type = 'Lock'",
                          Integer.class)
                      > 0);
      commitFirst.countDown();

      long firstId = first.get();
      assertThatThrownBy(second::get)
          .hasCauseInstanceOf(org.carereviews.common.web.StateConflictException.class)
          .hasMessageContaining("already has request " + firstId + " waiting for a decision");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from package_request where current_package_id = ?",
                  Integer.class,
                  northPackage.getId()))
          .isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "select request_id from package_request_waiting where care_package_id = ?",
                  Long.class,
                  northPackage.getId()))
          .isEqualTo(firstId);
    } finally {
      commitFirst.countDown();
      pool.shutdown();
    }
  }

  private PackageRequestCommand command(String weeklyGross, String reason) {
    return new PackageRequestCommand(
        PackageRequestType.PACKAGE_CHANGE,
        null,
        northPerson.getId(),
        northPackage.getId(),
        new ProposedPackage(
            ServiceType.HOME_CARE,
            "Acme Care",
            Money.of(weeklyGross),
            Money.of("50.00"),
            BigDecimal.ZERO,
            LocalDate.of(2030, 7, 1)),
        reason,
        "sw.north",
        null,
        null);
  }

  @Test
  void aLongReasonIsWholeInThePackAndTheTasklistPackSaysWhatItLeavesOut() {
    at(2030, 6, 3, 11, 0);
    String reason = "Needs-two-carers-for-every-transfer;".repeat(50) + "END";
    long id =
        submit(
            "sw.north",
            change("HOME_CARE", "900.00", null).replace("More support after a fall", reason),
            "PANEL");

    JsonNode pack = api.get("sw.north", "/api/panel/requests/" + id, HttpStatus.OK);
    assertThat(reason).hasSizeGreaterThan(1_000);
    assertThat(pack.get("reason").asText()).isEqualTo(reason);

    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(PanelProcesses.requestBusinessKey(id))
            .singleResult();
    String tasklistPack = (String) tasks.getVariableLocal(task.getId(), "panelPack");
    assertThat(tasklistPack)
        .contains(
            reason.substring(0, PanelPacks.REASON_EXCERPT)
                + "... (continued: "
                + (reason.length() - PanelPacks.REASON_EXCERPT)
                + " more characters in the full pack)")
        .doesNotContain("END");
  }

  @Test
  void theProposerMayNotDecideTheirOwnRequest() {
    at(2030, 6, 3, 11, 0);
    long id = submit("tm.north", change("HOME_CARE", "450.00", null), "TEAM_MANAGER");
    JsonNode problem =
        api.post(
            "tm.north",
            "/api/panel/requests/" + id + "/decision",
            decision("APPROVED", null, null),
            HttpStatus.FORBIDDEN);
    assertThat(problem.get("status").asInt()).isEqualTo(403);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from panel_decision where request_id = ?", Integer.class, id))
        .isZero();
  }

  @Test
  void onlyAQuoratePanelWhoseMembersHoldTheirSeatsDecidesAndEveryRuleIsChecked() {
    at(2030, 6, 4, 8, 0);
    ProcessInstance asking = askFromProcess("HOME_CARE", "900.00", "sw.north");
    long id = requestOf(asking);
    String url = "/api/panel/requests/" + id + "/decision";
    String amend =
        "\"rationale\": \"A smaller increase meets the need\", \"amended\": {\"serviceType\": \"HOME_CARE\","
            + " \"provider\": \"Acme Care\", \"weeklyGrossCost\": 700.00, \"assessedContribution\": 50.00,"
            + " \"effectiveDate\": \"2030-07-01\"}";

    api.post(
        "panel.asc", url, decision("APPROVED", "ASC", null), HttpStatus.CONFLICT); // no meeting yet
    at(2030, 6, 4, 10, 0);
    api.post("panel.asc", "/api/panel/meetings", "{}", HttpStatus.CREATED);
    api.post(
        "fin.validator",
        "/api/panel/meetings/today/seats",
        "{\"seat\": \"FINANCE\"}",
        HttpStatus.FORBIDDEN);
    api.post("panel.asc", "/api/panel/meetings/today/seats", "{\"seat\": \"ASC\"}", HttpStatus.OK);
    api.post(
        "panel.finance",
        "/api/panel/meetings/today/seats",
        "{\"seat\": \"FINANCE\"}",
        HttpStatus.OK);
    JsonNode notQuorate =
        api.post("panel.asc", url, decision("APPROVED", "ASC", null), HttpStatus.CONFLICT);
    assertThat(notQuorate.get("detail").asText()).contains("not quorate");
    api.post(
        "panel.commissioning",
        "/api/panel/meetings/today/seats",
        "{\"seat\": \"COMMISSIONING\"}",
        HttpStatus.OK);

    JsonNode meeting = api.get("panel.asc", "/api/panel/meetings/today", HttpStatus.OK);
    assertThat(meeting.get("quorate").asBoolean()).isTrue();
    assertThat(agendaItem(meeting, id))
        .as("received before the cut-off: on today's agenda")
        .isNotNull();

    api.post("panel.asc", url, decision("APPROVED", "FINANCE", null), HttpStatus.FORBIDDEN);
    JsonNode noFigures =
        api.post(
            "panel.finance",
            url,
            decision("APPROVED_WITH_AMENDMENT", "FINANCE", "\"rationale\": \"smaller\""),
            HttpStatus.BAD_REQUEST);
    assertThat(noFigures.at("/errors/0/field").asText()).isEqualTo("amended");
    api.post("panel.finance", url, decision("DECLINED", "FINANCE", null), HttpStatus.BAD_REQUEST);
    JsonNode noQuestion =
        api.post(
            "panel.finance",
            url,
            decision(
                "DEFERRED",
                "FINANCE",
                "\"rationale\": \"need more\", \"returnBy\": \"2030-06-11\""),
            HttpStatus.BAD_REQUEST);
    assertThat(noQuestion.at("/errors/0/field").asText()).isEqualTo("question");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from panel_decision where request_id = ?", Integer.class, id))
        .isZero();

    JsonNode amended =
        api.post(
            "panel.finance",
            url,
            decision("APPROVED_WITH_AMENDMENT", "FINANCE", amend),
            HttpStatus.OK);
    assertThat(amended.at("/amended/weeklyGrossCost").decimalValue())
        .isEqualByComparingTo("700.00");
    assertThat(amended.get("decidedBy"))
        .extracting(JsonNode::asText)
        .containsExactly("panel.asc", "panel.finance", "panel.commissioning");
    api.post("panel.asc", url, decision("APPROVED", "ASC", null), HttpStatus.CONFLICT);

    awaitAnswered(asking);
    assertThat(historicVariable(asking, PanelMessages.VAR_OUTCOME))
        .isEqualTo("APPROVED_WITH_AMENDMENT");
    PanelDecisionView view = requests.decision(PackageRequestId.of(id));
    assertThat(view.amended().netWeeklyCost()).isEqualTo(Money.of("650.00"));

    JsonNode pack = api.get("panel.commissioning", "/api/panel/requests/" + id, HttpStatus.OK);
    assertThat(pack.at("/weeklyChange").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(pack.at("/current/weeklyGrossCost").decimalValue()).isEqualByComparingTo("400.00");
    assertThat(pack.at("/current/startDate").asText())
        .as("the current package's own date")
        .isEqualTo("2029-01-07");
    assertThat(pack.at("/proposed/effectiveDate").asText()).isEqualTo("2030-07-01");
    assertThat(pack.at("/proposed/weeklyGrossCost").decimalValue()).isEqualByComparingTo("900.00");
    assertThat(pack.at("/person/reference").asText()).startsWith("P-");
    api.get("sw.south", "/api/panel/requests/" + id, HttpStatus.FORBIDDEN);
    api.get("sw.north", "/api/panel/meetings/today", HttpStatus.FORBIDDEN);
  }

  @Test
  void aDeferralNeedsAQuestionAndAReturnDateAndGoesBackWithThem() {
    at(2030, 6, 11, 9, 0);
    ProcessInstance asking = askFromProcess("RESIDENTIAL", "900.00", "sw.north");
    long id = requestOf(asking);
    at(2030, 6, 11, 10, 0);
    openAndSeat("panel.asc", "panel.finance", "panel.commissioning");
    String url = "/api/panel/requests/" + id + "/decision";
    api.post(
        "panel.asc",
        url,
        decision(
            "DEFERRED",
            "ASC",
            "\"rationale\": \"More information\", \"question\": \"Has extra care been considered?\", \"returnBy\": \"2030-06-11\""),
        HttpStatus.BAD_REQUEST);
    api.post(
        "panel.asc",
        url,
        decision(
            "DEFERRED",
            "ASC",
            "\"rationale\": \"More information\", \"question\": \"Has extra care been considered?\", \"returnBy\": \"2030-06-18\""),
        HttpStatus.OK);
    awaitAnswered(asking);
    PanelDecisionView deferral = requests.decision(PackageRequestId.of(id));
    assertThat(deferral.outcome()).isEqualTo(PanelOutcome.DEFERRED);
    assertThat(deferral.question()).isEqualTo("Has extra care been considered?");
    assertThat(deferral.returnBy()).isEqualTo(LocalDate.of(2030, 6, 18));

    JsonNode measures =
        api.get(
            "director",
            "/api/panel/measures?from=2030-06-11&to=2030-06-11&groupBy=team",
            HttpStatus.OK);
    JsonNode north = measures.get("rows").get(0);
    assertThat(north.get("group").asText()).isEqualTo("NORTH");
    assertThat(north.at("/byOutcome/DEFERRED").asInt()).isEqualTo(1);
    assertThat(north.get("deferralRate").decimalValue()).isEqualByComparingTo("1.000");
    assertThat(north.get("meanHoursToDecision").decimalValue()).isEqualByComparingTo("1.0");
    api.get("sw.north", "/api/panel/measures?from=2030-06-11&to=2030-06-11", HttpStatus.FORBIDDEN);
    api.get(
        "director", "/api/panel/measures?from=2030-06-11&to=2030-06-10", HttpStatus.BAD_REQUEST);
  }

  @Test
  void anItemNotDecidedRollsToTheNextMeetingAcrossAWeekendAndABankHoliday() {
    at(2030, 5, 24, 11, 0); // Friday, after the cut-off; Monday 27 May is a bank holiday
    long id = submit("sw.north", change("HOME_CARE", "900.00", null), "PANEL");

    at(2030, 5, 28, 10, 0); // Tuesday: the first meeting after it arrived
    openAndSeat("panel.asc");
    JsonNode tuesday = api.get("panel.asc", "/api/panel/meetings/today", HttpStatus.OK);
    JsonNode item = agendaItem(tuesday, id);
    assertThat(item.get("firstMeeting").asText()).isEqualTo("2030-05-28");
    assertThat(item.get("meetingsWaited").asInt()).isZero();
    assertThat(item.get("daysWaiting").asInt()).isEqualTo(4);
    JsonNode closed = api.post("panel.asc", "/api/panel/meetings/today/close", "{}", HttpStatus.OK);
    assertThat(closed.get("open").asBoolean()).isFalse();
    assertThat(closed.get("itemsRolledOver").asInt()).isPositive();

    at(2030, 5, 29, 10, 0); // Wednesday: the item is still there, a meeting older
    JsonNode wednesday = api.get("panel.asc", "/api/panel/meetings/2030-05-29", HttpStatus.OK);
    JsonNode rolled = agendaItem(wednesday, id);
    assertThat(rolled.get("meetingsWaited").asInt()).isEqualTo(1);
    assertThat(rolled.get("daysWaiting").asInt()).isEqualTo(5);
    assertThat(
            agendaItem(api.get("panel.asc", "/api/panel/meetings/2030-05-24", HttpStatus.OK), id))
        .as("after Friday's cut-off: not on Friday's agenda")
        .isNull();
  }

  @Test
  void anUrgentStartBeginsOnATeamManagersApprovalAndComesToPanelRetrospectively() {
    at(2030, 6, 5, 11, 0);
    ProcessInstance asking = runtime.startProcessInstanceByKey("TestAskingProcess");
    long id =
        requests
            .submit(
                new PackageRequestCommand(
                    PackageRequestType.PACKAGE_CHANGE,
                    UrgentReason.HOSPITAL_DISCHARGE,
                    northPerson.getId(),
                    northPackage.getId(),
                    new ProposedPackage(
                        ServiceType.NURSING,
                        "Rose House",
                        Money.of("1200.00"),
                        Money.of("150.00"),
                        BigDecimal.ZERO,
                        LocalDate.of(2030, 6, 5)),
                    "Discharge from hospital today",
                    "sw.north",
                    asking.getId(),
                    "review-urgent"))
            .value();
    assertThat(requests.request(id).getRoute()).isEqualTo(PanelRoute.URGENT);
    assertThat(requests.request(id).getRetrospectiveDue()).isEqualTo(LocalDate.of(2030, 6, 12));
    api.post(
        "tm.north",
        "/api/panel/requests/" + id + "/decision",
        decision("APPROVED", null, null),
        HttpStatus.OK);
    awaitAnswered(asking);

    String processId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(PanelProcesses.requestBusinessKey(id))
            .singleResult()
            .getId();
    Job deadline = management.createJobQuery().processInstanceId(processId).timers().singleResult();
    assertThat(deadline.getDuedate().toInstant())
        .isEqualTo(LocalDate.of(2030, 6, 13).atStartOfDay(TestClock.LONDON).toInstant());

    at(2030, 6, 6, 10, 0);
    openAndSeat("panel.asc", "panel.finance", "panel.commissioning");
    JsonNode agenda = api.get("panel.asc", "/api/panel/meetings/today", HttpStatus.OK);
    assertThat(agendaItem(agenda, id).get("stage").asText()).isEqualTo("RETROSPECTIVE");
    api.post(
        "panel.commissioning",
        "/api/panel/requests/" + id + "/decision",
        decision("APPROVED", "COMMISSIONING", null),
        HttpStatus.OK);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processId).count()).isZero();
    assertThat(requests.decision(PackageRequestId.of(id)).decidedBy()).containsExactly("tm.north");
  }

  @Test
  void thePackOnTheTaskStaysShortHoweverManyDecisionsThePersonHasHad() {
    at(2030, 6, 3, 11, 0);
    String rationale =
        "The assessed needs are met by the current package and informal support. ".repeat(27);
    assertThat(rationale.length()).isBetween(1900, 2000);
    for (int earlier = 0; earlier < 4; earlier++) {
      ProcessInstance asking = askFromProcess("HOME_CARE", "450.00", "sw.north");
      api.post(
          "tm.north",
          "/api/panel/requests/" + requestOf(asking) + "/decision",
          decision("DECLINED", null, "\"rationale\": \"" + rationale + "\""),
          HttpStatus.OK);
      awaitAnswered(asking);
    }
    ProcessInstance asking = askFromProcess("HOME_CARE", "450.00", "sw.north");
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(PanelProcesses.requestBusinessKey(requestOf(asking)))
            .singleResult();
    String pack = (String) tasks.getVariableLocal(task.getId(), "panelPack");
    assertThat(pack.length()).isLessThan(4000);
    assertThat(pack)
        .contains("and 1 earlier decision in the full pack")
        .contains("more characters in the full pack)");
  }

  @Test
  void aDecisionFromTheTasklistFormPassesTheSameRules() {
    at(2030, 6, 10, 9, 0);
    ProcessInstance asking = askFromProcess("HOME_CARE", "900.00", "sw.north");
    long id = requestOf(asking);
    at(2030, 6, 10, 10, 0);
    openAndSeat("panel.asc", "panel.finance", "panel.commissioning");
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(PanelProcesses.requestBusinessKey(id))
            .singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(PanelProcesses.TASK_DECIDE_AT_PANEL);
    assertThat((String) tasks.getVariableLocal(task.getId(), "panelPack"))
        .contains("| Weekly gross | 400.00 | 900.00 |")
        .contains("| Dates | since 2029-01-07 | from 2030-07-01 |")
        .doesNotContain("Ada");

    identity.setAuthentication("panel.commissioning", List.of("panel-commissioning"));
    try {
      assertThatThrownBy(
              () ->
                  tasks.complete(
                      task.getId(),
                      Map.of("decisionOutcome", "DECLINED", "decisionSeat", "COMMISSIONING")))
          .hasMessageContaining("Rationale is required for every decision but a plain approval.");
      assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
          .as("the task stays open")
          .isOne();
      tasks.complete(
          task.getId(),
          Map.of(
              "decisionOutcome",
              "DECLINED",
              "decisionSeat",
              "COMMISSIONING",
              "decisionRationale",
              "The current package meets the assessed need"));
    } finally {
      identity.clearAuthentication();
    }
    awaitAnswered(asking);
    assertThat(requests.decision(PackageRequestId.of(id)).outcome())
        .isEqualTo(PanelOutcome.DECLINED);
    assertThat(historicVariable(asking, PanelMessages.VAR_OUTCOME)).isEqualTo("DECLINED");
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    var variable =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .singleResult();
    return variable == null ? null : variable.getValue();
  }

  private static JsonNode agendaItem(JsonNode meeting, long requestId) {
    for (JsonNode item : meeting.get("agenda")) {
      if (item.get("requestId").asLong() == requestId) {
        return item;
      }
    }
    return null;
  }
}

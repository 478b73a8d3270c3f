package org.carereviews.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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
import org.carereviews.panel.PackageRequest;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PackageRequestType;
import org.carereviews.panel.PanelMessages;
import org.carereviews.panel.PanelRequestService;
import org.carereviews.panel.PanelRoute;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.support.Api;
import org.carereviews.support.PanelDesk;
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
 * Care package reviews end to end on PostgreSQL, through the REST API as the demo users. The panel
 * is the real panel, through its API ({@link PanelDesk}): a team manager or a quorate meeting
 * decides. The clock is a fixed working day in 2030. The job executor is off: the test runs the
 * engine's asynchronous steps itself ({@link #runAsyncSteps}), so nothing races.
 */
@PostgresIntegrationTest
@Import(CarePackageReviewIT.Clocks.class)
@TestPropertySource(
    properties = {"camunda.bpm.job-execution.enabled=false", "care-reviews.review.schedule=-"})
class CarePackageReviewIT {

  /**
   * A fixed working day (before the panel's agenda cut-off), so a quorate meeting can sit "today".
   */
  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock(java.time.LocalDateTime.of(2030, 6, 4, 8, 30));
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
  @Autowired ReviewStarts starts;
  @Autowired ReviewPackageChanges packageChanges;
  @Autowired Reviews reviews;
  @Autowired PanelRequestService panelRequests;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  private Api api;
  private PanelDesk panel;
  private LocalDate today;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    panel = new PanelDesk(api, jdbc, panelRequests, runtime, management);
    TestUsers.ensure(identity);
    today = LocalDate.now(clock);
    for (String[] line :
        new String[][] {
          {"HWA Sav 06", "CASHABLE_SAVING"},
          {"HWA Sav 07", "CASHABLE_SAVING"},
          {"HWA Sav 08", "CASHABLE_SAVING"},
          {"HWA Sav 09", "CASHABLE_SAVING"},
          {"HWA Sav 10", "CASHABLE_SAVING"},
          {"HWA Sav 19", "CASHABLE_SAVING"},
          {"HWA Sav 20", "CASHABLE_SAVING"},
          {"DEMO Growth", "GROWTH"}
        }) {
      if (!lines.existsById(line[0])) {
        lines.save(
            new SavingsLine(line[0], line[0], "Review tests", SavingsKind.valueOf(line[1]), "ASC"));
      }
    }
  }

  @Test
  void scheduledReviewDueAllocatedReducedApprovedGivesANewVersionAndExactlyOneLedgerEntry() {
    CarePackage carePackage =
        packageInTeam("NORTH", "500.00", today.minusYears(1), today.plusDays(10));

    // due: the daily job starts it, within the 28-day lead time
    starts.startDueReviews(500);
    JsonNode review = teamReviewOf(carePackage, "tm.north");
    assertThat(review.get("route").asText()).isEqualTo("SCHEDULED");
    assertThat(review.get("status").asText()).isEqualTo("OPEN");
    assertThat(review.get("dueDate").asText()).isEqualTo(today.plusDays(10).toString());
    long reviewId = review.get("id").asLong();

    // allocated: the team manager gives it to a worker of the team
    api.post(
        "tm.north",
        "/api/reviews/" + reviewId + "/allocate",
        "{\"assignee\":\"sw.north\"}",
        HttpStatus.OK);
    assertThat(api.get("sw.north", "/api/reviews/mine", HttpStatus.OK).findValuesAsText("id"))
        .contains(String.valueOf(reviewId));

    // reduced: the worker records the outcome with the change in need
    LocalDate effective = today.plusDays(7);
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/outcome",
        reduction("400.00", effective),
        HttpStatus.OK);
    runAsyncSteps(reviewId);
    Review recorded = reviews.findById(reviewId).orElseThrow();
    assertThat(recorded.getStatus()).isEqualTo(ReviewStatus.AWAITING_PANEL);
    long requestId = panel.requestOf(recorded.getProcessInstanceId());
    PackageRequest request = panel.request(requestId);
    assertThat(request.getRequestType()).isEqualTo(PackageRequestType.PACKAGE_CHANGE);
    assertThat(request.getCurrentPackageId()).isEqualTo(carePackage.getId());
    assertThat(request.getProposedNetWeekly()).isEqualTo(Money.of("400.00"));
    assertThat(request.getEffectiveDate()).isEqualTo(effective);
    assertThat(request.getProposedBy()).isEqualTo("sw.north");
    assertThat(request.getSourceReference()).isEqualTo(recorded.getReference());
    assertThat(request.getRoute())
        .as("a reduction within delegated authority")
        .isEqualTo(PanelRoute.TEAM_MANAGER);

    // approved: by the team manager under delegated authority
    panel.approve(requestId);
    runAsyncSteps(reviewId);

    JsonNode detail = api.get("sw.north", "/api/reviews/" + reviewId, HttpStatus.OK);
    assertThat(detail.at("/review/status").asText()).isEqualTo("COMPLETED");
    assertThat(detail.at("/review/outcome").asText()).isEqualTo("REDUCE");
    JsonNode versions =
        api.get("sw.north", "/api/packages/" + carePackage.getId(), HttpStatus.OK).get("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).get("netWeeklyCost").decimalValue()).isEqualByComparingTo("400.00");
    assertThat(versions.get(1).get("nextReviewDue").asText())
        .isEqualTo(today.plusMonths(12).toString());
    List<java.util.Map<String, Object>> ledger = ledgerOf(carePackage);
    assertThat(ledger).hasSize(1);
    assertThat((BigDecimal) ledger.get(0).get("weekly_delta")).isEqualByComparingTo("-100.00");
    assertThat(ledger.get(0).get("effective_date").toString()).isEqualTo(effective.toString());
    assertThat(ledger.get(0).get("savings_line_code")).isEqualTo("HWA Sav 06");
    assertThat(ledger.get(0).get("source_process")).isEqualTo("REVIEW");
    assertThat(ledger.get(0).get("source_reference"))
        .isEqualTo(recorded.getReference() + "/PANEL-" + requestId);

    // the decision is not sent again, and a delivery forced on the review finds nothing waiting
    assertThat(panelRequests.deliverDecision(requestId)).isFalse();
    assertThatThrownBy(
            () ->
                runtime
                    .createMessageCorrelation(PanelMessages.DECISION)
                    .processInstanceId(recorded.getProcessInstanceId())
                    .setVariable(PanelMessages.VAR_REQUEST_ID, requestId)
                    .setVariable(PanelMessages.VAR_OUTCOME, "APPROVED")
                    .correlate())
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(ledgerOf(carePackage)).hasSize(1);
  }

  @Test
  void aDecisionAppliedTwiceChangesThePackageAndTheLedgerOnce() {
    CarePackage carePackage =
        packageInTeam("NORTH", "600.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/outcome",
        reduction("550.00", today),
        HttpStatus.OK);
    runAsyncSteps(reviewId);
    long requestId =
        panel.requestOf(reviews.findById(reviewId).orElseThrow().getProcessInstanceId());
    panel.approve(requestId);
    runAsyncSteps(reviewId);

    // delivered again by mistake: the panel does not send it twice, and the review refuses to apply
    // it again
    assertThat(panelRequests.deliverDecision(requestId)).isFalse();
    assertThatThrownBy(
            () ->
                packageChanges.applyPanelApproval(
                    new ReviewId(reviewId), PackageRequestId.of(requestId)))
        .hasMessageContaining("already completed");

    assertThat(casebook.packageSnapshot(carePackage.getId()).versionNumber()).isEqualTo(2);
    assertThat(ledgerOf(carePackage)).hasSize(1);
  }

  @Test
  void aReviewsRequestReachesTheAgendaAQuoratePanelAmendsItAndTheReviewAppliesTheAmendedFigures() {
    CarePackage carePackage =
        packageInTeam("NORTH", "1000.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/outcome",
        reduction("800.00", today.plusDays(14)),
        HttpStatus.OK);
    runAsyncSteps(reviewId);
    long requestId =
        panel.requestOf(reviews.findById(reviewId).orElseThrow().getProcessInstanceId());
    assertThat(panel.request(requestId).getRoute())
        .as("annual cost above GBP 35,000")
        .isEqualTo(PanelRoute.PANEL);

    JsonNode meeting = panel.quorateMeetingToday();
    assertThat(meeting.get("quorate").asBoolean()).isTrue();
    assertThat(meeting.get("agenda").findValuesAsText("requestId"))
        .contains(String.valueOf(requestId));

    JsonNode decision =
        panel.approveWithAmendment(
            requestId,
            new ProposedPackage(
                ServiceType.HOME_CARE,
                "Framework Care Ltd",
                Money.of("850.00"),
                Money.ZERO,
                BigDecimal.ZERO,
                today.plusDays(21)));
    assertThat(decision.get("decidedBy"))
        .extracting(JsonNode::asText)
        .containsExactly("panel.asc", "panel.finance", "panel.commissioning");
    runAsyncSteps(reviewId);

    PackageTerms terms = casebook.packageSnapshot(carePackage.getId()).terms();
    assertThat(terms.getNetWeeklyCost()).isEqualTo(Money.of("850.00"));
    assertThat(terms.getProvider()).isEqualTo("Framework Care Ltd");
    List<java.util.Map<String, Object>> ledger = ledgerOf(carePackage);
    assertThat(ledger).hasSize(1);
    assertThat((BigDecimal) ledger.get(0).get("weekly_delta")).isEqualByComparingTo("-150.00");
    assertThat(ledger.get(0).get("effective_date").toString())
        .isEqualTo(today.plusDays(21).toString());
    assertThat(
            api.get("panel.asc", "/api/panel/meetings/today", HttpStatus.OK)
                .get("agenda")
                .findValuesAsText("requestId"))
        .doesNotContain(String.valueOf(requestId));
  }

  @Test
  void deferralReturnsTheTaskToTheWorkerWithTheQuestionAndDate() {
    CarePackage carePackage =
        packageInTeam("NORTH", "300.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");
    String changeInNeed =
        "Walks again after rehabilitation. "
            + "She goes to the day centre twice a week. ".repeat(40);
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/outcome",
        reduction("250.00", today.plusDays(7))
            .replace("Walks again after rehabilitation", changeInNeed),
        HttpStatus.OK);
    runAsyncSteps(reviewId);
    Review review = reviews.findById(reviewId).orElseThrow();
    long requestId = panel.requestOf(review.getProcessInstanceId());

    // The decider's pack has what the review found, whole (nothing cut at 1,000 characters).
    JsonNode pack = api.get("tm.north", "/api/panel/requests/" + requestId, HttpStatus.OK);
    assertThat(changeInNeed.strip()).hasSizeGreaterThan(1_000);
    assertThat(pack.at("/findings/changeInNeed").asText()).isEqualTo(changeInNeed.strip());
    assertThat(pack.at("/findings/personViews").asText()).isEqualTo("Wants fewer visits");
    assertThat(pack.at("/findings/outcomesWanted").asText()).isEqualTo("Stay at home");
    assertThat(pack.at("/reason").asText())
        .isEqualTo("Review " + review.getReference() + ": reduce the package");
    assertThat(pack.at("/current/startDate").asText()).isEqualTo(today.minusYears(1).toString());

    panel.defer(requestId, "Has the day centre confirmed a place?", today.plusDays(5));
    runAsyncSteps(reviewId);

    Task task =
        tasks.createTaskQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(ReviewProcess.TASK_CONDUCT);
    assertThat(task.getAssignee()).isEqualTo("sw.north");
    assertThat(task.getDueDate())
        .isEqualTo(
            java.util.Date.from(today.plusDays(5).atStartOfDay(clock.getZone()).toInstant()));
    assertThat(runtime.getVariable(review.getProcessInstanceId(), ReviewProcess.VAR_PANEL_QUESTION))
        .isEqualTo("Has the day centre confirmed a place?");
    // A team manager deferred it (delegated authority): the form says so, not "The panel asked".
    assertThat(
            runtime.getVariable(review.getProcessInstanceId(), ReviewProcess.VAR_PANEL_DECIDED_BY))
        .isEqualTo("TEAM_MANAGER");
    assertThat(reviews.findById(reviewId).orElseThrow().getStatus()).isEqualTo(ReviewStatus.OPEN);

    // answered and sent again: a new request to the panel
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/outcome",
        reduction("250.00", today.plusDays(7)),
        HttpStatus.OK);
    runAsyncSteps(reviewId);
    assertThat(panel.requestOf(review.getProcessInstanceId())).isNotEqualTo(requestId);
    assertThat(ledgerOf(carePackage)).isEmpty();
  }

  @Test
  void aCostChangeIsRefusedWhileAnotherRequestForThePackageWaitsNamingIt() {
    CarePackage carePackage =
        packageInTeam("NORTH", "300.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");
    long other =
        api.post(
                "sw.north",
                "/api/panel/requests",
                """
        {"type": "PACKAGE_CHANGE", "personId": %d, "currentPackageId": %d, "reason": "More support after a fall",
         "proposed": {"serviceType": "HOME_CARE", "provider": "Example Care Ltd", "weeklyGrossCost": 320.00,
                      "effectiveDate": "%s"}}"""
                    .formatted(
                        carePackage.getPerson().getId(), carePackage.getId(), today.plusDays(7)),
                HttpStatus.CREATED)
            .get("requestId")
            .asLong();

    JsonNode refused =
        api.post(
            "sw.north",
            "/api/reviews/" + reviewId + "/outcome",
            reduction("250.00", today.plusDays(7)),
            HttpStatus.CONFLICT);

    assertThat(refused.get("detail").asText())
        .contains(
            carePackage.getReference()
                + " already has request "
                + other
                + " waiting for a decision");
    assertThat(reviews.findById(reviewId).orElseThrow().getStatus()).isEqualTo(ReviewStatus.OPEN);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from package_request where current_package_id = ?",
                Integer.class,
                carePackage.getId()))
        .isEqualTo(1);
  }

  @Test
  void declineLeavesThePackageUnchangedAndTellsTheWorker() {
    CarePackage carePackage =
        packageInTeam("NORTH", "300.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/outcome",
        reduction("200.00", today.plusDays(7)),
        HttpStatus.OK);
    runAsyncSteps(reviewId);
    Review review = reviews.findById(reviewId).orElseThrow();

    panel.decline(
        panel.requestOf(review.getProcessInstanceId()),
        "The alternative does not meet the outcomes");
    runAsyncSteps(reviewId);

    Task task =
        tasks.createTaskQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(ReviewProcess.TASK_PANEL_DECLINED);
    assertThat(task.getAssignee()).isEqualTo("sw.north");
    assertThat(
            runtime.getVariable(review.getProcessInstanceId(), ReviewProcess.VAR_PANEL_RATIONALE))
        .isEqualTo("The alternative does not meet the outcomes");
    assertThat(casebook.packageSnapshot(carePackage.getId()).terms().getNetWeeklyCost())
        .isEqualTo(Money.of("300.00"));
    assertThat(ledgerOf(carePackage)).isEmpty();
  }

  @Test
  void badOutcomesAreRefusedWithAClearMessageAndTheReviewStaysWhereItWas() {
    CarePackage carePackage =
        packageInTeam("NORTH", "500.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");

    assertRefused(
        "sw.north",
        reviewId,
        reduction("400.00", today)
            .replace(
                "\"changeInNeed\":\"Walks again after rehabilitation\"", "\"changeInNeed\":null"),
        "changeInNeed");
    assertRefused(
        "sw.north",
        reviewId,
        base("REDUCE", "\"effectiveDate\":\"" + today + "\",\"changeInNeed\":\"x\""),
        "proposedServiceType");
    assertRefused("sw.north", reviewId, reduction("-1.00", today), "proposedWeeklyGrossCost");
    assertRefused(
        "sw.north",
        reviewId,
        reduction("15000.01", today).replace("REDUCE", "INCREASE"),
        "proposedWeeklyGrossCost");
    assertRefused("sw.north", reviewId, reduction("400.00", today.minusDays(29)), "effectiveDate");
    assertRefused(
        "sw.north",
        reviewId,
        base("NO_CHANGE", "")
            .replace("\"conversationConnect\":true", "\"conversationConnect\":false")
            .replace("\"conversationLongTerm\":true", "\"conversationLongTerm\":false"),
        "conversationConnect");
    api.post(
        "sw.south",
        "/api/reviews/" + reviewId + "/outcome",
        reduction("400.00", today),
        HttpStatus.FORBIDDEN);

    Review review = reviews.findById(reviewId).orElseThrow();
    assertThat(review.getStatus()).isEqualTo(ReviewStatus.OPEN);
    assertThat(review.getOutcome()).isNull();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(review.getProcessInstanceId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(ReviewProcess.TASK_CONDUCT);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from care_review_outcome where care_review_id = ?",
                Long.class,
                reviewId))
        .isZero();
  }

  @Test
  void
      aChangeCountingTowardASavingsLineNotInTheProgrammeIsRefusedWhenRecordedInsteadOfStickingAfterApproval()
          throws Exception {
    String table;
    try (var in =
        new org.springframework.core.io.ClassPathResource("processes/review/SavingsLineRouting.dmn")
            .getInputStream()) {
      table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // The council's table names lines that nobody imported into the savings programme.
    deployRouting(table.replace("\"HWA Sav ", "\"NOT IMPORTED "));
    try {
      CarePackage carePackage =
          packageInTeam("NORTH", "500.00", today.minusYears(1), today.plusDays(3));
      long reviewId = requestedReview(carePackage, "sw.north");

      JsonNode problem =
          api.post(
              "sw.north",
              "/api/reviews/" + reviewId + "/outcome",
              reduction("400.00", today),
              HttpStatus.BAD_REQUEST);

      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("outcome");
      assertThat(problem.at("/errors/0/message").asText())
          .contains("'NOT IMPORTED ")
          .contains("not in the savings programme");
      Review review = reviews.findById(reviewId).orElseThrow();
      assertThat(review.getStatus()).isEqualTo(ReviewStatus.OPEN);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from care_review_outcome where care_review_id = ?",
                  Long.class,
                  reviewId))
          .isZero();
    } finally {
      deployRouting(table);
    }
  }

  private void deployRouting(String dmn) {
    repositoryService
        .createDeployment()
        .name("SavingsLineRouting (test)")
        .addString("SavingsLineRouting.dmn", dmn)
        .deploy();
  }

  @Test
  void aPackageHasOneOpenReviewAndASecondStartIsRefused() {
    CarePackage carePackage =
        packageInTeam("NORTH", "200.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");
    assertThat(reviews.findById(reviewId).orElseThrow().getRoute())
        .isEqualTo(ReviewRoute.REQUESTED);

    JsonNode refused =
        api.post(
            "tm.north",
            "/api/reviews",
            "{\"packageId\":"
                + carePackage.getId()
                + ",\"requestedBy\":\"CARER\",\"reason\":\"Carer asked\"}",
            HttpStatus.BAD_REQUEST);
    assertThat(refused.get("detail").asText())
        .contains("already has an open review")
        .contains("one open review per package");
    starts.startDueReviews(500);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from care_review where care_package_id = ?",
                Long.class,
                carePackage.getId()))
        .isEqualTo(1);
    api.post(
        "sw.south",
        "/api/reviews",
        "{\"packageId\":"
            + packageInTeam("NORTH", "10.00", today.minusYears(1), today.plusYears(1)).getId()
            + ",\"requestedBy\":\"PERSON\",\"reason\":\"Asked\"}",
        HttpStatus.FORBIDDEN);
    api.post(
        "sw.north",
        "/api/reviews",
        "{\"packageId\":" + carePackage.getId() + ",\"requestedBy\":\"PERSON\"}",
        HttpStatus.BAD_REQUEST);
  }

  @Test
  void aNewPackageGetsOneInitialReviewInItsWindow() {
    LocalDate started = today.minusWeeks(7);
    CarePackage carePackage = packageInTeam("SOUTH", "250.00", started, started.plusYears(1));

    starts.startDueReviews(500);
    starts.startDueReviews(500);

    List<Review> found =
        reviews.findByPersonIdOrderByStartedAtDescIdDesc(carePackage.getPerson().getId());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getRoute()).isEqualTo(ReviewRoute.INITIAL);
    assertThat(found.get(0).getDueDate()).isEqualTo(started.plusWeeks(8));
    assertThat(
            api.get(
                "sw.south",
                "/api/people/" + carePackage.getPerson().getId() + "/reviews",
                HttpStatus.OK))
        .hasSize(1);
    api.get(
        "sw.north",
        "/api/people/" + carePackage.getPerson().getId() + "/reviews",
        HttpStatus.FORBIDDEN);
  }

  @Test
  void noChangeCompletesTheReviewAndSetsTheNextReviewDate() {
    CarePackage carePackage =
        packageInTeam("SOUTH", "250.00", today.minusYears(2), today.plusDays(2));
    long reviewId = requestedReview(carePackage, "sw.south");
    api.post("sw.south", "/api/reviews/" + reviewId + "/claim", "", HttpStatus.OK);

    api.post(
        "sw.south", "/api/reviews/" + reviewId + "/outcome", base("NO_CHANGE", ""), HttpStatus.OK);
    runAsyncSteps(reviewId);

    assertThat(reviews.findById(reviewId).orElseThrow().getStatus())
        .isEqualTo(ReviewStatus.COMPLETED);
    assertThat(casebook.packageSnapshot(carePackage.getId()).terms().getNextReviewDue())
        .isEqualTo(today.plusMonths(12));
    assertThat(ledgerOf(carePackage)).isEmpty();
    assertThat(outcomeAudits(reviewId))
        .as("the API path: one audit event")
        .containsExactly("sw.south");
  }

  @Test
  void anOutcomeRecordedFromTheTasklistFormIsAuditedLikeOneFromTheApi() {
    CarePackage carePackage =
        packageInTeam("SOUTH", "260.00", today.minusYears(2), today.plusDays(2));
    long reviewId = requestedReview(carePackage, "sw.south");
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(reviews.findById(reviewId).orElseThrow().getProcessInstanceId())
            .taskDefinitionKey(ReviewProcess.TASK_CONDUCT)
            .singleResult();
    java.util.Map<String, Object> form = new java.util.HashMap<>();
    form.put("conversationConnect", true);
    form.put("strengthsAndAssets", "Close to a daughter");
    form.put("outcomesWanted", "Stay at home");
    form.put("personViews", "Content");
    form.put("outcome", "NO_CHANGE");
    identity.setAuthentication("sw.south", List.of("social-worker", "team-south"));
    try {
      tasks.complete(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
    runAsyncSteps(reviewId);
    assertThat(reviews.findById(reviewId).orElseThrow().getStatus())
        .isEqualTo(ReviewStatus.COMPLETED);
    assertThat(outcomeAudits(reviewId)).containsExactly("sw.south");
  }

  private List<String> outcomeAudits(long reviewId) {
    return jdbc.queryForList(
        "select user_id from audit_event where action = 'DECIDE' and record_type = 'review'"
            + " and record_id = ? and outcome = 'ALLOWED'",
        String.class,
        String.valueOf(reviewId));
  }

  @Test
  void continuingHealthcareEligibleMovesFundingToTheNhsAndRecordsTheCouncilsCostChange() {
    CarePackage carePackage =
        packageInTeam("NORTH", "900.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");
    api.post(
        "sw.north", "/api/reviews/" + reviewId + "/outcome", base("REFER_CHC", ""), HttpStatus.OK);
    assertThat(reviews.findById(reviewId).orElseThrow().getStatus())
        .isEqualTo(ReviewStatus.AWAITING_NHS_DECISION);

    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/chc-decision",
        "{\"eligible\":true}",
        HttpStatus.BAD_REQUEST);
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/chc-decision",
        "{\"eligible\":true,\"effectiveDate\":\""
            + today.plusDays(1)
            + "\",\"nhsReference\":\"CHC-123\"}",
        HttpStatus.OK);
    runAsyncSteps(reviewId);

    PackageTerms terms = casebook.packageSnapshot(carePackage.getId()).terms();
    assertThat(terms.getNhsSharePercent()).isEqualByComparingTo("100");
    assertThat(terms.getNetWeeklyCost()).isEqualTo(Money.ZERO);
    List<java.util.Map<String, Object>> ledger = ledgerOf(carePackage);
    assertThat(ledger).hasSize(1);
    assertThat((BigDecimal) ledger.get(0).get("weekly_delta")).isEqualByComparingTo("-900.00");
    assertThat(reviews.findById(reviewId).orElseThrow().getStatus())
        .isEqualTo(ReviewStatus.COMPLETED);
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/chc-decision",
        "{\"eligible\":false}",
        HttpStatus.BAD_REQUEST);
  }

  @Test
  void continuingHealthcareNotEligibleAndReassessmentGoBackToTheOutcome() {
    CarePackage carePackage =
        packageInTeam("NORTH", "900.00", today.minusYears(1), today.plusDays(3));
    long reviewId = requestedReview(carePackage, "sw.north");
    String process = reviews.findById(reviewId).orElseThrow().getProcessInstanceId();
    api.post(
        "sw.north", "/api/reviews/" + reviewId + "/outcome", base("REFER_CHC", ""), HttpStatus.OK);

    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/chc-decision",
        "{\"eligible\":false}",
        HttpStatus.OK);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(process)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(ReviewProcess.TASK_CONDUCT);

    api.post(
        "sw.north", "/api/reviews/" + reviewId + "/outcome", base("REASSESS", ""), HttpStatus.OK);
    assertThat(reviews.findById(reviewId).orElseThrow().getStatus())
        .isEqualTo(ReviewStatus.REASSESSMENT);
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/reassessment",
        "{\"summary\":\"Needs reassessed after a fall\",\"eligibleNeedsChanged\":true}",
        HttpStatus.OK);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(process)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(ReviewProcess.TASK_CONDUCT);
    assertThat(casebook.packageSnapshot(carePackage.getId()).versionNumber()).isEqualTo(1);
  }

  @Test
  void anOverdueReviewIsListedAndItsTeamManagerIsAskedToChaseIt() {
    CarePackage carePackage =
        packageInTeam("SOUTH", "150.00", today.minusYears(2), today.minusDays(5));
    starts.startDueReviews(500);
    Review review = reviews.findByOpenPackageId(carePackage.getId()).orElseThrow();

    assertThat(
            api.get("tm.south", "/api/reviews/overdue", HttpStatus.OK)
                .get("content")
                .findValuesAsText("id"))
        .contains(String.valueOf(review.getId()));
    assertThat(
            api.get("tm.north", "/api/reviews/overdue", HttpStatus.OK)
                .get("content")
                .findValuesAsText("id"))
        .doesNotContain(String.valueOf(review.getId()));
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(review.getProcessInstanceId())
            .timers()
            .singleResult();
    management.executeJob(timer.getId());

    Task chase =
        tasks
            .createTaskQuery()
            .processInstanceId(review.getProcessInstanceId())
            .taskDefinitionKey(ReviewProcess.TASK_CHASE_OVERDUE)
            .singleResult();
    assertThat(tasks.createTaskQuery().taskId(chase.getId()).taskCandidateUser("tm.south").count())
        .isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(chase.getId()).taskCandidateUser("sw.south").count())
        .isZero();
    assertThat(reviews.findById(review.getId()).orElseThrow().getOverdueSince()).isNotNull();
  }

  @Test
  void eachTeamSeesOnlyItsOwnReviewTasksInCamunda() {
    CarePackage north = packageInTeam("NORTH", "120.00", today.minusYears(1), today.plusDays(1));
    CarePackage south = packageInTeam("SOUTH", "120.00", today.minusYears(1), today.plusDays(1));
    String northProcess =
        reviews.findById(requestedReview(north, "sw.north")).orElseThrow().getProcessInstanceId();
    String southProcess =
        reviews.findById(requestedReview(south, "sw.south")).orElseThrow().getProcessInstanceId();

    assertThat(reviewTasksSeenBy("sw.north")).contains(northProcess).doesNotContain(southProcess);
    assertThat(reviewTasksSeenBy("sw.south")).contains(southProcess).doesNotContain(northProcess);
    assertThat(reviewTasksSeenBy("tm.north")).contains(northProcess).doesNotContain(southProcess);
    api.get(
        "sw.south",
        "/api/reviews/" + reviews.findByProcessInstanceId(northProcess).orElseThrow().getId(),
        HttpStatus.FORBIDDEN);
  }

  // --- helpers

  /**
   * The review tasks a user sees, as Tasklist asks for them: signed in with the user's Camunda
   * groups.
   */
  private List<String> reviewTasksSeenBy(String userId) {
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList();
    identity.setAuthentication(userId, groups);
    try {
      return tasks.createTaskQuery().processDefinitionKey(ReviewProcess.KEY).list().stream()
          .map(Task::getProcessInstanceId)
          .toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private CarePackage packageInTeam(
      String teamCode, String weeklyCost, LocalDate start, LocalDate nextReviewDue) {
    Team team =
        teams.findByCode(teamCode).orElseGet(() -> teams.save(new Team(teamCode, teamCode)));
    Person person =
        casebook.recordPerson(
            "Review Test Person",
            LocalDate.of(1970, 5, 5),
            ClientGroup.LEARNING_DISABILITY,
            team,
            Set.of(),
            Set.of(),
            "test");
    return casebook.recordPackage(
        person,
        new PackageTerms(
            ServiceType.HOME_CARE,
            "Example Care Ltd",
            Money.of(weeklyCost),
            Money.ZERO,
            BigDecimal.ZERO,
            start,
            null,
            nextReviewDue),
        "initial",
        "test");
  }

  private long requestedReview(CarePackage carePackage, String worker) {
    return api.post(
            worker,
            "/api/reviews",
            "{\"packageId\":"
                + carePackage.getId()
                + ",\"requestedBy\":\"PROVIDER\",\"reason\":\"The provider reports the person now manages mornings\"}",
            HttpStatus.CREATED)
        .get("id")
        .asLong();
  }

  private JsonNode teamReviewOf(CarePackage carePackage, String user) {
    for (JsonNode review : api.get(user, "/api/reviews?size=100", HttpStatus.OK).get("content")) {
      if (review.get("packageId").asLong() == carePackage.getId()) {
        return review;
      }
    }
    throw new AssertionError(
        "no review of package " + carePackage.getId() + " in " + user + "'s team list");
  }

  private static String base(String outcome, String more) {
    return "{\"conversationConnect\":true,\"conversationCrisis\":false,\"conversationLongTerm\":true,"
        + "\"strengthsAndAssets\":\"Close to a daughter; goes to the lunch club\",\"outcomesWanted\":\"Stay at home\","
        + "\"personViews\":\"Wants fewer visits\",\"carerViews\":\"Happy to help at lunchtime\","
        + "\"outcome\":\""
        + outcome
        + "\""
        + (more.isEmpty() ? "" : "," + more)
        + "}";
  }

  private static String reduction(String weeklyGross, LocalDate effective) {
    return base(
        "REDUCE",
        "\"changeInNeed\":\"Walks again after rehabilitation\",\"proposedServiceType\":\"HOME_CARE\","
            + "\"proposedProvider\":\"Example Care Ltd\",\"proposedWeeklyGrossCost\":"
            + weeklyGross
            + ",\"proposedContribution\":0,\"effectiveDate\":\""
            + effective
            + "\"");
  }

  private void assertRefused(String user, long reviewId, String body, String field) {
    JsonNode problem =
        api.post(user, "/api/reviews/" + reviewId + "/outcome", body, HttpStatus.BAD_REQUEST);
    assertThat(problem.at("/errors/0/field").asText()).as(body).isEqualTo(field);
    assertThat(problem.at("/errors/0/message").asText()).isNotBlank();
  }

  private List<java.util.Map<String, Object>> ledgerOf(CarePackage carePackage) {
    return jdbc.queryForList(
        "select * from cost_change where care_package_id = ? order by id", carePackage.getId());
  }

  /**
   * Runs the review's asynchronous steps (the job executor is off in this test), as the engine
   * would.
   */
  private void runAsyncSteps(long reviewId) {
    String process = reviews.findById(reviewId).orElseThrow().getProcessInstanceId();
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(process).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("review " + reviewId + " keeps making asynchronous steps");
  }
}

package org.carereviews.ctr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.panel.PackageRequest;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PackageRequestType;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.PanelRequestService;
import org.carereviews.panel.PanelRoute;
import org.carereviews.panel.WorkingDays;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestClock;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end-to-end case on PostgreSQL: an adult admitted without a community review gets a
 * post-admission review due in 28 days; the review completes with three members and two
 * recommendations; a discharge sends a package request to panel and, once approved, writes a growth
 * entry to the ledger. The panel is the real one: the request goes on the next meeting's agenda and
 * a quorate panel approves it.
 */
@PostgresIntegrationTest
@Import(TestClock.StartingNow.class)
@org.springframework.test.context.TestPropertySource(
    properties = "care-reviews.panel.scheduler-enabled=false")
class CareAndTreatmentReviewIT {

  private static final String CHAIR = "ctr.chair";

  /**
   * The line SavingsLineRouting.dmn routes a CTR discharge's growth to (Rule_CtrDischargeGrowth).
   */
  private static final String CTR_GROWTH_LINE = "CTR Growth";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired CtrDailyJob dailyJob;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
  @Autowired PanelRequestService panelRequests;
  @Autowired WorkingDays workingDays;
  @Autowired TestClock clock;
  @Autowired JdbcTemplate jdbc;

  private Api api;
  private Person person;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity);
    api = new Api(rest);
    if (!lines.existsById(CTR_GROWTH_LINE)) {
      lines.save(
          new SavingsLine(
              CTR_GROWTH_LINE, "CTR discharges", "Pressures", SavingsKind.GROWTH, "ASC"));
    }
    Team north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    person =
        casebook.recordPerson(
            "Ada Demo-Ctr",
            LocalDate.now(clock).minusYears(30),
            ClientGroup.LEARNING_DISABILITY,
            north,
            Set.of(),
            Set.of(),
            "test");
  }

  @Test
  void
      adultAdmittedWithoutCommunityReviewIsReviewedAndDischargedToAFundedPackageRecordedAsGrowth() {
    LocalDate today = LocalDate.now(clock);
    long personId = person.getId();
    api.post(
        CHAIR,
        "/api/ctr/register",
        """
        {"personId": %d, "consentGiven": true, "consentDate": "%s", "rating": "RED",
         "reasons": "Placement breaking down; two crisis calls this month", "keyWorker": "sw.north",
         "nextReviewDate": "%s"}"""
            .formatted(personId, today, today.plusMonths(3)),
        HttpStatus.CREATED);

    // A discharge date before the admission is refused and nothing is recorded.
    LocalDate admitted = today.minusDays(2);
    JsonNode refused =
        api.post(
            CHAIR,
            "/api/ctr/register/" + personId + "/episodes",
            admission(admitted, "\"plannedDischargeDate\": \"" + admitted.minusDays(1) + "\""),
            HttpStatus.BAD_REQUEST);
    assertThat(refused.at("/errors/0/field").asText()).isEqualTo("plannedDischargeDate");
    assertThat(api.get(CHAIR, "/api/ctr/register/" + personId, HttpStatus.OK).at("/episodes"))
        .isEmpty();

    JsonNode record =
        api.post(
            "sw.north",
            "/api/ctr/register/" + personId + "/episodes",
            admission(admitted, null),
            HttpStatus.CREATED);
    assertThat(record.at("/entry/rating").asText()).isEqualTo("BLUE");
    assertThat(record.at("/ratingHistory"))
        .extracting(h -> h.get("rating").asText())
        .containsExactly("RED", "BLUE");

    // In hospital the person stays blue until the discharge; a discharge before the admission is
    // refused.
    long episodeId = record.at("/episodes/0/id").asLong();
    JsonNode notBlue =
        api.put(
            CHAIR,
            "/api/ctr/register/" + personId + "/rating",
            "{\"rating\": \"AMBER\", \"reasons\": \"Settling\"}",
            HttpStatus.BAD_REQUEST);
    assertThat(notBlue.at("/errors/0/field").asText()).isEqualTo("rating");
    JsonNode dischargedEarly =
        api.post(
            CHAIR,
            "/api/ctr/episodes/" + episodeId + "/discharge",
            "{\"dischargeDate\": \""
                + admitted.minusDays(1)
                + "\", \"rating\": \"AMBER\", \"reasons\": \"Home\"}",
            HttpStatus.BAD_REQUEST);
    assertThat(dischargedEarly.at("/errors/0/field").asText()).isEqualTo("dischargeDate");
    JsonNode unchanged = api.get(CHAIR, "/api/ctr/register/" + personId, HttpStatus.OK);
    assertThat(unchanged.at("/entry/rating").asText()).isEqualTo("BLUE");
    assertThat(unchanged.at("/ratingHistory")).hasSize(2);
    assertThat(
            unchanged.at("/episodes/0/dischargeDate").isMissingNode()
                || unchanged.at("/episodes/0/dischargeDate").isNull())
        .isTrue();

    // Only CTR roles and the person's team see the record.
    api.get("panel.asc", "/api/ctr/register/" + personId, HttpStatus.FORBIDDEN);
    api.get("sw.south", "/api/ctr/register/" + personId, HttpStatus.FORBIDDEN);
    api.get("sw.north", "/api/ctr/register/" + personId, HttpStatus.OK);

    // Due in 28 days, visible before it is late.
    JsonNode due = api.get(CHAIR, "/api/ctr/due", HttpStatus.OK);
    JsonNode postAdmission = find(due, personId, "POST_ADMISSION");
    assertThat(postAdmission.get("dueDate").asText()).isEqualTo(admitted.plusDays(28).toString());
    assertThat(postAdmission.get("started").asBoolean()).isFalse();
    assertThat(find(due, personId, "INPATIENT_CTR").get("dueDate").asText())
        .isEqualTo(admitted.plusMonths(6).toString());

    // The daily job starts it, once.
    api.post(CHAIR, "/api/ctr/schedule/run", "", HttpStatus.OK);
    dailyJob.run(); // the morning job runs the same step through its process
    api.post(CHAIR, "/api/ctr/schedule/run", "", HttpStatus.OK);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CtrProcesses.DAILY_SCHEDULE)
                .finished()
                .count())
        .isEqualTo(1);
    JsonNode reviews =
        api.get(CHAIR, "/api/ctr/register/" + personId, HttpStatus.OK).at("/reviews");
    assertThat(reviews).hasSize(1);
    long reviewId = reviews.get(0).get("id").asLong();
    String reference = reviews.get(0).get("reference").asText();
    assertThat(
            find(api.get(CHAIR, "/api/ctr/due", HttpStatus.OK), personId, "POST_ADMISSION")
                .get("started")
                .asBoolean())
        .isTrue();
    String review = "/api/ctr/reviews/" + reviewId;

    // Convene: without an expert by experience it is refused, and nothing is kept.
    String meetingAt = LocalDateTime.now(clock).plusDays(3).withNano(0).toString();
    JsonNode noExpert =
        api.post(
            CHAIR,
            review + "/panel",
            """
        {"chair": "ctr.chair", "clinicalExpert": "ctr.clinician", "meetingAt": "%s"}"""
                .formatted(meetingAt),
            HttpStatus.BAD_REQUEST);
    assertThat(noExpert.at("/errors/0/field").asText()).isEqualTo("expertByExperience");
    assertThat(api.get(CHAIR, review, HttpStatus.OK).has("chair")).isFalse();
    String panel =
        """
        {"chair": "ctr.chair", "clinicalExpert": "ctr.clinician", "expertByExperience": "ctr.expert",
         "meetingAt": "%s"}"""
            .formatted(meetingAt);
    // Convening is the chair's step: the clinical expert, who may read the review, is refused it.
    api.post("ctr.clinician", review + "/panel", panel, HttpStatus.FORBIDDEN);
    assertThat(api.get(CHAIR, review, HttpStatus.OK).has("chair")).isFalse();
    api.post(CHAIR, review + "/panel", panel, HttpStatus.OK);

    // Papers cannot be shared before consent or a best-interests decision.
    assertThat(
            api.post(CHAIR, review + "/papers", "{}", HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("step");
    assertThat(
            api.post(
                    CHAIR,
                    review + "/consent",
                    "{\"consentBasis\": \"BEST_INTERESTS_DECISION\"}",
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("consentNote");
    api.post(CHAIR, review + "/consent", "{\"consentBasis\": \"CONSENT\"}", HttpStatus.OK);

    // Papers at least 24 hours before the meeting.
    String tooSoon = LocalDateTime.now(clock).plusHours(12).withNano(0).toString();
    assertThat(
            api.post(
                    CHAIR,
                    review + "/papers",
                    "{\"meetingAt\": \"" + tooSoon + "\"}",
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("meetingAt");
    api.post(CHAIR, review + "/papers", "{}", HttpStatus.OK);

    // The meeting: a recommendation without an owner is refused; nothing is kept.
    clock.advance(Duration.ofDays(3).plusHours(2));
    LocalDate meetingDay = LocalDate.now(clock);
    JsonNode noOwner =
        api.post(CHAIR, review + "/meeting", meeting(meetingDay, "", true), HttpStatus.BAD_REQUEST);
    assertThat(noOwner.at("/errors/0/field").asText()).isEqualTo("recommendations[1].owner");
    JsonNode noDate =
        api.post(
            CHAIR,
            review + "/meeting",
            meeting(meetingDay, "ctr.chair", true)
                .replace("\"dueDate\": \"" + meetingDay.plusWeeks(1) + "\"", "\"dueDate\": null"),
            HttpStatus.BAD_REQUEST);
    assertThat(noDate.at("/errors/0/field").asText()).startsWith("recommendations[1]");
    assertThat(api.get(CHAIR, review, HttpStatus.OK).get("status").asText()).isEqualTo("OPEN");
    assertThat(api.get(CHAIR, "/api/ctr/actions", HttpStatus.OK)).isEmpty();

    JsonNode completed =
        api.post(CHAIR, review + "/meeting", meeting(meetingDay, "ctr.chair", true), HttpStatus.OK);
    assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(
            jdbc.queryForList(
                "select action from audit_event where record_type = 'ctr-review' and record_id = ?"
                    + " and user_id = ? and outcome = 'ALLOWED' and action = 'CHANGE'",
                String.class,
                String.valueOf(reviewId),
                CHAIR))
        .as("each step recorded by the chair, once each: panel, consent, papers, meeting")
        .hasSize(4);
    assertThat(
            List.of(
                completed.get("chair").asText(),
                completed.get("clinicalExpert").asText(),
                completed.get("expertByExperience").asText()))
        .containsExactly("ctr.chair", "ctr.clinician", "ctr.expert");
    assertThat(completed.get("answers")).hasSize(4);
    assertThat(completed.get("recommendations")).hasSize(2);
    assertThat(api.get(CHAIR, "/api/ctr/actions", HttpStatus.OK)).hasSize(2);
    // the meeting's record is in our tables: the review's process keeps no recommendations list and
    // no answers
    String instance =
        jdbc.queryForObject(
            "select proc_inst_id_ from act_hi_procinst where business_key_ = ? "
                + "and proc_def_key_ = 'CareAndTreatmentReview'",
            String.class,
            reference);
    List<String> meetingFields =
        List.of(
            "recommendations",
            "answerSafe",
            "answerGoodCare",
            "answerFuturePlan",
            "answerNeedHospital");
    assertThat(
            jdbc.queryForList(
                "select name_ from act_ru_variable where proc_inst_id_ = ?",
                String.class,
                instance))
        .doesNotContainAnyElementsOf(meetingFields);
    assertThat(
            jdbc.queryForList(
                "select name_ from act_hi_varinst where proc_inst_id_ = ?", String.class, instance))
        .as("the API's recommendations pass transient, never stored")
        .doesNotContain("recommendations");

    // Discharge: a date before the admission is refused; then the package goes to panel.
    JsonNode early =
        api.post(
            CHAIR,
            review + "/discharge-plan",
            dischargePlan(admitted.minusDays(1)),
            HttpStatus.BAD_REQUEST);
    assertThat(early.at("/errors/0/field").asText()).isEqualTo("dischargeDate");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from package_request where person_id = ?",
                Integer.class,
                personId))
        .isZero();
    LocalDate dischargeDate = meetingDay.plusWeeks(6);
    api.post("sw.north", review + "/discharge-plan", dischargePlan(dischargeDate), HttpStatus.OK);

    String instanceId =
        jdbc.queryForObject(
            "select process_instance_id from ctr_review where id = ?", String.class, reviewId);
    List<Long> requestIds =
        jdbc.queryForList(
            "select id from package_request where source_process_instance_id = ?",
            Long.class,
            instanceId);
    assertThat(requestIds).hasSize(1);
    long requestId = requestIds.get(0);
    PackageRequest sent = panelRequests.request(requestId);
    assertThat(sent.getRequestType()).isEqualTo(PackageRequestType.CTR_DISCHARGE);
    assertThat(sent.getRoute()).isEqualTo(PanelRoute.PANEL);
    assertThat(sent.getPersonId()).isEqualTo(personId);
    assertThat(sent.getCurrentPackageId()).isNull();
    assertThat(sent.getSourceReference()).isEqualTo(reference);
    assertThat(sent.proposed().nhsSharePercent()).isEqualByComparingTo("40");
    assertThat(sent.getEffectiveDate()).isEqualTo(dischargeDate);
    assertThat(sent.getProposedBy()).isEqualTo("sw.north");
    assertThat(ledgerEntries(reference)).isEmpty();

    // The next working day's panel approves it; the decision reaches the review once: one growth
    // entry.
    LocalDate panelDay = workingDays.nextWorkingDayAfter(LocalDate.now(clock));
    clock.advance(
        java.time.Duration.between(
            clock.instant(), panelDay.atTime(10, 0).atZone(clock.getZone()).toInstant()));
    api.post("panel.asc", "/api/panel/meetings", "{}", HttpStatus.CREATED);
    for (String[] seat :
        new String[][] {
          {"panel.asc", "ASC"},
          {"panel.finance", "FINANCE"},
          {"panel.commissioning", "COMMISSIONING"}
        }) {
      api.post(
          seat[0],
          "/api/panel/meetings/today/seats",
          "{\"seat\": \"" + seat[1] + "\"}",
          HttpStatus.OK);
    }
    api.post(
        "panel.asc",
        "/api/panel/requests/" + requestId + "/decision",
        "{\"outcome\": \"APPROVED\", \"seat\": \"ASC\", \"rationale\": \"Least restrictive option; risk share agreed with the ICB\"}",
        HttpStatus.OK);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () -> runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0);
    assertThat(panelRequests.deliverDecision(requestId)).as("a second delivery").isFalse();
    assertThat(panelRequests.decision(PackageRequestId.of(requestId)).outcome())
        .isEqualTo(PanelOutcome.APPROVED);

    List<Map<String, Object>> entries = ledgerEntries(reference);
    assertThat(entries).hasSize(1);
    Map<String, Object> growth = entries.get(0);
    assertThat(growth.get("kind")).isEqualTo("GROWTH");
    assertThat(growth.get("savings_line_code")).isEqualTo(CTR_GROWTH_LINE);
    assertThat((BigDecimal) growth.get("old_net_weekly_cost")).isEqualByComparingTo("0");
    // 2,000.00 gross, no contribution, 40% NHS: the council pays 1,200.00 a week.
    assertThat((BigDecimal) growth.get("new_net_weekly_cost")).isEqualByComparingTo("1200.00");
    assertThat(growth.get("effective_date").toString()).isEqualTo(dischargeDate.toString());
    JsonNode discharge = api.get(CHAIR, review + "/discharge", HttpStatus.OK);
    assertThat(discharge.get("panelOutcome").asText()).isEqualTo("APPROVED");
    assertThat(discharge.get("carePackageId").asLong())
        .isEqualTo(((Number) growth.get("care_package_id")).longValue());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();

    // The overview, and an action done by its owner.
    JsonNode overview = api.get(CHAIR, "/api/ctr/overview", HttpStatus.OK);
    assertThat(overview.at("/registerByRating/BLUE").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(overview.at("/inpatientsByLengthOfStay"))
        .anySatisfy(i -> assertThat(i.at("/person/personId").asLong()).isEqualTo(personId));
    assertThat(overview.at("/actionsOpen")).hasSizeGreaterThanOrEqualTo(2);
    api.get("panel.finance", "/api/ctr/overview", HttpStatus.FORBIDDEN);

    long actionId = completed.at("/recommendations/0/id").asLong();
    assertThat(
            api.post(
                    "sw.north",
                    "/api/ctr/actions/" + actionId + "/done",
                    "{}",
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("note");
    JsonNode done =
        api.post(
            "sw.north",
            "/api/ctr/actions/" + actionId + "/done",
            "{\"note\": \"Provider found; transition plan agreed\"}",
            HttpStatus.OK);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("doneBy").asText()).isEqualTo("sw.north");
  }

  private List<Map<String, Object>> ledgerEntries(String reference) {
    return jdbc.queryForList(
        "select kind, savings_line_code, old_net_weekly_cost, new_net_weekly_cost, effective_date,"
            + " care_package_id from cost_change where source_process = 'CTR' and source_reference = ?",
        reference);
  }

  private static JsonNode find(JsonNode due, long personId, String kind) {
    for (JsonNode item : due) {
      if (item.at("/person/personId").asLong() == personId
          && item.get("kind").asText().equals(kind)) {
        return item;
      }
    }
    throw new AssertionError("nothing " + kind + " due for person " + personId + " in " + due);
  }

  private static String admission(LocalDate admitted, String extra) {
    return """
        {"hospital": "Example Assessment and Treatment Unit", "setting": "NON_SECURE", "outOfArea": false,
         "admissionDate": "%s", "commissioner": "NHS_INTEGRATED_CARE_BOARD",
         "communityReviewBeforeAdmission": false%s}"""
        .formatted(admitted, extra == null ? "" : ", " + extra);
  }

  private static String meeting(LocalDate day, String secondOwner, boolean discharge) {
    return """
        {"answerSafe": "Yes, with two-to-one support at night",
         "answerGoodCare": "Mostly; too little time outdoors",
         "answerFuturePlan": "Not yet: a community provider is needed",
         "answerNeedHospital": "No: care could be given in the community with the right support",
         "recommendations": [
           {"text": "Find a supported living provider", "owner": "sw.north", "dueDate": "%s"},
           {"text": "Daily time outdoors from next week", "owner": "%s", "dueDate": "%s"}],
         "dischargeRecommended": %s}"""
        .formatted(day.plusWeeks(4), secondOwner, day.plusWeeks(1), discharge);
  }

  private static String dischargePlan(LocalDate date) {
    return """
        {"serviceType": "SUPPORTED_LIVING", "provider": "Example Supported Living Ltd", "weeklyGrossCost": 2000.00,
         "assessedContribution": 0, "nhsSharePercent": 40, "dischargeDate": "%s",
         "dischargeReason": "Discharge recommended by the CTR; 40%% NHS share agreed with the ICB"}"""
        .formatted(date);
  }
}

package org.carereviews.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
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
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail on PostgreSQL: reads, refusals, exports and changes recorded; append-only; the
 * purge.
 */
@PostgresIntegrationTest
class AuditTrailIT {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired Teams teams;
  @Autowired CasebookService casebook;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditPurge purge;

  private Api api;
  private Person northPerson;
  private Person southPerson;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity);
    api = new Api(rest);
    Team north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    Team south = teams.findByCode("SOUTH").orElseGet(() -> teams.save(new Team("SOUTH", "South")));
    northPerson =
        casebook.recordPerson(
            "Ada Demo-Audit",
            LocalDate.of(1940, 5, 1),
            ClientGroup.OLDER_PEOPLE,
            north,
            Set.of(),
            Set.of(),
            "test");
    southPerson =
        casebook.recordPerson(
            "Bo Demo-Audit",
            LocalDate.of(1990, 2, 3),
            ClientGroup.AUTISM,
            south,
            Set.of(),
            Set.of(),
            "test");
  }

  @Test
  void readOfAPersonIsRecordedWithWhoWhatWhenAndWhereButNoContent() {
    Instant before = Instant.now().minusSeconds(1);
    api.get("sw.north", "/api/people/" + northPerson.getId(), HttpStatus.OK);

    JsonNode events =
        api.get(
            "auditor",
            "/api/audit?user=sw.north&recordType=person&recordId=" + northPerson.getId(),
            HttpStatus.OK);
    assertThat(events.get("totalElements").asInt()).isEqualTo(1);
    JsonNode event = events.at("/content/0");
    assertThat(event.get("action").asText()).isEqualTo("READ");
    assertThat(event.get("outcome").asText()).isEqualTo("ALLOWED");
    assertThat(event.get("clientAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(Instant.parse(event.get("occurredAt").asText())).isAfter(before);
    assertThat(event.toString()).doesNotContain("Ada").doesNotContain("Demo-Audit");
  }

  @Test
  void anotherTeamsPersonIsRefusedAndTheRefusalRecorded() {
    api.get("sw.north", "/api/people/" + southPerson.getId(), HttpStatus.FORBIDDEN);

    JsonNode events =
        api.get(
            "auditor",
            "/api/audit?user=sw.north&outcome=REFUSED&recordId=" + southPerson.getId(),
            HttpStatus.OK);
    assertThat(events.get("totalElements").asInt()).isEqualTo(1);
    assertThat(events.at("/content/0/recordType").asText()).isEqualTo("person");
    assertThat(events.at("/content/0/action").asText()).isEqualTo("READ");
    // One refusal, one event: the security layer that answers the 403 does not record it again.
    JsonNode asEndpoint =
        api.get("auditor", "/api/audit?user=sw.north&recordType=endpoint&size=100", HttpStatus.OK);
    assertThat(asEndpoint.findValuesAsText("recordId"))
        .doesNotContain("GET /api/people/" + southPerson.getId());
  }

  @Test
  void anAdministratorsReadsAreRecordedLikeAnyonesAndTheyCannotReadTheTrail() {
    api.get("admin", "/api/people/" + southPerson.getId() + "/packages", HttpStatus.OK);
    api.get("admin", "/api/audit", HttpStatus.FORBIDDEN);

    JsonNode events = api.get("auditor", "/api/audit?user=admin", HttpStatus.OK);
    // The audit trail refused the administrator at the door: recorded as a refused request for the
    // endpoint.
    assertThat(events.findValuesAsText("recordType")).contains("person", "endpoint");
    assertThat(events.findValuesAsText("recordId")).contains("GET /api/audit");
    assertThat(events.findValuesAsText("outcome")).contains("ALLOWED", "REFUSED");
    JsonNode refusedAtTheDoor =
        api.get("auditor", "/api/audit?user=admin&recordType=endpoint", HttpStatus.OK);
    assertThat(refusedAtTheDoor.findValuesAsText("clientAddress"))
        .isNotEmpty()
        .containsOnly("127.0.0.1");
  }

  @Test
  void exportsAndChangesAreRecorded() {
    api.download(
        "fin.head", "/api/savings/rollup/entries/export?financialYear=2024-25", HttpStatus.OK);
    api.post(
        "sw.north",
        "/api/people",
        """
        {"displayName": "Cy Demo-Audit", "dateOfBirth": "1950-01-01", "clientGroup": "OLDER_PEOPLE",
         "teamCode": "NORTH"}""",
        HttpStatus.CREATED);

    JsonNode exports = api.get("auditor", "/api/audit?user=fin.head&action=EXPORT", HttpStatus.OK);
    assertThat(exports.at("/content/0/recordType").asText()).isEqualTo("cost-change");
    assertThat(exports.at("/content/0/recordId").asText()).isEqualTo("2024/25");
    JsonNode created =
        api.get(
            "auditor", "/api/audit?user=sw.north&action=CREATE&recordType=person", HttpStatus.OK);
    assertThat(created.at("/content/0/recordId").asText()).matches("\\d+");
  }

  @Test
  void timeFilterAndBadFiltersAreChecked() {
    api.get("sw.north", "/api/people/" + northPerson.getId(), HttpStatus.OK);
    Instant future = Instant.now().plus(1, ChronoUnit.DAYS);
    JsonNode none = api.get("auditor", "/api/audit?from=" + future, HttpStatus.OK);
    assertThat(none.get("totalElements").asInt()).isZero();
    JsonNode problem = api.get("auditor", "/api/audit?action=PEEK", HttpStatus.BAD_REQUEST);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("action");
    api.get(
        "auditor",
        "/api/audit?from=" + future + "&to=" + future.minusSeconds(60),
        HttpStatus.BAD_REQUEST);
  }

  @Test
  void readsAndChangesThroughCamundasRestApiAreRecordedAndItsRefusalsToo() {
    long reviewId = requestReview();
    String process = processOf(reviewId);

    Instant before = Instant.now().minusSeconds(1);
    JsonNode found =
        api.get("sw.north", "/engine-rest/task?processInstanceId=" + process, HttpStatus.OK);
    String task = found.at("/0/id").asText();
    api.get("sw.north", "/engine-rest/task/" + task + "/form-variables", HttpStatus.OK);
    api.get("sw.south", "/engine-rest/task/" + task + "/form-variables", HttpStatus.FORBIDDEN);
    api.post(
        "sw.north",
        "/engine-rest/task/" + task + "/claim",
        "{\"userId\":\"sw.north\"}",
        HttpStatus.NO_CONTENT);
    api.get("sw.north", "/engine-rest/task/count", HttpStatus.OK);
    api.post(
        "sw.north",
        "/engine-rest/variable-instance",
        "{\"processInstanceIdIn\":[\"" + process + "\"]}",
        HttpStatus.OK);

    JsonNode north =
        api.get(
            "auditor",
            "/api/audit?user=sw.north&recordType=engine:task&from=" + before,
            HttpStatus.OK);
    assertThat(north.get("content"))
        .extracting(
            e ->
                e.get("action").asText()
                    + " "
                    + e.get("recordId").asText()
                    + " "
                    + e.get("outcome").asText())
        .containsExactlyInAnyOrder(
            "LIST /task ALLOWED", "READ " + task + " ALLOWED", "CHANGE " + task + " ALLOWED");
    JsonNode instance =
        api.get(
            "auditor",
            "/api/audit?user=sw.north&recordType=engine:process-instance&recordId=" + process,
            HttpStatus.OK);
    assertThat(instance.get("totalElements").asInt()).isEqualTo(1);
    assertThat(instance.at("/content/0/action").asText()).isEqualTo("READ");
    JsonNode south = api.get("auditor", "/api/audit?user=sw.south&recordId=" + task, HttpStatus.OK);
    assertThat(south.get("totalElements").asInt()).isEqualTo(1);
    assertThat(south.at("/content/0/action").asText()).isEqualTo("READ");
    assertThat(south.at("/content/0/outcome").asText()).isEqualTo("REFUSED");
    assertThat(south.at("/content/0/clientAddress").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void aWriteRefusedForWantOfARoleIsARefusedChangeNotARead() {
    Instant before = Instant.now();
    api.post(
        "fin.head",
        "/api/reviews",
        "{\"packageId\":1,\"requestedBy\":\"PERSON\",\"reason\":\"x\"}",
        HttpStatus.FORBIDDEN);
    api.get("fin.head", "/api/reviews/12345", HttpStatus.FORBIDDEN);

    JsonNode events =
        api.get(
            "auditor",
            "/api/audit?user=fin.head&recordType=endpoint&from=" + before,
            HttpStatus.OK);
    assertThat(events.get("content"))
        .extracting(
            e ->
                e.get("action").asText()
                    + " "
                    + e.get("recordId").asText()
                    + " "
                    + e.get("outcome").asText())
        .containsExactlyInAnyOrder(
            "CHANGE POST /api/reviews REFUSED", "READ GET /api/reviews/12345 REFUSED");
  }

  @Test
  void aRecordNotFoundAndBadInputThroughTheApiAreRefusedAndFailedNeverAllowed() {
    long reviewId = requestReview();
    long missing = reviewId + 1_000_000;

    api.get("sw.north", "/api/reviews/" + missing, HttpStatus.NOT_FOUND);
    api.post(
        "tm.north",
        "/api/reviews/" + reviewId + "/allocate",
        "{\"assignee\":\"sw.south\"}",
        HttpStatus.BAD_REQUEST);

    JsonNode notFound =
        api.get(
            "auditor",
            "/api/audit?user=sw.north&recordType=review&recordId=" + missing,
            HttpStatus.OK);
    assertThat(notFound.get("content"))
        .extracting(e -> e.get("action").asText() + " " + e.get("outcome").asText())
        .containsExactly("READ REFUSED");
    JsonNode badInput =
        api.get(
            "auditor",
            "/api/audit?user=tm.north&recordType=review&recordId=" + reviewId,
            HttpStatus.OK);
    assertThat(badInput.get("content"))
        .extracting(e -> e.get("action").asText() + " " + e.get("outcome").asText())
        .containsExactly("CHANGE FAILED");
  }

  @Test
  void engineCallsAnsweredWithAnErrorAreRefusedOrFailedNeverAllowed() {
    long reviewId = requestReview();
    String process = processOf(reviewId);
    String task =
        api.get("sw.north", "/engine-rest/task?processInstanceId=" + process, HttpStatus.OK)
            .at("/0/id")
            .asText();
    Instant before = Instant.now();

    // Records Camunda's authorizations hide from another team: answered 404, recorded as refused.
    api.get("sw.south", "/engine-rest/task/" + task, HttpStatus.NOT_FOUND);
    api.get("sw.south", "/engine-rest/process-instance/" + process, HttpStatus.NOT_FOUND);
    // Bad input: a body that is not JSON.
    var badBody =
        api.status(
            "sw.north",
            HttpMethod.POST,
            "/engine-rest/task/" + task + "/complete",
            MediaType.APPLICATION_JSON,
            "{not json");
    // A start the engine does not carry out (an unknown package): whatever error it answers, never
    // allowed.
    var start =
        api.status(
            "sw.north",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/CarePackageReview/start",
            MediaType.APPLICATION_JSON,
            "{\"variables\":{\"packageId\":{\"value\":999999999,\"type\":\"Long\"}}}");

    JsonNode south = api.get("auditor", "/api/audit?user=sw.south&from=" + before, HttpStatus.OK);
    assertThat(south.get("content"))
        .extracting(
            e ->
                e.get("action").asText()
                    + " "
                    + e.get("recordType").asText()
                    + " "
                    + e.get("recordId").asText()
                    + " "
                    + e.get("outcome").asText())
        .containsExactlyInAnyOrder(
            "READ engine:task " + task + " REFUSED",
            "READ engine:process-instance " + process + " REFUSED");
    assertThat(badBody.is4xxClientError()).isTrue();
    assertThat(start.isError()).isTrue();
    JsonNode north =
        api.get("auditor", "/api/audit?user=sw.north&action=CHANGE&from=" + before, HttpStatus.OK);
    assertThat(north.get("content"))
        .extracting(e -> e.get("recordType").asText() + " " + e.get("outcome").asText())
        .containsExactlyInAnyOrder(
            "engine:task " + expectedOutcome(badBody.value()),
            "engine:process-definition " + expectedOutcome(start.value()))
        .noneMatch(e -> e.endsWith("ALLOWED"));
  }

  /** REFUSED for 401, 403 and 404; FAILED for every other error. */
  private static String expectedOutcome(int status) {
    return status == 401 || status == 403 || status == 404 ? "REFUSED" : "FAILED";
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEvent() {
    api.get("sw.north", "/api/people/" + northPerson.getId(), HttpStatus.OK);

    assertThatThrownBy(() -> jdbc.update("update audit_event set user_id = 'someone.else'"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.queryForObject(
                    "select purge_audit_events(now() - interval '30 days')", Integer.class))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("365 days");
  }

  @Test
  void thePurgeDeletesOnlyEventsOlderThanTheRetentionPeriod() {
    insertEventAged(7 * 365, "purge.old");
    insertEventAged(3 * 365, "purge.kept");

    int deleted = purge.purge();

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(count("purge.old")).isZero();
    assertThat(count("purge.kept")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'PURGE'", Integer.class))
        .isPositive();
  }

  private void insertEventAged(int days, String user) {
    jdbc.update(
        "insert into audit_event (occurred_at, user_id, action, record_type, record_id, outcome) "
            + "values (?, ?, 'READ', 'person', '1', 'ALLOWED')",
        Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)),
        user);
  }

  private int count(String user) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where user_id = ?", Integer.class, user);
  }

  /** A review sw.north asks for, on a new NORTH package. */
  private long requestReview() {
    CarePackage carePackage =
        casebook.recordPackage(
            northPerson,
            new PackageTerms(
                ServiceType.HOME_CARE,
                "Audit Care Ltd",
                Money.of("250.00"),
                Money.of("0.00"),
                BigDecimal.ZERO,
                LocalDate.of(2024, 4, 1),
                null,
                LocalDate.of(2031, 4, 1)),
            "initial",
            "test");
    return api.post(
            "sw.north",
            "/api/reviews",
            "{\"packageId\":"
                + carePackage.getId()
                + ",\"requestedBy\":\"PERSON\",\"reason\":\"Asked for a review\"}",
            HttpStatus.CREATED)
        .get("id")
        .asLong();
  }

  private String processOf(long reviewId) {
    return jdbc.queryForObject(
        "select process_instance_id from care_review where id = ?", String.class, reviewId);
  }
}

package org.carereviews.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestTokens;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Malformed and hostile requests, as the malformed-input run of issue 14 sent them: each is refused
 * with a 4xx problem detail (naming the field at fault), writes nothing, and logs no error.
 * Requests go out through the JDK's HTTP client so that nothing is tidied on the way (raw paths,
 * TRACE, broken bodies).
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
    properties = {"camunda.bpm.job-execution.enabled=false", "care-reviews.review.schedule=-"})
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIT {

  /**
   * Every table a refused request must leave alone (the audit trail records refusals, so it is not
   * here).
   */
  private static final List<String> TABLES =
      List.of(
          "care_review",
          "care_review_outcome",
          "care_review_change",
          "care_review_event",
          "savings_fact",
          "cost_change_attribution",
          "saving_validation_step",
          "board_meeting",
          "board_item",
          "efficiency_proposal",
          "package_request",
          "panel_decision",
          "savings_line",
          "savings_target",
          "cost_change",
          "saving_status_event",
          "team",
          "cohort",
          "person",
          "care_package",
          "care_package_version",
          "ctr_register_entry",
          "ctr_review",
          "ctr_recommendation",
          "act_ru_execution",
          "act_ru_variable");

  private static final String JSON = "application/json";
  private static final String CSV = "text/csv";
  private static final String ENGINE_JSON = "engine";

  @Autowired IdentityService identity;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private Fixture fixture;

  /**
   * A hostile request: who sends it, what, and how it must be refused (field null: no single field
   * at fault).
   */
  record Hostile(
      String user,
      String method,
      String path,
      String contentType,
      String body,
      Set<Integer> statuses,
      String field) {}

  /** The records the cases refer to. */
  record Fixture(
      long northPerson,
      long northPackage,
      String northPersonRef,
      String northPackageRef,
      long southPackage,
      long openReview,
      String conductTask,
      String lineCode) {}

  @BeforeAll
  void setUp() {
    TestUsers.ensure(identity);
    Team north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    Team south = teams.findByCode("SOUTH").orElseGet(() -> teams.save(new Team("SOUTH", "South")));
    Person ada =
        casebook.recordPerson(
            "Hostile Test North",
            LocalDate.of(1950, 1, 2),
            ClientGroup.OLDER_PEOPLE,
            north,
            Set.of(),
            Set.of(),
            "test");
    Person bea =
        casebook.recordPerson(
            "Hostile Test South",
            LocalDate.of(1960, 3, 4),
            ClientGroup.OLDER_PEOPLE,
            south,
            Set.of(),
            Set.of(),
            "test");
    CarePackage northPackage = packageOf(ada, "500.00");
    CarePackage southPackage = packageOf(bea, "300.00");
    String line = "HOSTILE-" + System.nanoTime() % 100000;
    lines.save(
        new SavingsLine(line, "Hostile input line", "Tests", SavingsKind.CASHABLE_SAVING, "ASC"));
    long review =
        send(new Hostile(
                "sw.north",
                "POST",
                "/api/reviews",
                JSON,
                "{\"packageId\":"
                    + northPackage.getId()
                    + ",\"requestedBy\":\"PROVIDER\",\"reason\":\"Provider reports a change\"}",
                Set.of(201),
                null))
            .body()
            .get("id")
            .asLong();
    send(
        new Hostile(
            "sw.north", "POST", "/api/reviews/" + review + "/claim", JSON, "", Set.of(200), null));
    String process =
        jdbc.queryForObject(
            "select process_instance_id from care_review where id = ?", String.class, review);
    String conductTask = tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
    fixture =
        new Fixture(
            ada.getId(),
            northPackage.getId(),
            ada.getReference(),
            northPackage.getReference(),
            southPackage.getId(),
            review,
            conductTask,
            line);
  }

  private CarePackage packageOf(Person person, String weekly) {
    return casebook.recordPackage(
        person,
        new PackageTerms(
            ServiceType.HOME_CARE,
            "Example Care Ltd",
            Money.of(weekly),
            Money.ZERO,
            BigDecimal.ZERO,
            LocalDate.now().minusYears(1),
            null,
            LocalDate.now().plusMonths(6)),
        "initial",
        "test");
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    // --- 11: answered 500
    add(
        cases,
        "11 */* as the content type of a JSON write",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                "*/*",
                person("\"displayName\":\"Star Type\""),
                Set.of(415),
                null));
    add(
        cases,
        "11 a JSON key sent twice",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Twice One\",\"displayName\":\"Twice Two\""),
                Set.of(400),
                "displayName"));
    add(
        cases,
        "11 a page beyond the last",
        f ->
            new Hostile(
                "sw.north", "GET", "/api/people?page=2147483647", null, null, Set.of(400), "page"));
    add(
        cases,
        "11 a page beyond the last (reviews)",
        f ->
            new Hostile(
                "sw.north",
                "GET",
                "/api/reviews?page=2147483647&size=100",
                null,
                null,
                Set.of(400),
                "page"));
    add(
        cases,
        "11 a board month in the year 10000",
        f ->
            new Hostile(
                "fin.head",
                "POST",
                "/api/savings/board/meetings",
                JSON,
                "{\"month\":\"+10000-01\"}",
                Set.of(400),
                "month"));
    add(
        cases,
        "11 a programme target of --5",
        f ->
            new Hostile(
                "fin.head",
                "POST",
                "/api/savings/lines/import",
                CSV,
                "code,name,theme,kind,financialYear,target\nHX-1,Line,Theme,CASHABLE_SAVING,2030/31,--5\n",
                Set.of(400),
                "target"));
    add(
        cases,
        "11 a multipart upload without its closing boundary",
        f ->
            new Hostile(
                "fin.head",
                "POST",
                "/api/savings/lines/import",
                "multipart/form-data; boundary=XyZ",
                "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"l.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                    + "code,name,theme,kind,financialYear,target\nHX-2,Line,Theme,CASHABLE_SAVING,2030/31,-5\n",
                Set.of(400),
                null));
    add(
        cases,
        "11 a panel request effective in 1900",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/panel/requests",
                JSON,
                panelRequest(f, "1900-01-01"),
                Set.of(400),
                "proposed.effectiveDate"));
    add(
        cases,
        "11 a weekly cost above GBP 9,999,999,999.99 in the tracker import",
        f ->
            new Hostile(
                "fin.head",
                "POST",
                "/api/savings/cost-changes/import",
                CSV,
                tracker(f, "10000000000.00", "500.00"),
                Set.of(400),
                "oldWeeklyCost"));
    add(
        cases,
        "11 a weekly cost above the ceiling in the tracker import",
        f ->
            new Hostile(
                "fin.head",
                "POST",
                "/api/savings/cost-changes/import",
                CSV,
                tracker(f, "2000000.00", "1500000.00"),
                Set.of(400),
                "oldWeeklyCost"));
    add(
        cases,
        "11 a weekly cost above the ceiling in a panel request",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/panel/requests",
                JSON,
                panelRequest(f, LocalDate.now().toString())
                    .replace("\"weeklyGrossCost\":520.00", "\"weeklyGrossCost\":1000000.01"),
                Set.of(400),
                "proposed.weeklyGrossCost"));
    add(
        cases,
        "11 starting a review through the engine API for another team's package",
        f ->
            new Hostile(
                "sw.south",
                "POST",
                "/engine-rest/process-definition/key/CarePackageReview/start",
                ENGINE_JSON,
                "{\"variables\":{\"packageId\":{\"value\":"
                    + f.northPackage()
                    + ",\"type\":\"Long\"},"
                    + "\"requestedBy\":{\"value\":\"PERSON\"},\"requestReason\":{\"value\":\"Asked\"}}}",
                Set.of(403),
                null));
    add(
        cases,
        "11 starting a review through the engine API for an unknown package",
        f ->
            new Hostile(
                "sw.south",
                "POST",
                "/engine-rest/process-definition/key/CarePackageReview/start",
                ENGINE_JSON,
                "{\"variables\":{\"packageReference\":{\"value\":\"PKG-999999\"},"
                    + "\"requestedBy\":{\"value\":\"PERSON\"},\"requestReason\":{\"value\":\"Asked\"}}}",
                Set.of(400, 404),
                null));
    add(
        cases,
        "11 starting a review through the engine API with an unknown requester",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/engine-rest/process-definition/key/CarePackageReview/start",
                ENGINE_JSON,
                "{\"variables\":{\"packageId\":{\"value\":"
                    + f.northPackage()
                    + ",\"type\":\"Long\"},"
                    + "\"requestedBy\":{\"value\":\"NOBODY\"},\"requestReason\":{\"value\":\"Asked\"}}}",
                Set.of(400),
                null));
    add(
        cases,
        "11 starting a review through the engine API due in the year 10000",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/engine-rest/process-definition/key/CarePackageReview/start",
                ENGINE_JSON,
                "{\"variables\":{\"packageId\":{\"value\":"
                    + f.northPackage()
                    + ",\"type\":\"Long\"},"
                    + "\"requestedBy\":{\"value\":\"PERSON\"},\"requestReason\":{\"value\":\"Asked\"},"
                    + "\"requestedDueDate\":{\"value\":\"+10000-01-01\"}}}",
                Set.of(400),
                null));
    add(
        cases,
        "11 */* as the content type of an engine API write",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/engine-rest/process-definition/key/CarePackageReview/start",
                "*/*",
                "{}",
                Set.of(415),
                null));
    add(
        cases,
        "11 TRACE on the engine API",
        f -> new Hostile("sw.north", "TRACE", "/engine-rest/task", null, null, Set.of(405), null));
    add(
        cases,
        "11 an encoded slash on the engine API",
        f ->
            new Hostile(
                "sw.north", "GET", "/engine-rest/task/x%2F..%2Fy", null, null, Set.of(400), null));
    // --- 12: accepted and wrote data
    add(
        cases,
        "12 NO_CHANGE with a negative proposed cost",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/reviews/" + f.openReview() + "/outcome",
                JSON,
                outcome("NO_CHANGE", ",\"proposedWeeklyGrossCost\":-5"),
                Set.of(400),
                "proposedWeeklyGrossCost"));
    add(
        cases,
        "12 NO_CHANGE with a negative proposed cost through the engine API",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/engine-rest/task/" + f.conductTask() + "/complete",
                ENGINE_JSON,
                "{\"variables\":{"
                    + "\"conversationConnect\":{\"value\":true},\"strengthsAndAssets\":{\"value\":\"Daughter nearby\"},"
                    + "\"outcomesWanted\":{\"value\":\"Stay at home\"},\"personViews\":{\"value\":\"Fewer visits\"},"
                    + "\"outcome\":{\"value\":\"NO_CHANGE\"},\"proposedWeeklyGrossCost\":{\"value\":\"-5\"}}}",
                Set.of(400),
                null));
    add(
        cases,
        "12 a CSV row with more values than the header",
        f ->
            new Hostile(
                "fin.head",
                "POST",
                "/api/savings/lines/import",
                CSV,
                "code,name,theme,kind,financialYear,target\nHX-3,Line,Theme,CASHABLE_SAVING,2030/31,-5,HX-4,Line\n",
                Set.of(400),
                null));
    add(
        cases,
        "12 text after the JSON body",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Trailing Text\"") + "x",
                Set.of(400),
                null));
    add(
        cases,
        "12 a second JSON document",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Second Doc\"") + " {}",
                Set.of(400),
                null));
    add(
        cases,
        "12 a date-time where a date is due",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Date Time\"")
                    .replace("\"1950-06-01\"", "\"1950-06-01T10:00:00\""),
                Set.of(400),
                "dateOfBirth"));
    add(
        cases,
        "12 an enum given as a number",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Enum Number\"").replace("\"OLDER_PEOPLE\"", "0"),
                Set.of(400),
                "clientGroup"));
    add(
        cases,
        "12 a hexadecimal path id",
        f ->
            new Hostile(
                "sw.north",
                "GET",
                "/api/people/0x" + Long.toHexString(f.northPerson()),
                null,
                null,
                Set.of(400),
                "id"));
    add(
        cases,
        "12 a path id with a plus sign",
        f ->
            new Hostile(
                "sw.north",
                "GET",
                "/api/people/+" + f.northPerson(),
                null,
                null,
                Set.of(400),
                "id"));
    add(
        cases,
        "12 a path id with a plus sign on a write",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people/+" + f.northPerson() + "/packages",
                JSON,
                packageTerms(LocalDate.now().toString()),
                Set.of(400),
                "id"));
    add(
        cases,
        "12 NUL in a name",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Nul\\u0000Name\""),
                Set.of(400),
                "displayName"));
    add(
        cases,
        "12 a control character in a name",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Bell\\u0007Name\""),
                Set.of(400),
                "displayName"));
    add(
        cases,
        "12 a newline in a name",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Two\\nLines\""),
                Set.of(400),
                "displayName"));
    add(
        cases,
        "12 NUL in free text",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people/" + f.northPerson() + "/packages",
                JSON,
                packageTerms(LocalDate.now().toString())
                    .replace("\"Started\"", "\"Sta\\u0000rted\""),
                Set.of(400),
                "reason"));
    add(
        cases,
        "12 born in 1800",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people",
                JSON,
                person("\"displayName\":\"Very Old\"").replace("1950-06-01", "1800-06-01"),
                Set.of(400),
                "dateOfBirth"));
    add(
        cases,
        "12 a package starting 9999-12-31",
        f ->
            new Hostile(
                "sw.north",
                "POST",
                "/api/people/" + f.northPerson() + "/packages",
                JSON,
                packageTerms("9999-12-31"),
                Set.of(400),
                "startDate"));
    add(
        cases,
        "12 a tracker change effective in 9999",
        f ->
            new Hostile(
                "fin.head",
                "POST",
                "/api/savings/cost-changes/import",
                CSV,
                tracker(f, "500.00", "450.00").replace("2030-05-01", "9999-05-01"),
                Set.of(400),
                "effectiveDate"));
    // --- 13: answers that were not problem details
    add(
        cases,
        "13 TRACE",
        f -> new Hostile("sw.north", "TRACE", "/api/people", null, null, Set.of(405), null));
    add(
        cases,
        "13 an encoded slash in the path",
        f -> new Hostile("sw.north", "GET", "/api/people%2F1", null, null, Set.of(400, 404), null));
    add(
        cases,
        "13 encoded dots in the path",
        f ->
            new Hostile(
                "sw.north", "GET", "/api/%2e%2e/api/people", null, null, Set.of(400, 404), null));
    add(
        cases,
        "13 encoded dot-dot-slash in the path",
        f ->
            new Hostile(
                "sw.north", "GET", "/api/people/%2e%2e%2F", null, null, Set.of(400, 404), null));
    add(
        cases,
        "13 over 1,000 query parameters",
        f ->
            new Hostile(
                "sw.north",
                "GET",
                "/api/people?"
                    + Stream.iterate(0, i -> i + 1)
                        .limit(1100)
                        .map(i -> "a=1")
                        .collect(Collectors.joining("&")),
                null,
                null,
                Set.of(400),
                null));
    add(
        cases,
        "13 a missing required query parameter",
        f ->
            new Hostile(
                "panel.asc",
                "GET",
                "/api/panel/measures?to=2030-01-31",
                null,
                null,
                Set.of(400),
                "from"));
    add(
        cases,
        "13 a query parameter of the wrong type",
        f ->
            new Hostile(
                "panel.asc",
                "GET",
                "/api/panel/measures?from=yesterday&to=2030-01-31",
                null,
                null,
                Set.of(400),
                "from"));
    add(
        cases,
        "11 a measure from the year 999999999",
        f ->
            new Hostile(
                "panel.asc",
                "GET",
                "/api/panel/measures?from=%2B999999999-01-01&to=%2B999999999-01-31",
                null,
                null,
                Set.of(400),
                "from"));
    return cases.stream();
  }

  private static void add(List<Arguments> cases, String name, Function<Fixture, Hostile> request) {
    cases.add(Arguments.of(name, request));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAProblemDetailAndWritesNothing(
      String name, Function<Fixture, Hostile> request) {
    Hostile hostile = request.apply(fixture);
    Map<String, Long> before = counts();

    Answer answer = send(hostile);

    assertThat(answer.status()).as(name + " answered " + answer.raw()).isIn(hostile.statuses());
    if (hostile.path().startsWith("/engine-rest")) {
      assertThat(answer.contentType())
          .as(name + " answered " + answer.raw())
          .matches("application/(problem\\+)?json.*");
    } else {
      assertThat(answer.contentType())
          .as(name + " answered " + answer.raw())
          .startsWith("application/problem+json");
      assertThat(answer.body().path("status").asInt()).as(name).isEqualTo(answer.status());
    }
    if (hostile.field() != null) {
      assertThat(answer.body().path("errors").findValuesAsText("field"))
          .as(name + " answered " + answer.raw())
          .contains(hostile.field());
    }
    assertThat(counts()).as(name + ": nothing written").isEqualTo(before);
  }

  @Test
  void refusedRequestsLogNoErrorNorStackTrace(CapturedOutput output) {
    int from = output.getAll().length();
    cases()
        .forEach(
            arguments -> {
              @SuppressWarnings("unchecked")
              Function<Fixture, Hostile> request = (Function<Fixture, Hostile>) arguments.get()[1];
              send(request.apply(fixture));
            });
    String logged = output.getAll().substring(from);
    List<String> bad =
        logged
            .lines()
            .filter(
                l ->
                    l.contains(" ERROR ")
                        || l.contains(" WARN ")
                        || l.startsWith("\tat ")
                        || l.startsWith("Caused by"))
            .toList();
    assertThat(bad).as("refusals logged as errors").isEmpty();
  }

  @Test
  void twoOutcomesRecordedAtOnceOnOneReviewAreOneSuccessAndOneConflict() throws Exception {
    for (int attempt = 0; attempt < 4; attempt++) {
      long packageId =
          packageOf(
                  casebook.recordPerson(
                      "Hostile Race",
                      LocalDate.of(1955, 1, 1),
                      ClientGroup.OLDER_PEOPLE,
                      teams.findByCode("NORTH").orElseThrow(),
                      Set.of(),
                      Set.of(),
                      "test"),
                  "400.00")
              .getId();
      long review =
          send(new Hostile(
                  "sw.north",
                  "POST",
                  "/api/reviews",
                  JSON,
                  "{\"packageId\":"
                      + packageId
                      + ",\"requestedBy\":\"PROVIDER\",\"reason\":\"Provider reports a change\"}",
                  Set.of(201),
                  null))
              .body()
              .get("id")
              .asLong();
      send(
          new Hostile(
              "sw.north",
              "POST",
              "/api/reviews/" + review + "/claim",
              JSON,
              "",
              Set.of(200),
              null));
      Hostile outcome =
          new Hostile(
              "sw.north",
              "POST",
              "/api/reviews/" + review + "/outcome",
              JSON,
              outcome("NO_CHANGE", ""),
              Set.of(200),
              null);
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Answer>> both =
          List.of(
              CompletableFuture.supplyAsync(() -> awaitThenSend(start, outcome)),
              CompletableFuture.supplyAsync(() -> awaitThenSend(start, outcome)));
      start.countDown();
      List<Answer> answers = both.stream().map(CompletableFuture::join).toList();

      assertThat(answers)
          .as("answers " + answers)
          .allSatisfy(a -> assertThat(a.status()).isIn(200, 400, 409));
      assertThat(answers.stream().filter(a -> a.status() == 200))
          .as("answers " + answers)
          .hasSize(1);
      answers.stream()
          .filter(a -> a.status() != 200)
          .forEach(a -> assertThat(a.contentType()).startsWith("application/problem+json"));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from care_review_outcome where care_review_id = ?",
                  Long.class,
                  review))
          .isEqualTo(1);
    }
  }

  private Answer awaitThenSend(CountDownLatch start, Hostile hostile) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return send(hostile);
  }

  // --- requests

  record Answer(int status, String contentType, JsonNode body, String raw) {}

  private Answer send(Hostile hostile) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + hostile.path()))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + TestTokens.forUser(hostile.user()))
            .header("Accept", "application/json, application/problem+json");
    if (hostile.contentType() != null) {
      builder.header(
          "Content-Type", ENGINE_JSON.equals(hostile.contentType()) ? JSON : hostile.contentType());
    }
    builder.method(
        hostile.method(),
        hostile.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(hostile.body(), StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      JsonNode body;
      try {
        body = raw == null || raw.isBlank() ? json.createObjectNode() : json.readTree(raw);
      } catch (IOException e) {
        body = json.createObjectNode();
      }
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          body,
          raw == null ? "" : raw.substring(0, Math.min(raw.length(), 600)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(
        table ->
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
    return counts;
  }

  private static String person(String name) {
    return "{"
        + name
        + ",\"dateOfBirth\":\"1950-06-01\",\"clientGroup\":\"OLDER_PEOPLE\",\"teamCode\":\"NORTH\"}";
  }

  private static String packageTerms(String start) {
    return "{\"serviceType\":\"HOME_CARE\",\"provider\":\"Example Care Ltd\",\"weeklyGrossCost\":100.00,"
        + "\"startDate\":\""
        + start
        + "\",\"reason\":\"Started\"}";
  }

  private static String panelRequest(Fixture f, String effective) {
    return "{\"type\":\"PACKAGE_CHANGE\",\"personId\":"
        + f.northPerson()
        + ",\"currentPackageId\":"
        + f.northPackage()
        + ",\"proposed\":{\"serviceType\":\"HOME_CARE\",\"provider\":\"Example Care Ltd\",\"weeklyGrossCost\":520.00,"
        + "\"effectiveDate\":\""
        + effective
        + "\"},\"reason\":\"Needs more support\"}";
  }

  private static String tracker(Fixture f, String oldCost, String newCost) {
    return "personRef,packageRef,oldWeeklyCost,newWeeklyCost,effectiveDate,lineCode,kind,status\n"
        + f.northPersonRef()
        + ","
        + f.northPackageRef()
        + ","
        + oldCost
        + ","
        + newCost
        + ",2030-05-01,"
        + f.lineCode()
        + ",CASHABLE_SAVING,identified\n";
  }

  private static String outcome(String outcome, String more) {
    return "{\"conversationConnect\":true,\"conversationCrisis\":false,\"conversationLongTerm\":true,"
        + "\"strengthsAndAssets\":\"Close to a daughter\",\"outcomesWanted\":\"Stay at home\","
        + "\"personViews\":\"Wants fewer visits\",\"carerViews\":\"Happy to help\",\"outcome\":\""
        + outcome
        + "\""
        + more
        + "}";
  }
}

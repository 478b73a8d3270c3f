package org.carereviews.savings.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.savings.SourceProcess;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Finance validation and board ratification on PostgreSQL, through the API as the demo users: a
 * review's reduction approved by the team manager under delegated authority (the real panel)
 * becomes an identified saving, is validated at an adjusted amount and ratified by the board, and
 * the roll-up's ratified figure for its line moves by exactly the validated in-year amount. The job
 * executor is off: the test runs the asynchronous steps itself.
 */
@PostgresIntegrationTest
@TestPropertySource(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "care-reviews.review.schedule=-",
      "care-reviews.panel.scheduler-enabled=false",
      "care-reviews.savings.validation.board-scheduler-enabled=false"
    })
class SavingsValidationIT {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
  @Autowired SavingsLedger ledger;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  private Api api;
  private LocalDate today;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    TestUsers.ensure(identity);
    today = LocalDate.now(clock);
    for (String line :
        List.of(
            "HWA Sav 06",
            "HWA Sav 07",
            "HWA Sav 08",
            "HWA Sav 09",
            "HWA Sav 10",
            "HWA Sav 19",
            "HWA Sav 20")) {
      if (!lines.existsById(line)) {
        lines.save(
            new SavingsLine(line, line, "Validation tests", SavingsKind.CASHABLE_SAVING, "ASC"));
      }
    }
  }

  @Test
  void anApprovedReductionIsValidatedAtAnAdjustedAmountRatifiedAndCountedAsDelivered() {
    CarePackage carePackage = packageInTeam("500.00");
    LocalDate effective = today.plusDays(7);
    long reviewId =
        api.post(
                "sw.north",
                "/api/reviews",
                "{\"packageId\":"
                    + carePackage.getId()
                    + ",\"requestedBy\":\"PROVIDER\",\"reason\":\"The provider reports the person now manages mornings\"}",
                HttpStatus.CREATED)
            .get("id")
            .asLong();
    api.post("sw.north", "/api/reviews/" + reviewId + "/claim", "", HttpStatus.OK);
    api.post(
        "sw.north",
        "/api/reviews/" + reviewId + "/outcome",
        reduction("450.00", effective),
        HttpStatus.OK);
    runJobs();
    long requestId =
        jdbc.queryForObject(
            "select r.id from package_request r join care_review v"
                + " on v.process_instance_id = r.source_process_instance_id where v.id = ?",
            Long.class,
            reviewId);
    // the real panel: a small reduction is the team manager's under delegated authority
    api.post(
        "tm.north",
        "/api/panel/requests/" + requestId + "/decision",
        "{\"outcome\":\"APPROVED\",\"rationale\":\"Rehabilitation outcome recorded\"}",
        HttpStatus.OK);
    runJobs();

    // identified, with a validation waiting in finance's queue
    long saving =
        jdbc.queryForObject(
            "select id from cost_change where care_package_id = ? and entry_type = 'CHANGE'",
            Long.class,
            carePackage.getId());
    String line =
        jdbc.queryForObject(
            "select savings_line_code from cost_change where id = ?", String.class, saving);
    FinancialYear year =
        new FinancialYear(
            jdbc.queryForObject(
                "select financial_year from cost_change where id = ?", Integer.class, saving));
    assertThat(queueOf("fin.validator")).contains(saving);
    JsonNode evidence =
        api.get("fin.validator", "/api/savings/validations/" + saving, HttpStatus.OK);
    assertThat(evidence.get("stage").asText()).isEqualTo("IDENTIFIED");
    assertThat(evidence.get("claimedWeeklyDelta").decimalValue()).isEqualByComparingTo("-50.00");
    assertThat(evidence.get("effectiveDate").asText()).isEqualTo(effective.toString());
    assertThat(evidence.at("/versionBefore/netWeeklyCost").decimalValue())
        .isEqualByComparingTo("500.00");
    assertThat(evidence.at("/versionAfter/netWeeklyCost").decimalValue())
        .isEqualByComparingTo("450.00");
    assertThat(evidence.at("/approval/outcome").asText()).isEqualTo("APPROVED");
    assertThat(evidence.at("/approval/decidedBy/0").asText()).isEqualTo("tm.north");
    assertThat(evidence.get("waitingFor").asText()).isEqualTo(Validation.TASK_VALIDATE);

    // bad input: refused, nothing changed
    api.post(
        "sw.north",
        "/api/savings/validations/" + saving,
        validate("-40.00", true, "x"),
        HttpStatus.FORBIDDEN);
    assertField(
        api.post(
            "fin.validator",
            "/api/savings/validations/" + saving,
            validate("-40.00", true, null),
            HttpStatus.BAD_REQUEST),
        "reason");
    assertField(
        api.post(
            "fin.validator",
            "/api/savings/validations/" + saving,
            validate("40.00", true, "wrong sign"),
            HttpStatus.BAD_REQUEST),
        "validatedWeeklyDelta");
    assertField(
        api.post(
            "fin.validator",
            "/api/savings/validations/" + saving,
            validate("-40.00", false, "x"),
            HttpStatus.BAD_REQUEST),
        "newCostLive");
    assertThat(ledger.stageOf(CostChangeId.of(saving)).name()).isEqualTo("IDENTIFIED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from saving_validation_step where cost_change_id = ?",
                Integer.class,
                saving))
        .isZero();
    Map<String, Object> before = ratifiedOf(year, line);

    // validated at an adjusted amount, with the reason
    api.post(
        "fin.validator",
        "/api/savings/validations/" + saving,
        validate("-40.00", true, "Provider invoice shows GBP 40 a week less"),
        HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(saving)).name()).isEqualTo("VALIDATED");
    // validating twice is refused
    api.post(
        "fin.validator",
        "/api/savings/validations/" + saving,
        validate(null, true, null),
        HttpStatus.CONFLICT);

    // ratifying: the board's list for the month; an unvalidated saving is never on it
    String month = "2031-0" + (1 + (int) (saving % 9));
    api.post(
        "fin.head",
        "/api/savings/board/meetings",
        "{\"month\":\"" + month + "\"}",
        HttpStatus.CREATED);
    runJobs();
    JsonNode list = api.get("board.member", "/api/savings/board/meetings/" + month, HttpStatus.OK);
    assertThat(list.get("items").findValuesAsText("costChangeId")).contains(String.valueOf(saving));
    // a hold-back without a reason is refused, nothing changed
    assertField(
        api.post(
            "board.member",
            "/api/savings/board/meetings/" + month + "/decision",
            "{\"holdBacks\":[{\"costChangeId\":" + saving + "}]}",
            HttpStatus.BAD_REQUEST),
        "holdBack");
    assertThat(ledger.stageOf(CostChangeId.of(saving)).name()).isEqualTo("VALIDATED");
    JsonNode decided =
        api.post(
            "board.member",
            "/api/savings/board/meetings/" + month + "/decision",
            "{\"holdBacks\":[]}",
            HttpStatus.OK);
    assertThat(decided.get("decided").asBoolean()).isTrue();
    assertThat(ledger.stageOf(CostChangeId.of(saving)).name()).isEqualTo("RATIFIED");

    // the roll-up's ratified (delivered) in-year figure for the line moved by exactly the validated
    // in-year amount
    Money validatedInYear = ledger.effectOf(Money.of("-40.00"), effective).inYearEffect();
    Map<String, Object> after = ratifiedOf(year, line);
    assertThat(((BigDecimal) after.get("inYear")).subtract((BigDecimal) before.get("inYear")))
        .isEqualByComparingTo(validatedInYear.amount());
    assertThat(
            jdbc.queryForList(
                "select status from saving_status_event where cost_change_id = ? order by id",
                String.class,
                saving))
        .containsExactly("IDENTIFIED", "VALIDATED", "RATIFIED");
  }

  @Test
  void fourEyesRejectionResubmissionSecondValidationAndHoldBack() {
    // recorded by a finance validator (e.g. by hand): they may not validate it themselves
    long own = record("fin.validator", "500.00", "480.00");
    assertField(
        api.post(
            "fin.validator",
            "/api/savings/validations/" + own,
            validate(null, true, null),
            HttpStatus.BAD_REQUEST),
        "validator");
    assertThat(ledger.stageOf(CostChangeId.of(own)).name()).isEqualTo("IDENTIFIED");

    // above the threshold (50 x 52.14 > 20,000 needs 400 a week): the head of finance validates a
    // second time
    long large = record("sw.north", "1500.00", "1000.00");
    api.post(
        "fin.validator",
        "/api/savings/validations/" + large,
        validate(null, true, null),
        HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(large)).name()).isEqualTo("IDENTIFIED");
    assertThat(queueOf("fin.head")).contains(large);
    api.post(
        "fin.validator",
        "/api/savings/validations/" + large,
        validate(null, true, null),
        HttpStatus.FORBIDDEN);
    api.post(
        "fin.head", "/api/savings/validations/" + large, validate(null, true, null), HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(large)).name()).isEqualTo("VALIDATED");

    // rejected with a reason: back to the recorder, who corrects and resubmits; then validated in a
    // batch
    long rejected = record("sw.north", "300.00", "250.00");
    assertField(
        api.post(
            "fin.validator",
            "/api/savings/validations/" + rejected,
            "{\"decision\":\"REJECT\"}",
            HttpStatus.BAD_REQUEST),
        "reason");
    api.post(
        "fin.validator",
        "/api/savings/validations/" + rejected,
        "{\"decision\":\"REJECT\",\"reason\":\"No evidence the provider is paid less\"}",
        HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(rejected)).name()).isEqualTo("REJECTED");
    assertThat(queueOf("sw.north")).contains(rejected);
    api.post(
        "sw.south",
        "/api/savings/validations/" + rejected + "/resubmission",
        "{\"note\":\"x\"}",
        HttpStatus.FORBIDDEN);
    api.post(
        "sw.north",
        "/api/savings/validations/" + rejected + "/resubmission",
        "{\"note\":\"Provider's revised schedule attached\"}",
        HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(rejected)).name()).isEqualTo("IDENTIFIED");
    long withdrawn = record("sw.north", "200.00", "190.00");
    // a batch is all or nothing: the second item's refusal leaves the first unvalidated
    assertField(
        api.post(
            "fin.validator",
            "/api/savings/validations/batch",
            "{\"items\":[" + item(rejected, null) + "," + item(own, null) + "]}",
            HttpStatus.BAD_REQUEST),
        "items[1].validator");
    assertThat(ledger.stageOf(CostChangeId.of(rejected)).name()).isEqualTo("IDENTIFIED");
    api.post(
        "fin.validator",
        "/api/savings/validations/batch",
        "{\"items\":[" + item(rejected, null) + "]}",
        HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(rejected)).name()).isEqualTo("VALIDATED");

    // rejected and withdrawn by the recorder
    api.post(
        "fin.validator",
        "/api/savings/validations/" + withdrawn,
        "{\"decision\":\"REJECT\",\"reason\":\"Package ended, not reduced\"}",
        HttpStatus.OK);
    api.post(
        "sw.north",
        "/api/savings/validations/" + withdrawn + "/withdrawal",
        "{\"note\":\"Recorded on the wrong package\"}",
        HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(withdrawn)).name()).isEqualTo("WITHDRAWN");

    // the board holds one back with a reason and ratifies the rest; the held-back one comes up
    // again next month
    String month = "2032-0" + (1 + (int) (large % 8));
    api.post(
        "fin.head",
        "/api/savings/board/meetings",
        "{\"month\":\"" + month + "\"}",
        HttpStatus.CREATED);
    runJobs();
    api.post(
        "board.member",
        "/api/savings/board/meetings/" + month + "/decision",
        "{\"holdBacks\":[{\"costChangeId\":"
            + large
            + ",\"reason\":\"Wait for the first month's invoice\"}]}",
        HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(large)).name()).isEqualTo("VALIDATED");
    assertThat(ledger.stageOf(CostChangeId.of(rejected)).name()).isEqualTo("RATIFIED");
    api.post(
        "board.member",
        "/api/savings/board/meetings/" + month + "/decision",
        "{\"holdBacks\":[]}",
        HttpStatus.CONFLICT);
    String next = "2032-0" + (2 + (int) (large % 8));
    api.post(
        "fin.head",
        "/api/savings/board/meetings",
        "{\"month\":\"" + next + "\"}",
        HttpStatus.CREATED);
    assertThat(
            api.get("board.member", "/api/savings/board/meetings/" + next, HttpStatus.OK)
                .get("items")
                .findValuesAsText("costChangeId"))
        .contains(String.valueOf(large));
  }

  @Test
  void anotherTeamsSavingIsRefusedWithoutItsStatusWhateverItsStage() {
    // one saving in each stage a stranger might meet: waiting for finance, validated, withdrawn
    long waiting = record("sw.north", "310.00", "300.00");
    long validated = record("sw.north", "320.00", "300.00");
    api.post(
        "fin.validator",
        "/api/savings/validations/" + validated,
        validate(null, true, null),
        HttpStatus.OK);
    long withdrawn = record("sw.north", "330.00", "300.00");
    api.post(
        "fin.validator",
        "/api/savings/validations/" + withdrawn,
        "{\"decision\":\"REJECT\",\"reason\":\"Package ended, not reduced\"}",
        HttpStatus.OK);
    api.post(
        "sw.north",
        "/api/savings/validations/" + withdrawn + "/withdrawal",
        "{\"note\":\"Recorded on the wrong package\"}",
        HttpStatus.OK);
    Map<Long, String> stages =
        Map.of(waiting, "IDENTIFIED", validated, "VALIDATED", withdrawn, "WITHDRAWN");

    stages.forEach(
        (saving, stage) -> {
          // another team's social worker: neither withdraws nor resubmits it, and learns nothing of
          // its stage
          for (String action : List.of("withdrawal", "resubmission")) {
            JsonNode refused =
                api.post(
                    "sw.south",
                    "/api/savings/validations/" + saving + "/" + action,
                    "{\"note\":\"Not mine\"}",
                    HttpStatus.FORBIDDEN);
            assertThat(refused.toString())
                .as(action + " of a " + stage + " saving")
                .doesNotContain(stage)
                .doesNotContainIgnoringCase("waiting");
          }
          // a social worker, even its recorder, does not validate: refused as such, whatever the
          // stage
          for (String user : List.of("sw.south", "sw.north")) {
            JsonNode refused =
                api.post(
                    user,
                    "/api/savings/validations/" + saving,
                    validate(null, true, null),
                    HttpStatus.FORBIDDEN);
            assertThat(refused.toString())
                .as(user + " validating a " + stage + " saving")
                .doesNotContain(stage)
                .doesNotContainIgnoringCase("waiting");
          }
          assertThat(ledger.stageOf(CostChangeId.of(saving)).name()).isEqualTo(stage);
        });
  }

  @Test
  void aSavingRejectedAndResubmittedAgainAndAgainKeepsItsTasksEvidenceShort() {
    long saving = record("sw.north", "340.00", "300.00");
    String reason = "The provider's schedule does not match the invoice. ".repeat(19);
    assertThat(reason.length()).isBetween(900, 1000);
    for (int round = 0; round < 4; round++) {
      api.post(
          "fin.validator",
          "/api/savings/validations/" + saving,
          "{\"decision\":\"REJECT\",\"reason\":\"" + reason + "\"}",
          HttpStatus.OK);
      api.post(
          "sw.north",
          "/api/savings/validations/" + saving + "/resubmission",
          "{\"note\":\"" + reason + "\"}",
          HttpStatus.OK);
    }
    assertThat(ledger.stageOf(CostChangeId.of(saving)).name()).isEqualTo("IDENTIFIED");
    // the evidence on the waiting task is bounded; the saving's record keeps every step
    String processInstance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(Validation.businessKey(saving))
            .singleResult()
            .getId();
    List<Integer> lengths =
        jdbc.queryForList(
            "select length(text_) from act_ru_variable where proc_inst_id_ = ? "
                + "and name_ = 'savingEvidence'",
            Integer.class,
            processInstance);
    assertThat(lengths).hasSize(1).allSatisfy(length -> assertThat(length).isLessThan(4000));
    assertThat(
            jdbc.queryForObject(
                "select text_ from act_ru_variable where proc_inst_id_ = ? and name_ = "
                    + "'savingEvidence'",
                String.class,
                processInstance))
        .contains("earlier status change(s) not shown");
    assertThat(
            api.get("fin.validator", "/api/savings/validations/" + saving, HttpStatus.OK)
                .get("statusHistory"))
        .hasSize(9);
  }

  @Test
  void theRecordersTaskShowsTheRejectedSavingInPlainWords() {
    long saving = record("sw.north", "700.00", "660.00");
    api.post(
        "fin.validator",
        "/api/savings/validations/" + saving,
        "{\"decision\":\"REJECT\",\"reason\":\"No invoice attached\"}",
        HttpStatus.OK);
    String processInstance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(Validation.businessKey(saving))
            .singleResult()
            .getId();
    String evidence =
        jdbc.queryForObject(
            "select text_ from act_ru_variable where proc_inst_id_ = ? and name_ = "
                + "'savingEvidence'",
            String.class,
            processInstance);
    assertThat(evidence)
        .contains("No invoice attached")
        .contains("cashable saving")
        .contains("GBP 700.00 a week to GBP 660.00 a week")
        .contains("-GBP 40.00 a week")
        .contains(
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                .format(today.plusDays(3)))
        .contains("rejected by fin.validator")
        .doesNotContain("CASHABLE_SAVING")
        .doesNotContain("REJECTED")
        .doesNotContain(" -> ")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void aBoardMemberWhoValidatedASavingOnTheListMayNotRatifyIt() {
    // a finance validator who also sits on the board (no demo user is both)
    if (identity.createUserQuery().userId("val.board").count() == 0) {
      var user = identity.newUser("val.board");
      user.setPassword(TestUsers.PASSWORD);
      identity.saveUser(user);
      identity.createMembership("val.board", "finance-validator");
      identity.createMembership("val.board", "board-member");
    }
    org.carereviews.support.TestTokens.addUser(
        "val.board", List.of("finance-validator", "board-member"));
    long saving = record("sw.north", "400.00", "380.00");
    api.post(
        "val.board",
        "/api/savings/validations/" + saving,
        validate(null, true, null),
        HttpStatus.OK);
    String month = "2033-0" + (1 + (int) (saving % 9));
    api.post(
        "fin.head",
        "/api/savings/board/meetings",
        "{\"month\":\"" + month + "\"}",
        HttpStatus.CREATED);
    runJobs();
    assertThat(
            api.get("board.member", "/api/savings/board/meetings/" + month, HttpStatus.OK)
                .get("items")
                .findValuesAsText("costChangeId"))
        .contains(String.valueOf(saving));

    assertField(
        api.post(
            "val.board",
            "/api/savings/board/meetings/" + month + "/decision",
            "{\"holdBacks\":[]}",
            HttpStatus.BAD_REQUEST),
        "boardMember");
    assertThat(ledger.stageOf(CostChangeId.of(saving)).name()).isEqualTo("VALIDATED");
    api.post(
        "board.member",
        "/api/savings/board/meetings/" + month + "/decision",
        "{\"holdBacks\":[]}",
        HttpStatus.OK);
    assertThat(ledger.stageOf(CostChangeId.of(saving)).name()).isEqualTo("RATIFIED");
  }

  @Test
  void aProposedEfficiencyJoinsTheProgrammeOnceTheHeadOfFinanceFindsItAchievable() {
    String code = "PROP " + System.nanoTime() % 100000;
    String body =
        "{\"code\":\""
            + code
            + "\",\"name\":\"Reablement first\",\"theme\":\"Prevention\","
            + "\"kind\":\"CASHABLE_SAVING\",\"financialYear\":\"2030/31\",\"target\":%s,\"rationale\":\"Two pilots\"}";
    assertField(
        api.post(
            "fin.validator",
            "/api/savings/proposals",
            body.formatted("250000"),
            HttpStatus.BAD_REQUEST),
        "target");
    long id =
        api.post(
                "fin.validator",
                "/api/savings/proposals",
                body.formatted("-250000"),
                HttpStatus.CREATED)
            .get("id")
            .asLong();
    api.post(
        "fin.head",
        "/api/savings/proposals/" + id + "/check",
        "{\"achievable\":true}",
        HttpStatus.BAD_REQUEST);
    assertThat(lines.existsById(code)).isFalse();
    JsonNode checked =
        api.post(
            "fin.head",
            "/api/savings/proposals/" + id + "/check",
            "{\"achievable\":true,\"note\":\"Pilots delivered 12% fewer hours\"}",
            HttpStatus.OK);
    assertThat(checked.get("inProgramme").asBoolean()).isTrue();
    assertThat(lines.existsById(code)).isTrue();
  }

  private long record(String recordedBy, String oldCost, String newCost) {
    CarePackage carePackage = packageInTeam(oldCost);
    return transactions.execute(
        status ->
            ledger
                .record(
                    new CostChangeCommand(
                        SourceProcess.MANUAL,
                        "TEST-" + carePackage.getId(),
                        carePackage.getId(),
                        carePackage.getPerson().getId(),
                        Money.of(oldCost),
                        Money.of(newCost),
                        today.plusDays(3),
                        SavingsKind.CASHABLE_SAVING,
                        "HWA Sav 06",
                        "Test saving",
                        recordedBy))
                .get(0)
                .getId());
  }

  private Map<String, Object> ratifiedOf(FinancialYear year, String line) {
    JsonNode rollup =
        api.get(
            "fin.head",
            "/api/savings/rollup?financialYear=" + year + "&groupBy=line",
            HttpStatus.OK);
    for (JsonNode row : rollup.get("rows")) {
      if (line.equals(row.get("group").asText())
          && "CASHABLE_SAVING".equals(row.get("kind").asText())) {
        return Map.of("inYear", row.at("/ratified/inYear").decimalValue());
      }
    }
    return Map.of("inYear", BigDecimal.ZERO);
  }

  private Set<Long> queueOf(String user) {
    Set<Long> ids = new java.util.HashSet<>();
    api.get(user, "/api/savings/validations/queue", HttpStatus.OK)
        .forEach(i -> ids.add(i.get("costChangeId").asLong()));
    return ids;
  }

  private static String validate(String amount, boolean live, String reason) {
    return "{\"decision\":\"VALIDATE\",\"newCostLive\":"
        + live
        + (amount == null ? "" : ",\"validatedWeeklyDelta\":" + amount)
        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
        + "}";
  }

  private static String item(long id, String amount) {
    return "{\"costChangeId\":"
        + id
        + ",\"decision\":\"VALIDATE\",\"newCostLive\":true"
        + (amount == null ? "" : ",\"validatedWeeklyDelta\":" + amount)
        + "}";
  }

  private static void assertField(JsonNode problem, String field) {
    assertThat(problem.at("/errors/0/field").asText()).as(problem.toString()).isEqualTo(field);
    assertThat(problem.at("/errors/0/message").asText()).isNotBlank();
  }

  private CarePackage packageInTeam(String weeklyCost) {
    Team team = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "NORTH")));
    Person person =
        casebook.recordPerson(
            "Validation Test Person",
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
            today.minusYears(1),
            null,
            today.plusMonths(6)),
        "initial",
        "test");
  }

  private static String reduction(String weeklyGross, LocalDate effective) {
    return "{\"conversationConnect\":true,\"conversationCrisis\":false,\"conversationLongTerm\":true,"
        + "\"strengthsAndAssets\":\"Close to a daughter\",\"outcomesWanted\":\"Stay at home\","
        + "\"personViews\":\"Wants fewer visits\",\"carerViews\":\"Happy to help\",\"outcome\":\"REDUCE\","
        + "\"changeInNeed\":\"Walks again after rehabilitation\",\"proposedServiceType\":\"HOME_CARE\","
        + "\"proposedProvider\":\"Example Care Ltd\",\"proposedWeeklyGrossCost\":"
        + weeklyGross
        + ",\"proposedContribution\":0,\"effectiveDate\":\""
        + effective
        + "\"}";
  }

  /**
   * Runs every due asynchronous job (the job executor is off), as the engine would, until none is
   * left.
   */
  private void runJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = management.createJobQuery().executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }
}

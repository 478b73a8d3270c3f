package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.Cohort;
import org.carereviews.casebook.Cohorts;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.savings.SavingsDrillDown.Figure;
import org.carereviews.savings.SavingsDrillDown.Part;
import org.carereviews.savings.SavingsDrillDown.Stage;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsRollup.Figures;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.savings.SavingsRollup.Rollup;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The roll-up, its drill-down, the multi-year programme and the exports on PostgreSQL. Each test
 * works in financial years of its own, so the tests' figures never mix.
 */
@PostgresIntegrationTest
class SavingsRollupIT {

  @Autowired SavingsLedger ledger;
  @Autowired SavingsRollup rollup;
  @Autowired SavingsDrillDown drillDown;
  @Autowired SavingsFacts facts;
  @Autowired SavingsLines lines;
  @Autowired SavingsTargets targets;
  @Autowired SavingsEffectCalculator calculator;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired Cohorts cohorts;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private Api api;
  private String run;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity);
    api = new Api(rest);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void rollupShowsTargetAndEachStageWithCarryForwardFromTheYearBefore() {
    FinancialYear year = FinancialYear.parse("2041/42");
    String line = line("REV", SavingsKind.CASHABLE_SAVING, "Reviews");
    target(line, year, "-20000.00");
    Person person = person("NORTH", ClientGroup.OLDER_PEOPLE);
    CostChange lastYear =
        record(
            person,
            "600.00",
            "500.00",
            LocalDate.of(2040, 10, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    CostChange validated =
        record(
            person,
            "500.00",
            "400.00",
            LocalDate.of(2041, 7, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    CostChange identified =
        record(
            person,
            "300.00",
            "250.00",
            LocalDate.of(2041, 9, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    CostChange rejected =
        record(
            person,
            "250.00",
            "200.00",
            LocalDate.of(2041, 11, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    ledger.changeStatus(
        validated.costChangeId(),
        SavingStatus.VALIDATED,
        Money.of("-80.00"),
        "Provider invoice shows GBP 80 a week less, not 100",
        "fin.validator");
    ledger.changeStatus(
        validated.costChangeId(), SavingStatus.RATIFIED, null, null, "board.member");
    ledger.changeStatus(
        rejected.costChangeId(),
        SavingStatus.REJECTED,
        null,
        "No evidence the new cost is live",
        "fin.validator");

    Figures row = row(rollup.rollup(year, GroupBy.LINE), line, SavingsKind.CASHABLE_SAVING);

    SavingsEffect validatedEffect =
        calculator.effectOf(Money.of("-80.00"), LocalDate.of(2041, 7, 1));
    // Every stage counts a saving at its current amount: the validated amount once validated (the
    // funnel never inverts).
    Money identifiedInYear = validatedEffect.inYearEffect().plus(identified.getInYearEffect());
    assertThat(row.target()).isEqualTo(Money.of("-20000.00"));
    assertThat(row.identified().inYear()).isEqualTo(identifiedInYear);
    assertThat(row.identified().fullYear())
        .isEqualTo(validatedEffect.fullYearEffect().plus(identified.getFullYearEffect()));
    assertThat(row.identified().carriedIn()).isEqualTo(lastYear.getCarryForwardEffect());
    assertThat(row.identified().incremental())
        .isEqualTo(identifiedInYear.plus(lastYear.getCarryForwardEffect()));
    assertThat(row.validated().inYear()).isEqualTo(validatedEffect.inYearEffect());
    assertThat(row.validated().fullYear()).isEqualTo(validatedEffect.fullYearEffect());
    assertThat(row.validated().carriedIn()).isEqualTo(Money.ZERO);
    assertThat(row.ratified().inYear()).isEqualTo(validatedEffect.inYearEffect());
    assertThat(row.entriesInYear()).as("rejected savings count nowhere").isEqualTo(2);
    assertThat(row.entriesCarriedIn())
        .as("last year's saving, whose carry-forward counts this year")
        .isEqualTo(1);
    // By hand: 80 a week (as validated) for the 274 days from 1 July to 31 March is 3,131.43; 50 a
    // week for the
    // 212 days from 1 September is 1,514.29; each entry is rounded to the penny before it is added.
    assertThat(identifiedInYear).isEqualTo(Money.of("-4645.72"));
    Money incremental = row.identified().incremental();
    // Forecast = ratified + validated + identified not yet validated x 0.5 (the default confidence
    // factor).
    Money notYetValidated = incremental.minus(row.validated().incremental());
    assertThat(row.forecast())
        .isEqualTo(
            row.validated()
                .incremental()
                .plus(Money.rounded(notYetValidated.amount().multiply(new BigDecimal("0.5")))));
    assertThat(row.variance()).isEqualTo(row.forecast().minus(Money.of("-20000.00")));
    assertThat(row.atRisk()).isTrue();
    assertThat(row.identified().percentOfTarget())
        .isEqualByComparingTo(
            incremental
                .amount()
                .multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal("-20000.00"), 1, java.math.RoundingMode.HALF_EVEN));
  }

  @Test
  void everyFigureDrillsDownToEntriesThatAddUpToIt() {
    FinancialYear year = FinancialYear.parse("2042/43");
    String line = line("DRL", SavingsKind.CASHABLE_SAVING, "Reviews");
    Person person = person("NORTH", ClientGroup.MENTAL_HEALTH);
    record(
        person, "700.00", "640.00", LocalDate.of(2041, 12, 1), line, SavingsKind.CASHABLE_SAVING);
    CostChange a =
        record(
            person,
            "640.00",
            "600.00",
            LocalDate.of(2042, 5, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    CostChange b =
        record(
            person,
            "600.00",
            "520.00",
            LocalDate.of(2042, 8, 15),
            line,
            SavingsKind.CASHABLE_SAVING);
    record(person, "520.00", "500.00", LocalDate.of(2043, 1, 1), line, SavingsKind.CASHABLE_SAVING);
    ledger.changeStatus(a.costChangeId(), SavingStatus.VALIDATED, null, null, "fin.validator");
    ledger.changeStatus(
        b.costChangeId(),
        SavingStatus.VALIDATED,
        Money.of("-60.00"),
        "Partly delivered",
        "fin.validator");
    ledger.changeStatus(b.costChangeId(), SavingStatus.RATIFIED, null, null, "board.member");

    for (GroupBy groupBy : List.of(GroupBy.LINE, GroupBy.MONTH, GroupBy.TEAM)) {
      for (Figures row : rollup.rollup(year, groupBy).rows()) {
        for (Stage stage : Stage.values()) {
          for (Part part : Part.values()) {
            Figure figure = new Figure(year, groupBy, row.group(), row.kind(), stage, part);
            assertThat(drillDown.page(figure, 0, 100, false).total())
                .as("%s %s %s %s", groupBy, row.group(), stage, part)
                .isEqualTo(row.figure(stage, part));
          }
        }
      }
    }
    SavingsDrillDown.EntriesPage carried =
        drillDown.page(
            new Figure(
                year,
                GroupBy.LINE,
                line,
                SavingsKind.CASHABLE_SAVING,
                Stage.IDENTIFIED,
                Part.CARRIED_IN),
            0,
            100,
            false);
    assertThat(carried.content())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2041, 12, 1));
              assertThat(e.personName()).isEqualTo(person.getDisplayName());
            });
  }

  @Test
  void clawbackCountsAtTheStageOfItsSavingAndAReversalNetsToZero() {
    FinancialYear year = FinancialYear.parse("2043/44");
    String saving = line("CLW", SavingsKind.CASHABLE_SAVING, "Reviews");
    String growth = line("GRW", SavingsKind.GROWTH, "Pressures");
    Person person = person("SOUTH", ClientGroup.LEARNING_DISABILITY);
    CarePackage carePackage = carePackage(person, "500.00", LocalDate.of(2043, 6, 1));
    CostChange cut =
        ledger
            .record(
                command(
                    person,
                    carePackage,
                    "500.00",
                    "400.00",
                    LocalDate.of(2043, 6, 1),
                    saving,
                    SavingsKind.CASHABLE_SAVING))
            .get(0);
    ledger.changeStatus(cut.costChangeId(), SavingStatus.VALIDATED, null, null, "fin.validator");
    List<CostChange> rise =
        ledger.record(
            command(
                person,
                carePackage,
                "400.00",
                "430.00",
                LocalDate.of(2043, 9, 1),
                growth,
                SavingsKind.GROWTH));
    assertThat(rise)
        .singleElement()
        .extracting(CostChange::getEntryType)
        .isEqualTo(EntryType.CLAWBACK);

    Figures row = row(rollup.rollup(year, GroupBy.LINE), saving, SavingsKind.CASHABLE_SAVING);
    assertThat(row.identified().inYear())
        .isEqualTo(cut.getInYearEffect().plus(rise.get(0).getInYearEffect()));
    assertThat(row.validated().inYear()).isEqualTo(row.identified().inYear());

    CostChange other =
        record(
            person,
            "430.00",
            "330.00",
            LocalDate.of(2043, 10, 1),
            saving,
            SavingsKind.CASHABLE_SAVING);
    Money before =
        row(rollup.rollup(year, GroupBy.LINE), saving, SavingsKind.CASHABLE_SAVING)
            .identified()
            .inYear();
    ledger.reverse(
        other.costChangeId(),
        LocalDate.of(2043, 10, 1),
        "Package change undone on appeal",
        "tm.south");
    Figures after = row(rollup.rollup(year, GroupBy.LINE), saving, SavingsKind.CASHABLE_SAVING);
    assertThat(after.identified().inYear()).isEqualTo(before.minus(other.getInYearEffect()));
    assertThat(after.identified().fullYear())
        .isEqualTo(cut.getFullYearEffect().plus(rise.get(0).getFullYearEffect()));
  }

  @Test
  void totalsEqualTheSumOfTheRowsForEveryGrouping() {
    FinancialYear year = FinancialYear.parse("2044/45");
    String saving = line("TOT", SavingsKind.CASHABLE_SAVING, "Care Placement");
    String avoidance = line("AVD", SavingsKind.COST_AVOIDANCE, "Prevention");
    String growth = line("GRT", SavingsKind.GROWTH, "Pressures");
    target(saving, year, "-5000.00");
    target(avoidance, year, "-3000.00");
    Cohort transitions = cohort("TRANSITIONS");
    Cohort highCost = cohort("HIGH-COST");
    Person a = person("NORTH", ClientGroup.OLDER_PEOPLE, transitions);
    Person b = person("SOUTH", ClientGroup.AUTISM, transitions, highCost);
    Person c = person("SOUTH", ClientGroup.LEARNING_DISABILITY);
    record(a, "400.00", "350.00", LocalDate.of(2043, 11, 1), saving, SavingsKind.CASHABLE_SAVING);
    CostChange b1 =
        record(
            b, "900.00", "800.00", LocalDate.of(2044, 4, 20), saving, SavingsKind.CASHABLE_SAVING);
    record(b, "800.00", "700.00", LocalDate.of(2044, 6, 2), avoidance, SavingsKind.COST_AVOIDANCE);
    record(c, "200.00", "260.00", LocalDate.of(2044, 12, 24), growth, SavingsKind.GROWTH);
    ledger.changeStatus(
        b1.costChangeId(),
        SavingStatus.VALIDATED,
        Money.of("-75.00"),
        "Adjusted to invoice",
        "fin.validator");

    Map<SavingsKind, Figures> totals =
        rollup.rollup(year, GroupBy.LINE).totals().stream()
            .collect(Collectors.toMap(Figures::kind, f -> f));
    for (GroupBy groupBy : GroupBy.values()) {
      Rollup byGroup = rollup.rollup(year, groupBy);
      for (SavingsKind kind : SavingsKind.values()) {
        List<Figures> rows = byGroup.rows().stream().filter(r -> r.kind() == kind).toList();
        Figures total = totals.get(kind);
        if (total == null) {
          assertThat(rows).as("%s %s", groupBy, kind).isEmpty();
          continue;
        }
        for (Stage stage : Stage.values()) {
          for (Part part : Part.values()) {
            assertThat(
                    rows.stream().map(r -> r.figure(stage, part)).reduce(Money.ZERO, Money::plus))
                .as("%s %s %s %s", groupBy, kind, stage, part)
                .isEqualTo(total.figure(stage, part));
          }
        }
        assertThat(rows.stream().mapToLong(Figures::entriesInYear).sum())
            .isEqualTo(total.entriesInYear());
        assertThat(rows.stream().mapToLong(Figures::entriesCarriedIn).sum())
            .isEqualTo(total.entriesCarriedIn());
      }
    }
    List<String> cohortGroups =
        rollup.rollup(year, GroupBy.COHORT).rows().stream().map(Figures::group).toList();
    assertThat(cohortGroups)
        .contains(
            transitions.getCode(),
            highCost.getCode() + " + " + transitions.getCode(),
            SavingsRollup.NO_COHORT);
    assertThat(rollup.rollup(year, GroupBy.MONTH).rows())
        .extracting(Figures::group)
        .contains("2044-04", "2044-06", "2044-12", "carried in from 2043/44");
  }

  @Test
  void projectionAndSummariesRebuiltFromTheLedgerAreTheOnesKeptInStep() {
    String line = line("RBL", SavingsKind.CASHABLE_SAVING, "Reviews");
    Person person = person("NORTH", ClientGroup.PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT);
    CostChange a =
        record(
            person,
            "300.00",
            "200.00",
            LocalDate.of(2045, 5, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    ledger.changeStatus(
        a.costChangeId(), SavingStatus.VALIDATED, Money.of("-90.00"), "Invoice", "fin.validator");
    ledger.record(
        command(
            person,
            "200.00",
            "250.00",
            LocalDate.of(2045, 6, 1),
            line("RBG", SavingsKind.GROWTH, "Pressures"),
            SavingsKind.GROWTH));

    KeptInStep.assertEqualsRebuilt(jdbc, facts, "after a validation at another amount and growth");
  }

  @Test
  void savingsStayWithTheTeamAndGroupTheyWereRecordedForWhenThePersonMoves() {
    FinancialYear year = FinancialYear.parse("2057/58");
    String line = line("MOV", SavingsKind.CASHABLE_SAVING, "Reviews");
    Cohort cohort = cohort("MOVERS");
    Person person = person("MOVE-A-" + run, ClientGroup.OLDER_PEOPLE, cohort);
    CostChange before =
        record(
            person,
            "500.00",
            "400.00",
            LocalDate.of(2057, 5, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    Team newTeam = teams.save(new Team("MOVE-B-" + run, "Team B"));
    jdbc.update(
        "update person set team_id = ?, client_group = 'MENTAL_HEALTH' where id = ?",
        newTeam.getId(),
        person.getId());
    jdbc.update("delete from person_cohort where person_id = ?", person.getId());
    CostChange after =
        record(
            person,
            "400.00",
            "370.00",
            LocalDate.of(2057, 8, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    CostChange reversal =
        ledger.reverse(
            before.costChangeId(), LocalDate.of(2057, 9, 1), "Undone on appeal", "tm.north");

    Map<String, Figures> byTeam =
        rollup.rollup(year, GroupBy.TEAM).rows().stream()
            .collect(Collectors.toMap(Figures::group, f -> f));
    assertThat(byTeam.get("MOVE-A-" + run).identified().inYear())
        .as("the old team keeps its saving, and its reversal nets it off there")
        .isEqualTo(before.getInYearEffect().plus(reversal.getInYearEffect()));
    assertThat(byTeam.get("MOVE-A-" + run).entriesInYear()).isEqualTo(2);
    assertThat(byTeam.get(newTeam.getCode()).identified().inYear())
        .isEqualTo(after.getInYearEffect());
    Map<String, Long> entriesByGroup =
        rollup.rollup(year, GroupBy.CLIENT_GROUP).rows().stream()
            .collect(Collectors.toMap(Figures::group, Figures::entriesInYear));
    assertThat(entriesByGroup).containsEntry("OLDER_PEOPLE", 2L).containsEntry("MENTAL_HEALTH", 1L);
    Map<String, Long> entriesByCohort =
        rollup.rollup(year, GroupBy.COHORT).rows().stream()
            .collect(Collectors.toMap(Figures::group, Figures::entriesInYear));
    assertThat(entriesByCohort)
        .containsEntry(cohort.getCode(), 2L)
        .containsEntry(SavingsRollup.NO_COHORT, 1L);
    SavingsDrillDown.EntriesPage oldTeam =
        drillDown.page(
            new Figure(year, GroupBy.TEAM, "MOVE-A-" + run, null, Stage.IDENTIFIED, Part.IN_YEAR),
            0,
            10,
            false);
    assertThat(oldTeam.content())
        .extracting(SavingsDrillDown.Entry::entryId)
        .containsExactly(before.getId(), reversal.getId());
    assertThat(oldTeam.content())
        .extracting(SavingsDrillDown.Entry::team)
        .containsOnly("MOVE-A-" + run);
  }

  @Test
  void concurrentEntriesAndStatusChangesOnTheSameSummaryRowsAreAllCounted() throws Exception {
    FinancialYear year = FinancialYear.parse("2060/61");
    String line = line("CON", SavingsKind.CASHABLE_SAVING, "Reviews");
    int threads = 4;
    int perThread = 10;
    List<List<CostChangeCommand>> commands = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<CostChangeCommand> ofThread = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        // One team, client group, line and month for all: every entry adds to the same summary
        // rows.
        ofThread.add(
            command(
                person("CONC-" + run, ClientGroup.AUTISM),
                "300.00",
                "290.00",
                LocalDate.of(2060, 6, 1),
                line,
                SavingsKind.CASHABLE_SAVING));
      }
      commands.add(ofThread);
    }
    Concurrently.run(
        commands.stream()
            .<Concurrently.Task>map(
                ofThread ->
                    () -> {
                      for (CostChangeCommand command : ofThread) {
                        CostChange entry = ledger.record(command).get(0);
                        ledger.changeStatus(
                            entry.costChangeId(),
                            SavingStatus.VALIDATED,
                            null,
                            null,
                            "fin.validator");
                      }
                    })
            .toList());

    Figures row = row(rollup.rollup(year, GroupBy.LINE), line, SavingsKind.CASHABLE_SAVING);
    Money oneEntry =
        calculator.effectOf(Money.of("-10.00"), LocalDate.of(2060, 6, 1)).inYearEffect();
    assertThat(row.entriesInYear()).isEqualTo(threads * perThread);
    assertThat(row.identified().inYear())
        .isEqualTo(oneEntry.times(BigDecimal.valueOf(threads * perThread)));
    assertThat(row.validated().inYear()).isEqualTo(row.identified().inYear());
    assertThat(
            row(rollup.rollup(year, GroupBy.TEAM), "CONC-" + run, SavingsKind.CASHABLE_SAVING)
                .entriesInYear())
        .isEqualTo(threads * perThread);
    KeptInStep.assertEqualsRebuilt(jdbc, facts, "after concurrent entries and status changes");
  }

  @Test
  void stagesMoveOnlyForwardAndValidatedAmountsAreChecked() {
    String line = line("STG", SavingsKind.CASHABLE_SAVING, "Reviews");
    Person person = person("NORTH", ClientGroup.OLDER_PEOPLE);
    CostChange saving =
        record(
            person,
            "300.00",
            "200.00",
            LocalDate.of(2046, 5, 1),
            line,
            SavingsKind.CASHABLE_SAVING);

    assertThatThrownBy(
            () ->
                ledger.changeStatus(
                    saving.costChangeId(), SavingStatus.RATIFIED, null, null, "board.member"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("IDENTIFIED cannot become RATIFIED");
    assertThatThrownBy(
            () ->
                ledger.changeStatus(
                    saving.costChangeId(),
                    SavingStatus.VALIDATED,
                    Money.of("25.00"),
                    "x",
                    "fin.validator"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("same sign");
    assertThatThrownBy(
            () ->
                ledger.changeStatus(
                    saving.costChangeId(),
                    SavingStatus.VALIDATED,
                    Money.of("-120.00"),
                    null,
                    "fin.validator"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("differs from the claimed")
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("reason"));
    assertThatThrownBy(
            () ->
                ledger.changeStatus(
                    saving.costChangeId(), SavingStatus.REJECTED, null, " ", "fin.validator"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("to reject a saving");
    assertThat(ledger.stageOf(saving.costChangeId())).isEqualTo(SavingStatus.IDENTIFIED);

    ledger.changeStatus(
        saving.costChangeId(), SavingStatus.REJECTED, null, "No invoice yet", "fin.validator");
    ledger.changeStatus(
        saving.costChangeId(), SavingStatus.IDENTIFIED, null, "Invoice attached", "sw.north");
    ledger.changeStatus(saving.costChangeId(), SavingStatus.VALIDATED, null, null, "fin.validator");
    assertThat(ledger.stageOf(saving.costChangeId())).isEqualTo(SavingStatus.VALIDATED);
  }

  @Test
  void apiServesReadersOnlyWithNamesForFinanceAlone() {
    String line = line("API", SavingsKind.CASHABLE_SAVING, "Reviews");
    target(line, FinancialYear.parse("2047/48"), "-1000.00");
    Person person = person("NORTH", ClientGroup.OLDER_PEOPLE);
    record(person, "300.00", "200.00", LocalDate.of(2047, 5, 1), line, SavingsKind.CASHABLE_SAVING);
    String url = "/api/savings/rollup?financialYear=2047-48&groupBy=line";

    for (String user :
        List.of(
            "fin.validator", "fin.head", "board.member", "director", "panel.finance", "auditor")) {
      api.get(user, url, HttpStatus.OK);
    }
    for (String user : List.of("sw.north", "tm.north", "panel.asc", "ctr.chair", "admin")) {
      api.get(user, url, HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity(url, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    JsonNode body = api.get("director", url, HttpStatus.OK);
    JsonNode row = findRow(body.get("rows"), line);
    assertThat(row.at("/target").decimalValue()).isEqualByComparingTo("-1000.00");
    assertThat(row.at("/identified/inYear").decimalValue()).isNegative();
    assertThat(body.at("/financialYear").asText()).isEqualTo("2047/48");

    String entries =
        "/api/savings/rollup/entries?financialYear=2047-48&groupBy=line&group="
            + line
            + "&stage=identified&part=fullYear";
    JsonNode masked = api.get("director", entries, HttpStatus.OK);
    assertThat(masked.get("namesMasked").asBoolean()).as(masked.toString()).isTrue();
    assertThat(masked.at("/content/0/personName").textValue()).isNull();
    assertThat(masked.at("/content/0/reason").textValue()).isNull();
    assertThat(masked.at("/content/0/personReference").asText()).isEqualTo(person.getReference());
    assertThat(masked.at("/total").decimalValue())
        .isEqualByComparingTo(row.at("/identified/fullYear").decimalValue());
    JsonNode named = api.get("fin.validator", entries, HttpStatus.OK);
    assertThat(named.at("/content/0/personName").asText()).isEqualTo(person.getDisplayName());
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() {
    JsonNode problem =
        api.get(
            "director",
            "/api/savings/rollup?financialYear=2047-48&groupBy=postcode",
            HttpStatus.BAD_REQUEST);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("groupBy");
    assertThat(problem.at("/errors/0/message").asText()).contains("clientGroup", "cohort");
    assertThat(
            api.get("director", "/api/savings/rollup?financialYear=2047-13", HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("financialYear");
    assertThat(
            api.get(
                    "director",
                    "/api/savings/rollup/entries?financialYear=2047-48&part=halfYear",
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("part");
    assertThat(
            api.get(
                    "director",
                    "/api/savings/rollup/entries?financialYear=2047-48&group=X",
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("groupBy");
    assertThat(
            api.get(
                    "director",
                    "/api/savings/rollup/entries?financialYear=2047-48&size=1000",
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("size");
    assertThat(
            api.get(
                    "director",
                    "/api/savings/programme?from=2027-28&to=2024-25",
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/message")
                .asText())
        .contains("from first to last");
  }

  @Test
  void programmeShowsIncrementalSavingsPerYearWithCarryForwardInTheNextYear() {
    String theme = "Theme " + run;
    String line = line("PRG", SavingsKind.CASHABLE_SAVING, theme);
    target(line, FinancialYear.parse("2050/51"), "-8000.00");
    target(line, FinancialYear.parse("2051/52"), "-6000.00");
    Person person = person("NORTH", ClientGroup.OLDER_PEOPLE);
    CostChange first =
        record(
            person,
            "500.00",
            "400.00",
            LocalDate.of(2050, 10, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    CostChange second =
        record(
            person,
            "400.00",
            "350.00",
            LocalDate.of(2051, 4, 1),
            line,
            SavingsKind.CASHABLE_SAVING);

    JsonNode programme =
        api.get(
            "board.member",
            "/api/savings/programme?from=2050-51&to=2052-53&groupBy=theme",
            HttpStatus.OK);

    JsonNode row = findRow(programme.get("rows"), theme);
    assertThat(row.at("/years/0/identified").decimalValue())
        .isEqualByComparingTo(first.getInYearEffect().amount());
    assertThat(row.at("/years/1/identified").decimalValue())
        .isEqualByComparingTo(
            first.getCarryForwardEffect().plus(second.getInYearEffect()).amount());
    assertThat(row.at("/years/2/identified").decimalValue())
        .isEqualByComparingTo(second.getCarryForwardEffect().amount());
    assertThat(row.at("/years/1/target").decimalValue()).isEqualByComparingTo("-6000.00");
    assertThat(row.at("/cumulative/identified").decimalValue())
        .isEqualByComparingTo(first.getFullYearEffect().plus(second.getFullYearEffect()).amount());
    assertThat(row.at("/cumulative/target").decimalValue()).isEqualByComparingTo("-14000.00");
  }

  @Test
  void programmeIsNotGroupedByMonthNorShowsAMislabelledCarriedInRow() {
    String line = line("MON", SavingsKind.CASHABLE_SAVING, "Reviews");
    Person person = person("NORTH", ClientGroup.OLDER_PEOPLE);
    record(
        person, "500.00", "400.00", LocalDate.of(2052, 10, 1), line, SavingsKind.CASHABLE_SAVING);
    record(person, "400.00", "350.00", LocalDate.of(2053, 6, 1), line, SavingsKind.CASHABLE_SAVING);

    JsonNode problem =
        api.get(
            "board.member",
            "/api/savings/programme?from=2052-53&to=2053-54&groupBy=month",
            HttpStatus.BAD_REQUEST);

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("groupBy");
    assertThat(problem.at("/errors/0/message").asText()).contains("month", "roll-up");
    assertThat(problem.toString()).doesNotContain("carried in from");
  }

  @Test
  void aLineWithoutATargetInAYearHasNoTargetNoVarianceAndIsNotAtRiskInTheRollupAndTheProgramme() {
    String theme = "No target " + run;
    String line = line("NTG", SavingsKind.CASHABLE_SAVING, theme);
    target(line, FinancialYear.parse("2054/55"), "-1000.00");
    Person person = person("NORTH", ClientGroup.OLDER_PEOPLE);
    record(person, "500.00", "490.00", LocalDate.of(2055, 6, 1), line, SavingsKind.CASHABLE_SAVING);

    Figures row =
        row(
            rollup.rollup(FinancialYear.parse("2055/56"), GroupBy.LINE),
            line,
            SavingsKind.CASHABLE_SAVING);
    assertThat(row.target()).isNull();
    assertThat(row.variance()).isNull();
    assertThat(row.atRisk()).isFalse();
    assertThat(row.forecast()).isNotNull();

    JsonNode programme =
        api.get(
            "board.member",
            "/api/savings/programme?from=2054-55&to=2055-56&groupBy=line",
            HttpStatus.OK);
    JsonNode years = findRow(programme.get("rows"), line).get("years");
    assertThat(years.at("/0/target").decimalValue()).isEqualByComparingTo("-1000.00");
    assertThat(years.at("/0/atRisk").asBoolean())
        .as("nothing recorded against a target of 1,000")
        .isTrue();
    assertThat(years.at("/1/target").isNull() || years.at("/1/target").isMissingNode())
        .as("no target in 2055/56, not 0.00")
        .isTrue();
    assertThat(years.at("/1/variance").isNull() || years.at("/1/variance").isMissingNode())
        .isTrue();
    assertThat(years.at("/1/atRisk").asBoolean()).isFalse();
    assertThat(years.at("/1/identified").decimalValue()).isNegative();
  }

  @Test
  void
      forecastCountsValidatedInFullAndTheRestAtTheLinesConfidenceFactorAndFlagsAShortfallBeyondTheTolerance() {
    FinancialYear year = FinancialYear.parse("2056/57");
    String sure = "SUR-" + run;
    lines.save(
        new SavingsLine(
            sure,
            "Sure line",
            "Forecast " + run,
            SavingsKind.CASHABLE_SAVING,
            "ASC",
            new BigDecimal("0.9")));
    String unsure = line("UNS", SavingsKind.CASHABLE_SAVING, "Forecast " + run);
    target(sure, year, "-1000.00");
    target(unsure, year, "-1000.00");
    Person person = person("NORTH", ClientGroup.OLDER_PEOPLE);
    // 1 April of a year without 29 February: in-year = full-year = weekly x 365/7.
    CostChange validated =
        record(
            person,
            "500.00",
            "490.00",
            LocalDate.of(2056, 4, 1),
            sure,
            SavingsKind.CASHABLE_SAVING);
    ledger.changeStatus(
        validated.costChangeId(),
        SavingStatus.VALIDATED,
        Money.of("-12.00"),
        "Invoice shows 12 a week",
        "fin.validator");
    CostChange identifiedOnly =
        record(
            person,
            "500.00",
            "490.00",
            LocalDate.of(2056, 4, 1),
            sure,
            SavingsKind.CASHABLE_SAVING);
    record(
        person, "500.00", "481.00", LocalDate.of(2056, 4, 1), unsure, SavingsKind.CASHABLE_SAVING);

    Rollup byLine = rollup.rollup(year, GroupBy.LINE);
    Figures sureRow = row(byLine, sure, SavingsKind.CASHABLE_SAVING);
    // Funnel: identified counts the validated saving at its validated amount, so it includes
    // validated.
    assertThat(sureRow.identified().incremental())
        .isEqualTo(Money.of("-625.71").plus(identifiedOnly.getInYearEffect()));
    assertThat(sureRow.validated().incremental()).isEqualTo(Money.of("-625.71")); // 12 x 365/7
    // -625.71 + -521.43 x 0.9 = -625.71 - 469.29
    assertThat(sureRow.forecast()).isEqualTo(Money.of("-1095.00"));
    assertThat(sureRow.variance()).isEqualTo(Money.of("-95.00"));
    assertThat(sureRow.atRisk()).isFalse();
    Figures unsureRow = row(byLine, unsure, SavingsKind.CASHABLE_SAVING);
    // 19 x 365/7 = 990.71 identified, none validated: forecast 495.36 (x 0.5), short by 504.64 >
    // 10% of 1,000.
    assertThat(unsureRow.forecast()).isEqualTo(Money.of("-495.36"));
    assertThat(unsureRow.atRisk()).isTrue();
    Figures theme =
        row(rollup.rollup(year, GroupBy.THEME), "Forecast " + run, SavingsKind.CASHABLE_SAVING);
    assertThat(theme.forecast()).isEqualTo(sureRow.forecast().plus(unsureRow.forecast()));
    assertThat(theme.target()).isEqualTo(Money.of("-2000.00"));
  }

  @Test
  void exportsAreCsvAndXlsxWithNamesMaskedForRolesWithoutNeed() throws IOException {
    String line = line("EXP", SavingsKind.CASHABLE_SAVING, "Reviews");
    Person person = person("NORTH", ClientGroup.OLDER_PEOPLE);
    CostChange entry =
        record(
            person,
            "300.00",
            "200.00",
            LocalDate.of(2048, 5, 1),
            line,
            SavingsKind.CASHABLE_SAVING);
    String inYear = entry.getInYearEffect().amount().toPlainString();
    String entries =
        "/api/savings/rollup/entries/export?financialYear=2048-49&groupBy=line&group=" + line;

    ResponseEntity<byte[]> csv =
        api.download("board.member", entries + "&format=CSV", HttpStatus.OK);
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("savings-entries-2048-49.csv");
    assertThat(text)
        .contains(person.getReference(), "(masked)", inYear)
        .doesNotContain(person.getDisplayName());

    ResponseEntity<byte[]> xlsx = api.download("fin.head", entries + "&format=XLSX", HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("name");
      assertThat(sheet.getRow(1).getCell(7).getStringCellValue())
          .isEqualTo(person.getDisplayName());
      assertThat(sheet.getRow(1).getCell(17).getNumericCellValue())
          .isEqualTo(Double.parseDouble(inYear));
    }

    ResponseEntity<byte[]> rollupCsv =
        api.download(
            "director",
            "/api/savings/rollup/export?financialYear=2048-49&groupBy=line&format=CSV",
            HttpStatus.OK);
    List<String> rows = new String(rollupCsv.getBody(), StandardCharsets.UTF_8).lines().toList();
    assertThat(rows.get(0)).startsWith("\uFEFFline,kind,target,identified in-year");
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith(
                        line
                            + ",CASHABLE_SAVING,,"
                            + inYear
                            + ","
                            + entry.getFullYearEffect().amount().toPlainString()));
    assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Total,CASHABLE_SAVING"));
    api.download("sw.north", entries, HttpStatus.FORBIDDEN);
  }

  private static Figures row(Rollup rollup, String group, SavingsKind kind) {
    return rollup.rows().stream()
        .filter(r -> r.group().equals(group) && r.kind() == kind)
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode findRow(JsonNode rows, String group) {
    for (JsonNode row : rows) {
      if (row.get("group").asText().equals(group)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + group + " in " + rows);
  }

  private String line(String prefix, SavingsKind kind, String theme) {
    String code = prefix + "-" + run;
    lines.save(new SavingsLine(code, "Test line " + code, theme, kind, "ASC"));
    return code;
  }

  private void target(String line, FinancialYear year, String amount) {
    targets.save(new SavingsTarget(line, year, Money.of(amount)));
  }

  private Cohort cohort(String prefix) {
    return cohorts.save(new Cohort(prefix + "-" + run, prefix));
  }

  private Person person(String teamCode, ClientGroup clientGroup, Cohort... personCohorts) {
    Team team =
        teams.findByCode(teamCode).orElseGet(() -> teams.save(new Team(teamCode, teamCode)));
    return casebook.recordPerson(
        "Test Person " + run,
        LocalDate.of(1950, 1, 1),
        clientGroup,
        team,
        Set.of(personCohorts),
        Set.of(),
        "test");
  }

  private CostChange record(
      Person person,
      String oldCost,
      String newCost,
      LocalDate effective,
      String line,
      SavingsKind kind) {
    List<CostChange> written =
        ledger.record(command(person, oldCost, newCost, effective, line, kind));
    assertThat(written).hasSize(1);
    return written.get(0);
  }

  private CostChangeCommand command(
      Person person,
      String oldCost,
      String newCost,
      LocalDate effective,
      String line,
      SavingsKind kind) {
    return command(
        person, carePackage(person, oldCost, effective), oldCost, newCost, effective, line, kind);
  }

  private CarePackage carePackage(Person person, String cost, LocalDate before) {
    return casebook.recordPackage(
        person,
        new PackageTerms(
            ServiceType.HOME_CARE,
            "Example Care Ltd",
            Money.of(cost),
            Money.ZERO,
            BigDecimal.ZERO,
            before.minusYears(1),
            null,
            null),
        "initial",
        "test");
  }

  private CostChangeCommand command(
      Person person,
      CarePackage carePackage,
      String oldCost,
      String newCost,
      LocalDate effective,
      String line,
      SavingsKind kind) {
    return new CostChangeCommand(
        SourceProcess.REVIEW,
        UUID.randomUUID().toString(),
        carePackage.getId(),
        person.getId(),
        Money.of(oldCost),
        Money.of(newCost),
        effective,
        kind,
        line,
        "Review outcome",
        "sw.north");
  }
}

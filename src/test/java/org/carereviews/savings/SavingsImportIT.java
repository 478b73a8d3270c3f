package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The programme and tracker imports on PostgreSQL: all or nothing, each bad row named, nothing
 * counted twice.
 */
@PostgresIntegrationTest
class SavingsImportIT {

  private static final MediaType CSV = MediaType.parseMediaType("text/csv");
  private static final String LINES = "/api/savings/lines/import";
  private static final String CHANGES = "/api/savings/cost-changes/import";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
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
  void programmeImportCreatesLinesAndTargetsPerYear() {
    String csv =
        """
        \uFEFFcode,name,theme,kind,financialYear,target,owner
        SAV-%1$s,Baseline Savings - Disabilities Operational Budget,Disabilities Care,cashable saving,2060/61,"(3,015,000)",ASC
        SAV-%1$s,Baseline Savings - Disabilities Operational Budget,Disabilities Care,cashable saving,2061-62,-1500000.50,ASC
        AVD-%1$s,Reablement - admissions avoided,Prevention,COST_AVOIDANCE,2060/61,-250000,
        GRW-%1$s,Demographic growth,Pressures,growth,2060/61,400000,
        """
            .formatted(run);

    JsonNode result = api.post("fin.head", LINES, CSV, csv, HttpStatus.CREATED);

    assertThat(result.get("rows").asInt()).isEqualTo(4);
    assertThat(result.get("linesCreated").asInt()).isEqualTo(3);
    assertThat(result.get("targetsCreated").asInt()).isEqualTo(4);
    JsonNode programme =
        api.get("director", "/api/savings/lines?financialYear=2060-61", HttpStatus.OK);
    assertThat(programme.at("/lines").findValuesAsText("code"))
        .contains("SAV-" + run, "AVD-" + run, "GRW-" + run);
    assertThat(lines.findById("SAV-" + run).orElseThrow().getKind())
        .isEqualTo(SavingsKind.CASHABLE_SAVING);
    assertThat(
            jdbc.queryForObject(
                "select target from savings_target where savings_line_code = ? and financial_year = 2060",
                BigDecimal.class,
                "SAV-" + run))
        .isEqualByComparingTo("-3015000");
    assertThat(
            jdbc.queryForObject(
                "select target from savings_target where savings_line_code = ? and financial_year = 2061",
                BigDecimal.class,
                "SAV-" + run))
        .isEqualByComparingTo("-1500000.50");

    JsonNode again = api.post("fin.head", LINES, CSV, csv, HttpStatus.BAD_REQUEST);
    assertThat(again.at("/rows/0/errors/0/message").asText()).contains("already has a target");
  }

  @Test
  void programmeTotalsEachKindApartAndKeepsEachLinesConfidenceFactor() {
    String csv =
        """
        code,name,theme,kind,financialYear,target,confidenceFactor
        KS-%1$s,Savings,Theme,CASHABLE_SAVING,2064/65,-10718000,0.75
        KG-%1$s,Growth,Pressures,GROWTH,2064/65,1500000,
        """
            .formatted(run);
    api.post("fin.head", LINES, CSV, csv, HttpStatus.CREATED);

    JsonNode programme =
        api.get("director", "/api/savings/lines?financialYear=2064-65", HttpStatus.OK);

    assertThat(programme.toString()).doesNotContain("-9218000");
    assertThat(total(programme, "CASHABLE_SAVING")).isEqualByComparingTo("-10718000");
    assertThat(total(programme, "GROWTH")).isEqualByComparingTo("1500000");
    assertThat(lines.findById("KS-" + run).orElseThrow().getConfidenceFactor())
        .isEqualByComparingTo("0.75");
    assertThat(lines.findById("KG-" + run).orElseThrow().getConfidenceFactor()).isNull();
    assertThat(
            api.post(
                    "fin.head",
                    LINES,
                    CSV,
                    """
        code,name,theme,kind,financialYear,target,confidenceFactor
        KB-%1$s,Savings,Theme,CASHABLE_SAVING,2064/65,-1000,1.5
        """
                        .formatted(run),
                    HttpStatus.BAD_REQUEST)
                .at("/rows/0/errors/0/column")
                .asText())
        .isEqualTo("confidenceFactor");
  }

  private static BigDecimal total(JsonNode programme, String kind) {
    for (JsonNode total : programme.get("totals")) {
      if (total.get("kind").asText().equals(kind)) {
        return total.get("target").decimalValue();
      }
    }
    throw new AssertionError("no total for " + kind + " in " + programme);
  }

  @Test
  void programmeImportWithBadRowsIsRefusedWholeNamingEachRow() {
    int linesBefore = count("savings_line");
    int targetsBefore = count("savings_target");
    String csv =
        """
        code,name,theme,kind,financialYear,target
        OK-%1$s,Fine line,Theme,CASHABLE_SAVING,2062/63,-1000
        BAD-%1$s,Unknown kind,Theme,SAVING,2062/63,-1000
        BAD2-%1$s,Bad year,Theme,CASHABLE_SAVING,2062/64,-1000
        BAD3-%1$s,Bad target,Theme,CASHABLE_SAVING,2062/63,lots
        BAD4-%1$s,Positive saving,Theme,CASHABLE_SAVING,2062/63,1000
        OK-%1$s,Fine line,Theme,CASHABLE_SAVING,2062/63,-1000
        ,No code,Theme,CASHABLE_SAVING,2062/63,-1000
        """
            .formatted(run);

    JsonNode problem = api.post("fin.head", LINES, CSV, csv, HttpStatus.BAD_REQUEST);

    assertThat(problem.get("title").asText()).isEqualTo("Import refused");
    assertThat(problem.get("detail").asText())
        .isEqualTo("6 of 7 rows are invalid; nothing was imported.");
    assertThat(rowErrors(problem))
        .containsExactly(
            "3 kind", "4 financialYear", "5 target", "6 target", "7 financialYear", "8 code");
    assertThat(problem.at("/rows/0/errors/0/message").asText())
        .contains("CASHABLE_SAVING", "'SAVING'");
    assertThat(problem.at("/rows/4/errors/0/message").asText()).contains("duplicate");
    assertThat(count("savings_line")).isEqualTo(linesBefore);
    assertThat(count("savings_target")).isEqualTo(targetsBefore);
  }

  @Test
  void fileWithoutTheRightColumnsIsRefusedAtTheHeader() {
    JsonNode problem =
        api.post(
            "fin.head",
            LINES,
            CSV,
            "code,name,kind,year,target\nX,Y,GROWTH,2060/61,1\n",
            HttpStatus.BAD_REQUEST);

    assertThat(rowErrors(problem))
        .containsExactlyInAnyOrder("1 year", "1 theme", "1 financialYear");
    assertThat(api.post("fin.head", LINES, CSV, "", HttpStatus.BAD_REQUEST).get("detail").asText())
        .contains("nothing was imported");
  }

  @Test
  void trackerImportRecordsEachChangeOnceWithItsStatusAndClawback() {
    importLine("CC", SavingsKind.CASHABLE_SAVING);
    importLine("CG", SavingsKind.GROWTH);
    Person person = person();
    CarePackage first = carePackage(person, "600.00");
    CarePackage second = carePackage(person, "300.00");
    String csv =
        """
        personRef,packageRef,oldWeeklyCost,newWeeklyCost,effectiveDate,lineCode,kind,status,reason
        %1$s,%2$s,500.00,560.00,2063-09-01,CG-%4$s,GROWTH,identified,Needs went up after a fall
        %1$s,%2$s,600.00,500.00,2063-05-01,CC-%4$s,CASHABLE_SAVING,ratified,Strengths-based review
        %1$s,%3$s,300,250,2063-06-15,CC-%4$s,cashable saving,validated,
        %1$s,%3$s,250,240,2063-07-01,CC-%4$s,CASHABLE_SAVING,rejected,
        """
            .formatted(person.getReference(), first.getReference(), second.getReference(), run);

    JsonNode result = api.post("fin.head", CHANGES, CSV, csv, HttpStatus.CREATED);

    assertThat(result.get("rows").asInt()).isEqualTo(4);
    assertThat(result.get("clawbacks").asInt()).isEqualTo(1);
    assertThat(result.get("entriesWritten").asInt())
        .isEqualTo(4); // the rise is a clawback of 60; no growth is left
    assertThat(result.at("/byStatus/RATIFIED").asInt()).isEqualTo(1);
    List<String> stages =
        jdbc.queryForList(
            """
        select f.stage || ' ' || c.entry_type || ' ' || c.weekly_delta from savings_fact f
        join cost_change c on c.id = f.cost_change_id where c.person_id = ? order by c.effective_date""",
            String.class,
            person.getId());
    assertThat(stages)
        .containsExactly(
            "RATIFIED CHANGE -100.00",
            "VALIDATED CHANGE -50.00",
            "REJECTED CHANGE -10.00",
            "RATIFIED CLAWBACK 60.00");

    int entriesBefore = count("cost_change");
    JsonNode again = api.post("fin.head", CHANGES, CSV, csv, HttpStatus.BAD_REQUEST);
    assertThat(again.at("/rows").size()).isEqualTo(4);
    assertThat(again.at("/rows/0/errors/0/message").asText()).contains("already imported");
    assertThat(count("cost_change")).isEqualTo(entriesBefore);
  }

  @Test
  void ratifiedIncreaseAfterARejectedSavingIsGrowthInFull() {
    importLine("RJ", SavingsKind.CASHABLE_SAVING);
    importLine("RG", SavingsKind.GROWTH);
    Person person = person();
    CarePackage carePackage = carePackage(person, "400.00");
    String csv =
        """
        personRef,packageRef,oldWeeklyCost,newWeeklyCost,effectiveDate,lineCode,kind,status
        %1$s,%2$s,400.00,317.33,2063-04-27,RJ-%3$s,CASHABLE_SAVING,rejected
        %1$s,%2$s,317.33,400.00,2063-05-25,RG-%3$s,GROWTH,ratified
        """
            .formatted(person.getReference(), carePackage.getReference(), run);

    JsonNode result = api.post("fin.head", CHANGES, CSV, csv, HttpStatus.CREATED);

    assertThat(result.get("clawbacks").asInt())
        .isZero(); // a rejected saving counts nowhere: nothing to claw back
    BigDecimal fullYearGrowth =
        jdbc.queryForObject(
            """
        select sum(f.full_year_effect) from savings_fact f join cost_change c on c.id = f.cost_change_id
        where c.person_id = ? and f.kind = 'GROWTH' and f.stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED')""",
            BigDecimal.class,
            person.getId());
    assertThat(fullYearGrowth).isEqualByComparingTo("4310.65"); // 82.67 x 365/7, all of it
  }

  @Test
  void rejectedOrWithdrawnIncreaseClawsNothingBackAndCountsNowhere() {
    importLine("WS", SavingsKind.CASHABLE_SAVING);
    importLine("WG", SavingsKind.GROWTH);
    Person person = person();
    CarePackage carePackage = carePackage(person, "400.00");
    String csv =
        """
        personRef,packageRef,oldWeeklyCost,newWeeklyCost,effectiveDate,lineCode,kind,status
        %1$s,%2$s,400.00,300.00,2063-04-27,WS-%3$s,CASHABLE_SAVING,validated
        %1$s,%2$s,300.00,350.00,2063-05-25,WG-%3$s,GROWTH,withdrawn
        """
            .formatted(person.getReference(), carePackage.getReference(), run);

    JsonNode result = api.post("fin.head", CHANGES, CSV, csv, HttpStatus.CREATED);

    assertThat(result.get("clawbacks").asInt()).isZero();
    List<String> stages =
        jdbc.queryForList(
            """
        select f.stage || ' ' || c.entry_type || ' ' || c.kind || ' ' || c.weekly_delta from savings_fact f
        join cost_change c on c.id = f.cost_change_id where c.person_id = ? order by c.effective_date""",
            String.class,
            person.getId());
    assertThat(stages)
        .containsExactly(
            "VALIDATED CHANGE CASHABLE_SAVING -100.00", "WITHDRAWN CHANGE GROWTH 50.00");
  }

  @Test
  void trackerImportWithBadRowsWritesNothingAndNamesEachRow() {
    importLine("BC", SavingsKind.CASHABLE_SAVING);
    Person person = person();
    Person other = person();
    CarePackage pkg = carePackage(person, "500.00");
    String row = "%s,%s,%s,%s,%s,%s,CASHABLE_SAVING,identified\n";
    String ref = person.getReference();
    String pkgRef = pkg.getReference();
    String line = "BC-" + run;
    String csv =
        "personRef,packageRef,oldWeeklyCost,newWeeklyCost,effectiveDate,lineCode,kind,status\n"
            + row.formatted(ref, pkgRef, "500", "450", "2064-05-01", line) // 2: fine
            + row.formatted(ref, pkgRef, "500", "450", "2064-05-01", line) // 3: duplicate of 2
            + row.formatted(ref, pkgRef, "450", "400", "2064-06-01", "NO-LINE") // 4: unknown line
            + row.formatted(
                ref, pkgRef, "four hundred", "400", "2064-07-01", line) // 5: non-numeric
            + row.formatted(ref, pkgRef, "400", "-10", "2064-08-01", line) // 6: negative
            + row.formatted(ref, pkgRef, "400", "390", "2065-02-30", line) // 7: impossible date
            + row.formatted(
                ref, "PKG-999999999", "400", "390", "2064-09-01", line) // 8: unknown package
            + row.formatted(
                other.getReference(),
                pkgRef,
                "400",
                "390",
                "2064-10-01",
                line) // 9: not their package
            + row.formatted(
                ref, pkgRef, "390", "400", "2064-11-01", line); // 10: an increase as a saving
    int entriesBefore = count("cost_change");
    int factsBefore = count("savings_fact");

    JsonNode problem = api.post("fin.head", CHANGES, CSV, csv, HttpStatus.BAD_REQUEST);

    assertThat(rowErrors(problem))
        .containsExactly(
            "3 packageRef",
            "4 lineCode",
            "5 oldWeeklyCost",
            "6 newWeeklyCost",
            "7 effectiveDate",
            "8 packageRef",
            "9 personRef",
            "10 kind");
    assertThat(problem.get("detail").asText())
        .isEqualTo("8 of 9 rows are invalid; nothing was imported.");
    assertThat(count("cost_change")).isEqualTo(entriesBefore);
    assertThat(count("savings_fact")).isEqualTo(factsBefore);
  }

  @Test
  void onlyTheHeadOfFinanceImportsAndAFileUploadWorksToo() {
    String csv =
        "code,name,theme,kind,financialYear,target\nUP-%s,Uploaded,Theme,GROWTH,2066/67,10\n"
            .formatted(run);
    for (String user : List.of("fin.validator", "director", "board.member", "tm.north", "admin")) {
      api.post(user, LINES, CSV, csv, HttpStatus.FORBIDDEN);
      api.post(user, CHANGES, CSV, "personRef\n", HttpStatus.FORBIDDEN);
    }
    assertThat(count("savings_line where code = 'UP-" + run + "'")).isZero();

    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "programme.csv";
          }
        });
    ResponseEntity<JsonNode> response =
        api.call("fin.head", HttpMethod.POST, LINES, MediaType.MULTIPART_FORM_DATA, form);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(count("savings_line where code = 'UP-" + run + "'")).isEqualTo(1);
  }

  private static List<String> rowErrors(JsonNode problem) {
    List<String> found = new ArrayList<>();
    problem
        .get("rows")
        .forEach(
            row ->
                row.get("errors")
                    .forEach(
                        error ->
                            found.add(
                                row.get("row").asInt() + " " + error.get("column").asText())));
    return found;
  }

  private void importLine(String prefix, SavingsKind kind) {
    api.post(
        "fin.head",
        LINES,
        CSV,
        "code,name,theme,kind,financialYear,target\n%s-%s,Line,Theme,%s,2063/64,%s\n"
            .formatted(prefix, run, kind, kind == SavingsKind.GROWTH ? "1000" : "-1000"),
        HttpStatus.CREATED);
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private Person person() {
    Team team = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    return casebook.recordPerson(
        "Import Person " + run,
        LocalDate.of(1960, 3, 3),
        ClientGroup.OLDER_PEOPLE,
        team,
        Set.of(),
        Set.of(),
        "test");
  }

  private CarePackage carePackage(Person person, String cost) {
    return casebook.recordPackage(
        person,
        new PackageTerms(
            ServiceType.HOME_CARE,
            "Example Care Ltd",
            Money.of(cost),
            Money.ZERO,
            BigDecimal.ZERO,
            LocalDate.of(2060, 1, 1),
            null,
            null),
        "initial",
        "test");
  }
}

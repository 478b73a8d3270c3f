package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
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
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsRollup.Figures;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * The two published programmes in {@code /work/shared/reference} (CSV fixtures under {@code
 * src/test/resources/savings}), imported as a council would and read back through the roll-up and
 * the programme view, to the pound. A database of its own (the property below makes a context of
 * its own), so no other test's entries count in these years' totals.
 *
 * <ul>
 *   <li>reference/002: nine lines of 2021/22, total -10,718,000, in four groups (themes); "1.3m
 *       package of care savings identified, of which 0.654m has been validated" as two savings.
 *   <li>reference/003, section 5.4: 25 lines over 2024/25 to 2027/28, year totals -8,696,246 /
 *       -10,452,838 / -4,425,094 / -374,289 (cumulative -23,948,467), each line's figure of each
 *       year delivered (ratified) by a saving effective on 1 April of that year. Sections 5.1 and
 *       5.2 of the same report total 24.898m; its own line table (5.4) totals 23.948m: the report
 *       is inconsistent, and the service reproduces 5.4. One cell of 5.4 is blank (OP supporting
 *       people, 2024/25): that line has no target that year.
 * </ul>
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "care-reviews.savings.at-risk-tolerance=0.10")
class SavingsReferenceProgrammesIT {

  private static final List<FinancialYear> MTFP =
      List.of(
          FinancialYear.parse("2024/25"),
          FinancialYear.parse("2025/26"),
          FinancialYear.parse("2026/27"),
          FinancialYear.parse("2027/28"));

  @Autowired SavingsImport imports;
  @Autowired SavingsLedger ledger;
  @Autowired SavingsRollup rollup;
  @Autowired SavingsProgrammeView programmeView;
  @Autowired SavingsEffectCalculator calculator;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;

  @Test
  void reference002NineLinesAndTheFunnelReadBackThroughTheRollup() throws IOException {
    FinancialYear year = FinancialYear.parse("2021/22");
    importLines("reference-002-lines.csv");
    CostChange validated =
        deliver("HWA Sav 06", year, Money.ofPounds(-654_000), SavingStatus.VALIDATED, 0).change();
    deliver("HWA Sav 19", year, Money.ofPounds(-646_000), SavingStatus.IDENTIFIED, 0);

    SavingsRollup.Rollup byLine = rollup.rollup(year, GroupBy.LINE);
    assertThat(byLine.rows()).hasSize(9);
    Figures total = byLine.totals().get(0);
    assertThat(total.kind()).isEqualTo(SavingsKind.CASHABLE_SAVING);
    assertThat(total.target()).isEqualTo(Money.ofPounds(-10_718_000));
    assertThat(pounds(total.identified().incremental())).isEqualTo(-1_300_000);
    assertThat(pounds(total.validated().incremental())).isEqualTo(-654_000);
    assertThat(pounds(total.ratified().incremental())).isZero();
    // "1.3m (17%) package of care savings identified": 17% of the six package-of-care lines'
    // targets.
    Money packageTargets =
        byLine.rows().stream()
            .filter(
                r ->
                    Set.of(
                            "HWA Sav 06",
                            "HWA Sav 07",
                            "HWA Sav 19",
                            "HWA Sav 20",
                            "HWA Sav 09",
                            "HWA Sav 10")
                        .contains(r.group()))
            .map(Figures::target)
            .reduce(Money.ZERO, Money::plus);
    assertThat(
            total
                .identified()
                .incremental()
                .amount()
                .divide(packageTargets.amount(), 2, RoundingMode.HALF_EVEN))
        .isEqualByComparingTo("0.17");
    // Forecast = validated 654,000 + identified not yet validated 646,000 x 0.5; far short of
    // 10,718,000.
    assertThat(pounds(total.forecast())).isEqualTo(-977_000);
    assertThat(pounds(total.variance())).isEqualTo(9_741_000);
    assertThat(total.atRisk()).isTrue();
    Figures sav06 = row(byLine, "HWA Sav 06");
    assertThat(sav06.target()).isEqualTo(Money.ofPounds(-3_015_000));
    assertThat(sav06.forecast()).isEqualTo(validated.getInYearEffect());
    assertThat(sav06.variance()).isEqualTo(sav06.forecast().minus(sav06.target()));

    Map<String, Long> themes = new LinkedHashMap<>();
    rollup
        .rollup(year, GroupBy.THEME)
        .rows()
        .forEach(r -> themes.put(r.group(), r.target().amount().longValue()));
    assertThat(themes)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Disabilities Care",
                -4_382_000L,
                "Older People Care",
                -2_599_000L,
                "Mental Health Care",
                -684_000L,
                "Other",
                -3_053_000L));

    TestUsers.ensure(identity);
    JsonNode lines =
        new Api(rest).get("director", "/api/savings/lines?financialYear=2021-22", HttpStatus.OK);
    assertThat(lines.get("lines")).hasSize(9);
    assertThat(lines.at("/totals/0/target").decimalValue()).isEqualByComparingTo("-10718000");
  }

  @Test
  void reference003Section54ProgrammeReadsBackThroughTheRollupAndTheProgrammeViewToThePound()
      throws IOException {
    List<CSVRecord> targets = importLines("reference-003-lines.csv");
    // Each line's figure of each year delivered by a saving from 1 April (no carry-forward); weekly
    // amounts are
    // pence, so a year's figure is a penny-rounded multiple of 365/7: the pence of each line are
    // chosen so that
    // the year's total stays within a pound of the report's, as a finance officer would.
    Map<FinancialYear, Money> roundingSoFar = new LinkedHashMap<>();
    for (CSVRecord target : targets) {
      Money figure = Money.of(amount(target.get("target")));
      if (figure.isZero()) {
        continue;
      }
      FinancialYear year = FinancialYear.parse(target.get("financialYear"));
      Money before = roundingSoFar.getOrDefault(year, Money.ZERO);
      Delivered delivered =
          deliver(
              target.get("code"), year, figure, SavingStatus.RATIFIED, before.amount().signum());
      roundingSoFar.put(year, before.plus(delivered.change().getInYearEffect().minus(figure)));
    }

    List<Long> yearTotals = List.of(-8_696_246L, -10_452_838L, -4_425_094L, -374_289L);
    for (int i = 0; i < MTFP.size(); i++) {
      SavingsRollup.Rollup byLine = rollup.rollup(MTFP.get(i), GroupBy.LINE);
      Figures total = byLine.totals().get(0);
      assertThat(total.target())
          .as("%s target", MTFP.get(i))
          .isEqualTo(Money.ofPounds(yearTotals.get(i)));
      assertThat(pounds(total.identified().incremental()))
          .as("%s identified", MTFP.get(i))
          .isEqualTo(yearTotals.get(i));
      assertThat(pounds(total.ratified().incremental()))
          .as("%s ratified", MTFP.get(i))
          .isEqualTo(yearTotals.get(i));
      assertThat(pounds(total.forecast())).isEqualTo(yearTotals.get(i));
      assertThat(total.atRisk()).isFalse();
      for (CSVRecord target : targets) {
        if (FinancialYear.parse(target.get("financialYear")).equals(MTFP.get(i))) {
          Figures row = row(byLine, target.get("code"));
          long figure = amount(target.get("target")).longValueExact();
          assertThat(row.target())
              .as("%s %s", target.get("code"), MTFP.get(i))
              .isEqualTo(Money.ofPounds(figure));
          assertThat(pounds(row.ratified().incremental()))
              .as("%s %s", target.get("code"), MTFP.get(i))
              .isEqualTo(figure);
          assertThat(row.atRisk()).isFalse();
        }
      }
    }
    assertThat(rollup.rollup(MTFP.get(0), GroupBy.LINE).rows())
        .as("the report's blank cell: no target, nothing done")
        .noneMatch(r -> r.group().equals("ASC 24-28 E10"));
    SavingsProgrammeView.YearFigures blank =
        programmeView.programme(MTFP.get(0), MTFP.get(3), GroupBy.LINE).rows().stream()
            .filter(r -> r.group().equals("ASC 24-28 E10"))
            .findFirst()
            .orElseThrow()
            .years()
            .get(0);
    assertThat(blank.target()).as("the report's blank cell: no target, not 0.00").isNull();
    assertThat(blank.variance()).isNull();
    assertThat(blank.atRisk()).isFalse();

    SavingsProgrammeView.Programme programme =
        programmeView.programme(MTFP.get(0), MTFP.get(3), GroupBy.THEME);
    SavingsProgrammeView.ProgrammeRow programmeTotal = programme.totals().get(0);
    for (int i = 0; i < MTFP.size(); i++) {
      SavingsProgrammeView.YearFigures figures = programmeTotal.years().get(i);
      assertThat(figures.target()).isEqualTo(Money.ofPounds(yearTotals.get(i)));
      assertThat(pounds(figures.identified())).isEqualTo(yearTotals.get(i));
      assertThat(pounds(figures.ratified())).isEqualTo(yearTotals.get(i));
      assertThat(figures.atRisk()).isFalse();
    }
    assertThat(programmeTotal.cumulative().target()).isEqualTo(Money.ofPounds(-23_948_467));
    assertThat(pounds(programmeTotal.cumulative().identified())).isEqualTo(-23_948_467);
    // The two programmes' subtotals, each within a pound (the pence are balanced over each year's
    // total).
    Map<String, List<Long>> themes =
        Map.of(
            "Existing Programme Savings", List.of(-6_753_163L, -5_564_029L, -4_363_805L, 0L),
            "New Duties & Powers Savings", List.of(-1_943_083L, -4_888_809L, -61_289L, -374_289L));
    assertThat(programme.rows())
        .extracting(SavingsProgrammeView.ProgrammeRow::group)
        .containsExactlyInAnyOrderElementsOf(themes.keySet());
    for (SavingsProgrammeView.ProgrammeRow row : programme.rows()) {
      for (int i = 0; i < MTFP.size(); i++) {
        BigDecimal published = BigDecimal.valueOf(themes.get(row.group()).get(i));
        assertThat(row.years().get(i).target().amount()).isEqualByComparingTo(published);
        assertThat(row.years().get(i).identified().amount().subtract(published).abs())
            .as("%s %s", row.group(), MTFP.get(i))
            .isLessThan(BigDecimal.ONE);
      }
    }

    TestUsers.ensure(identity);
    JsonNode api =
        new Api(rest)
            .get(
                "board.member",
                "/api/savings/programme?from=2024-25&to=2027-28&groupBy=line",
                HttpStatus.OK);
    assertThat(api.at("/totals/0/cumulative/target").decimalValue())
        .isEqualByComparingTo("-23948467");
    for (JsonNode row : api.get("rows")) {
      if (row.get("group").asText().equals("ASC 24-28 E10")) {
        assertThat(row.at("/years/0/target").isNull() || row.at("/years/0/target").isMissingNode())
            .isTrue();
        assertThat(row.at("/years/1/target").decimalValue()).isEqualByComparingTo("-170000");
      }
    }
  }

  private record Delivered(CostChange change) {}

  /**
   * Records a saving effective on 1 April of the year whose in-year effect is the figure to within
   * half a pound; of the two nearest weekly amounts, the one that brings {@code leaning} (the sign
   * of the rounding so far) back toward zero.
   */
  private Delivered deliver(
      String line, FinancialYear year, Money figure, SavingStatus stage, int leaning) {
    LocalDate effective = year.firstDay();
    BigDecimal exact =
        figure
            .amount()
            .multiply(BigDecimal.valueOf(7))
            .divide(BigDecimal.valueOf(365), 10, RoundingMode.HALF_EVEN);
    Money down = Money.of(exact.setScale(2, RoundingMode.FLOOR));
    Money up = Money.of(exact.setScale(2, RoundingMode.CEILING));
    Money errorDown = calculator.effectOf(down, effective).inYearEffect().minus(figure);
    Money errorUp = calculator.effectOf(up, effective).inYearEffect().minus(figure);
    BigDecimal half = new BigDecimal("0.50");
    boolean downWithinAPound = errorDown.amount().abs().compareTo(half) < 0;
    boolean upWithinAPound = errorUp.amount().abs().compareTo(half) < 0 && !up.isZero();
    boolean nearer = errorUp.amount().abs().compareTo(errorDown.amount().abs()) < 0;
    // Each line within half a pound of its figure; of the two, the one that pulls the year's total
    // back toward zero.
    boolean chooseUp =
        !downWithinAPound
            || (upWithinAPound
                && (leaning > 0
                    ? errorUp.isLessThan(errorDown)
                    : leaning < 0 ? errorUp.isGreaterThan(errorDown) : nearer));
    Money weekly = chooseUp ? up : down;
    Money old = Money.ofPounds(200_000);
    Person person =
        casebook.recordPerson(
            "Reference Person",
            LocalDate.of(1950, 1, 1),
            ClientGroup.OLDER_PEOPLE,
            team(),
            Set.of(),
            Set.of(),
            "test");
    CarePackage carePackage =
        casebook.recordPackage(
            person,
            new PackageTerms(
                ServiceType.RESIDENTIAL,
                "Example Care Ltd",
                old,
                Money.ZERO,
                BigDecimal.ZERO,
                effective.minusYears(1),
                null,
                null),
            "initial",
            "test");
    CostChange change =
        ledger
            .record(
                new CostChangeCommand(
                    SourceProcess.IMPORT,
                    UUID.randomUUID().toString(),
                    carePackage.getId(),
                    person.getId(),
                    old,
                    old.plus(weekly),
                    effective,
                    SavingsKind.CASHABLE_SAVING,
                    line,
                    "Reference programme",
                    "fin.head"))
            .get(0);
    if (stage == SavingStatus.VALIDATED || stage == SavingStatus.RATIFIED) {
      ledger.changeStatus(
          change.costChangeId(), SavingStatus.VALIDATED, null, null, "fin.validator");
    }
    if (stage == SavingStatus.RATIFIED) {
      ledger.changeStatus(change.costChangeId(), SavingStatus.RATIFIED, null, null, "board.member");
    }
    return new Delivered(change);
  }

  private List<CSVRecord> importLines(String fixture) throws IOException {
    try (Reader csv = reader(fixture)) {
      imports.importLines(csv);
    }
    try (Reader csv = reader(fixture)) {
      return new ArrayList<>(
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(csv)
              .getRecords());
    }
  }

  private static Reader reader(String fixture) {
    return new InputStreamReader(
        SavingsReferenceProgrammesIT.class.getResourceAsStream("/savings/" + fixture),
        StandardCharsets.UTF_8);
  }

  private static BigDecimal amount(String cell) {
    String digits = cell.replace(",", "").replace("(", "").replace(")", "");
    BigDecimal amount = new BigDecimal(digits);
    return cell.startsWith("(") ? amount.negate() : amount;
  }

  private static long pounds(Money money) {
    return money.amount().setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  private Team team() {
    return teams.findByCode("REF").orElseGet(() -> teams.save(new Team("REF", "Reference")));
  }

  private static Figures row(SavingsRollup.Rollup rollup, String group) {
    return rollup.rows().stream()
        .filter(r -> r.group().equals(group))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + group));
  }
}

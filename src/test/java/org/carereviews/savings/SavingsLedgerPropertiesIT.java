package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.carereviews.CareReviewsApplication;
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
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.savings.SavingsDrillDown.Figure;
import org.carereviews.savings.SavingsDrillDown.Part;
import org.carereviews.savings.SavingsDrillDown.Stage;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsRollup.Figures;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.savings.SavingsRollup.StageFigures;
import org.carereviews.support.PostgresInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The savings rules (docs/savings-rules.md) as jqwik properties over random sequences of cost
 * changes and status changes per package, recorded through the real ledger on PostgreSQL: savings
 * (some of a penny, some of millions a week) and increases on 29 February, 1 April of a leap year,
 * 31 March and other days of 2027/28 and 2028/29, validated (at the claim, less or more), ratified,
 * rejected, resubmitted and withdrawn in any order. Each try has lines of its own, so its roll-up
 * rows are its own. After each try:
 *
 * <ul>
 *   <li>conservation: for every package, the weekly deltas of all its entries, at every stage, add
 *       up to its last net cost minus its first (no part of a recorded change vanishes);
 *   <li>the funnel never inverts: every entry counted as ratified is counted as validated, and
 *       every one counted as validated as identified, at the same amount; for savings the full-year
 *       figures keep identified &lt;= validated &lt;= ratified &lt;= 0 (savings are negative);
 *   <li>in-year + carry-forward = full-year: a year's in-year figure plus what the next year
 *       carries in from it is its full-year figure, at every stage;
 *   <li>every figure equals the sum of the drill-down entries behind it;
 *   <li>the projection and summaries kept in step with each write equal those rebuilt from the
 *       ledger.
 * </ul>
 *
 * A Spring context of its own (jqwik runs outside JUnit Jupiter's Spring extension), on a fresh
 * PostgreSQL database.
 */
class SavingsLedgerPropertiesIT {

  private static final FinancialYear LEAP_YEAR =
      new FinancialYear(2027); // 1 Apr 2027 - 31 Mar 2028: 29 Feb 2028
  private static final FinancialYear NEXT_YEAR = LEAP_YEAR.next();
  private static final List<LocalDate> DATES =
      List.of(
          LocalDate.of(2027, 4, 1),
          LocalDate.of(2027, 4, 2),
          LocalDate.of(2027, 9, 30),
          LocalDate.of(2028, 2, 28),
          LocalDate.of(2028, 2, 29),
          LocalDate.of(2028, 3, 1),
          LocalDate.of(2028, 3, 31),
          LocalDate.of(2028, 4, 1),
          LocalDate.of(2028, 10, 15),
          LocalDate.of(2029, 3, 31));

  private static ConfigurableApplicationContext context;
  private static SavingsLedger ledger;
  private static SavingsRollup rollup;
  private static SavingsDrillDown drillDown;
  private static SavingsFacts facts;
  private static SavingsLines lines;
  private static CasebookService casebook;
  private static Team team;
  private static JdbcTemplate jdbc;

  @BeforeContainer
  static void start() {
    context =
        new SpringApplicationBuilder(CareReviewsApplication.class)
            .profiles("postgres", "test")
            .initializers(
                new PostgresInitializer(),
                c ->
                    c.getBeanFactory()
                        .registerSingleton(
                            TestBeansLeftOut.class.getName(), new TestBeansLeftOut()))
            .properties("server.port=0", "spring.main.banner-mode=off")
            .run();
    ledger = context.getBean(SavingsLedger.class);
    rollup = context.getBean(SavingsRollup.class);
    drillDown = context.getBean(SavingsDrillDown.class);
    facts = context.getBean(SavingsFacts.class);
    lines = context.getBean(SavingsLines.class);
    casebook = context.getBean(CasebookService.class);
    jdbc = context.getBean(JdbcTemplate.class);
    Teams teams = context.getBean(Teams.class);
    team = teams.findByCode("PROP").orElseGet(() -> teams.save(new Team("PROP", "Properties")));
  }

  /**
   * What {@code @SpringBootTest} leaves out of component scanning: the tests' own configurations.
   */
  static final class TestBeansLeftOut extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
          || reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName());
    }
  }

  @AfterContainer
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  /**
   * One step of a package's history: a new net weekly cost from a date, or a status change of an
   * earlier change.
   */
  record Step(
      int carePackage,
      Money newCost,
      LocalDate date,
      int line,
      int entry,
      SavingStatus status,
      BigDecimal validatedShare) {

    boolean isCostChange() {
      return newCost != null;
    }
  }

  @Property(tries = 100, shrinking = ShrinkingMode.OFF)
  void recordedChangesAreConservedTheFunnelNeverInvertsAndEveryFigureIsTheSumOfItsEntries(
      @ForAll("startingCosts") List<Money> startingCosts, @ForAll("histories") List<Step> steps) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> savingLines =
        List.of(
            line("PS-" + run, SavingsKind.CASHABLE_SAVING),
            line("PA-" + run, SavingsKind.COST_AVOIDANCE));
    String growthLine = line("PG-" + run, SavingsKind.GROWTH);
    Person person =
        casebook.recordPerson(
            "Property Person",
            LocalDate.of(1950, 1, 1),
            ClientGroup.OLDER_PEOPLE,
            team,
            Set.of(),
            Set.of(),
            "test");
    List<CarePackage> packages = new ArrayList<>();
    List<Money> costs = new ArrayList<>(startingCosts);
    for (Money cost : startingCosts) {
      packages.add(
          casebook.recordPackage(
              person,
              new PackageTerms(
                  ServiceType.HOME_CARE,
                  "Example Care Ltd",
                  cost,
                  Money.ZERO,
                  BigDecimal.ZERO,
                  LocalDate.of(2026, 1, 1),
                  null,
                  null),
              "initial",
              "test"));
    }
    List<CostChange> changes = new ArrayList<>();
    LocalDate[] lastDate = new LocalDate[packages.size()];
    for (Step step : steps) {
      int p = step.carePackage() % packages.size();
      if (step.isCostChange()) {
        Money old = costs.get(p);
        if (step.newCost().equals(old)
            || (lastDate[p] != null && step.date().isBefore(lastDate[p]))) {
          continue; // a package's changes take effect in date order, and a change changes the cost
        }
        boolean increase = step.newCost().isGreaterThan(old);
        String line = increase ? growthLine : savingLines.get(step.line() % savingLines.size());
        changes.addAll(
            ledger.record(
                new CostChangeCommand(
                    SourceProcess.REVIEW,
                    UUID.randomUUID().toString(),
                    packages.get(p).getId(),
                    person.getId(),
                    old,
                    step.newCost(),
                    step.date(),
                    increase ? SavingsKind.GROWTH : lines.findById(line).orElseThrow().getKind(),
                    line,
                    "Property step",
                    "sw.prop")));
        costs.set(p, step.newCost());
        lastDate[p] = step.date();
      } else if (!changes.isEmpty()) {
        CostChange target = changes.get(step.entry() % changes.size());
        Money validated =
            step.validatedShare() == null || step.status() != SavingStatus.VALIDATED
                ? null
                : target.getWeeklyDelta().times(step.validatedShare());
        try {
          ledger.changeStatus(
              target.costChangeId(),
              step.status(),
              validated == null || validated.isZero() ? null : validated,
              "Property status step",
              "fin.prop");
        } catch (InvalidRequestException refused) {
          // Not a move this entry can make now (a stage it cannot reach, growth, a clawback):
          // nothing is written.
        }
      }
    }
    String context = "run " + run + ", " + steps;

    for (int p = 0; p < packages.size(); p++) {
      BigDecimal deltas =
          jdbc.queryForObject(
              "select coalesce(sum(weekly_delta), 0) from cost_change where care_package_id = ?",
              BigDecimal.class,
              packages.get(p).getId());
      assertThat(Money.rounded(deltas))
          .as("%s: conservation for package %d", context, p)
          .isEqualTo(costs.get(p).minus(startingCosts.get(p)));
    }

    Set<String> ours = new HashSet<>(savingLines);
    ours.add(growthLine);
    Map<FinancialYear, Map<String, Figures>> byYear = new HashMap<>();
    for (FinancialYear year : List.of(LEAP_YEAR, NEXT_YEAR, NEXT_YEAR.next())) {
      Map<String, Figures> rows = new HashMap<>();
      rollup.rollup(year, GroupBy.LINE).rows().stream()
          .filter(r -> ours.contains(r.group()))
          .forEach(r -> rows.put(r.group(), r));
      byYear.put(year, rows);
    }
    for (FinancialYear year : List.of(LEAP_YEAR, NEXT_YEAR)) {
      for (Figures row : byYear.get(year).values()) {
        String where = context + ", " + year + " " + row.group();
        Map<Stage, Map<Long, Money>> entriesByStage = new HashMap<>();
        for (Stage stage : Stage.values()) {
          for (Part part : Part.values()) {
            Figure figure = new Figure(year, GroupBy.LINE, row.group(), row.kind(), stage, part);
            SavingsDrillDown.EntriesPage page = drillDown.page(figure, 0, 1000, true);
            Money sumOfEntries =
                page.content().stream()
                    .map(SavingsDrillDown.Entry::amount)
                    .reduce(Money.ZERO, Money::plus);
            assertThat(page.total())
                .as("%s %s %s: drill-down total", where, stage, part)
                .isEqualTo(row.figure(stage, part));
            assertThat(sumOfEntries)
                .as("%s %s %s: sum of the entries", where, stage, part)
                .isEqualTo(row.figure(stage, part));
            if (part == Part.FULL_YEAR) {
              Map<Long, Money> amounts = new HashMap<>();
              page.content().forEach(e -> amounts.put(e.entryId(), e.amount()));
              entriesByStage.put(stage, amounts);
            }
          }
        }
        assertThat(entriesByStage.get(Stage.IDENTIFIED))
            .as("%s: identified includes validated", where)
            .containsAllEntriesOf(entriesByStage.get(Stage.VALIDATED));
        assertThat(entriesByStage.get(Stage.VALIDATED))
            .as("%s: validated includes ratified", where)
            .containsAllEntriesOf(entriesByStage.get(Stage.RATIFIED));
        if (row.kind() != SavingsKind.GROWTH) {
          assertThat(row.identified().fullYear())
              .as("%s: identified <= validated", where)
              .isLessThanOrEqualTo(row.validated().fullYear());
          assertThat(row.validated().fullYear())
              .as("%s: validated <= ratified", where)
              .isLessThanOrEqualTo(row.ratified().fullYear());
          assertThat(row.ratified().fullYear())
              .as("%s: ratified <= 0", where)
              .isLessThanOrEqualTo(Money.ZERO);
        }
        Figures next = byYear.get(year.next()).get(row.group());
        for (Function<Figures, StageFigures> stage :
            List.<Function<Figures, StageFigures>>of(
                Figures::identified, Figures::validated, Figures::ratified)) {
          Money carriedIntoNext = next == null ? Money.ZERO : stage.apply(next).carriedIn();
          assertThat(stage.apply(row).inYear().plus(carriedIntoNext))
              .as("%s: in-year + carry-forward", where)
              .isEqualTo(stage.apply(row).fullYear());
        }
      }
    }

    if (jdbc.queryForObject("select count(*) from cost_change", Integer.class) > 0) {
      KeptInStep.assertEqualsRebuilt(jdbc, facts, context); // (which needs something to compare)
    }
  }

  @Provide
  Arbitrary<List<Money>> startingCosts() {
    return weeklyCost().list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> costChange =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                weeklyCost(),
                Arbitraries.of(DATES),
                Arbitraries.integers().between(0, 1))
            .as((p, cost, date, line) -> new Step(p, cost, date, line, 0, null, null));
    Arbitrary<Step> statusChange =
        Combinators.combine(
                Arbitraries.integers().between(0, 50),
                Arbitraries.of(
                    SavingStatus.VALIDATED,
                    SavingStatus.VALIDATED,
                    SavingStatus.RATIFIED,
                    SavingStatus.REJECTED,
                    SavingStatus.WITHDRAWN,
                    SavingStatus.IDENTIFIED),
                Arbitraries.of(
                    new BigDecimal("1"),
                    new BigDecimal("0.5"),
                    new BigDecimal("1.2"),
                    new BigDecimal("0.01")))
            .as((entry, status, share) -> new Step(0, null, null, 0, entry, status, share));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, costChange), net.jqwik.api.Tuple.of(2, statusChange))
        .list()
        .ofMinSize(1)
        .ofMaxSize(14);
  }

  /**
   * From a penny to millions a week, and the edges: 0.00, 0.01, 0.02 and the largest the ledger
   * holds.
   */
  private static Arbitrary<Money> weeklyCost() {
    return Arbitraries.oneOf(
        Arbitraries.of(Money.ZERO, Money.of("0.01"), Money.of("0.02"), Money.of("99999999.99")),
        Arbitraries.integers()
            .between(0, 200_000)
            .map(pence -> Money.of(BigDecimal.valueOf(pence, 2))),
        Arbitraries.longs()
            .between(0, 9_999_999_999L)
            .map(pence -> Money.of(BigDecimal.valueOf(pence, 2))));
  }

  private static String line(String code, SavingsKind kind) {
    lines.save(new SavingsLine(code, "Property line " + code, "Properties", kind, "ASC"));
    return code;
  }
}

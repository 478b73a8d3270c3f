package org.carereviews.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.Cohort;
import org.carereviews.casebook.Cohorts;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.People;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.demo.DemoDataGenerator.PackageSeed;
import org.carereviews.demo.DemoDataGenerator.PersonSeed;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.savings.SavingsTarget;
import org.carereviews.savings.SavingsTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the synthetic council when {@code care-reviews.demo.load-data=true} (the embedded default
 * sets it): teams, cohorts, people with packages, the savings programme, and this year's package
 * changes in the savings ledger. Loads only into an empty casebook; it never adds to real records.
 * The {@code postgres} profile refuses the setting.
 */
@Component
@ConditionalOnProperty(name = "care-reviews.demo.load-data", havingValue = "true")
@Order(2)
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  private static final String AUTHOR = "demo-data";
  private static final int BATCH = 200;

  /**
   * The line the shipped SavingsLineRouting.dmn routes a CTR discharge's growth to
   * (Rule_CtrDischargeGrowth).
   */
  private static final String CTR_GROWTH_LINE = "CTR Growth";

  private final DemoProperties properties;
  private final Teams teams;
  private final Cohorts cohorts;
  private final People people;
  private final CasebookService casebook;
  private final SavingsLines savingsLines;
  private final SavingsTargets savingsTargets;
  private final SavingsLedger ledger;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DemoDataLoader(
      DemoProperties properties,
      Teams teams,
      Cohorts cohorts,
      People people,
      CasebookService casebook,
      SavingsLines savingsLines,
      SavingsTargets savingsTargets,
      SavingsLedger ledger,
      TransactionTemplate transaction,
      Clock clock) {
    this.ledger = ledger;
    this.properties = properties;
    this.teams = teams;
    this.cohorts = cohorts;
    this.people = people;
    this.casebook = casebook;
    this.savingsLines = savingsLines;
    this.savingsTargets = savingsTargets;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (people.count() > 0) {
      log.info("Demo data: the casebook already has people; nothing loaded");
      return;
    }
    long started = System.nanoTime();
    LocalDate today = LocalDate.now(clock);
    Map<String, Team> teamsByCode = transaction.execute(status -> loadTeamsAndCohorts());
    Map<String, Cohort> cohortsByCode =
        cohorts.findAll().stream().collect(Collectors.toMap(Cohort::getCode, Function.identity()));
    List<PersonSeed> seeds =
        new DemoDataGenerator(properties.seed(), today).people(properties.people());
    transaction.executeWithoutResult(status -> loadSavingsProgramme(today));
    DemoLedger demoLedger = new DemoLedger(ledger, properties.seed(), today);
    int packageChanges = 0;
    int packageCount = 0;
    for (int from = 0; from < seeds.size(); from += BATCH) {
      List<PersonSeed> batch = seeds.subList(from, Math.min(seeds.size(), from + BATCH));
      List<CostChangeCommand> changes = new ArrayList<>();
      packageCount +=
          transaction.execute(
              status -> savePeople(batch, teamsByCode, cohortsByCode, demoLedger, changes));
      transaction.executeWithoutResult(status -> demoLedger.record(changes));
      packageChanges += changes.size();
    }
    log.warn(
        "Demo data loaded: {} synthetic people, {} packages, {} savings lines, {} package changes in the ledger "
            + "in {} ms (seed {})",
        seeds.size(),
        packageCount,
        savingsLines.count(),
        packageChanges,
        (System.nanoTime() - started) / 1_000_000,
        properties.seed());
  }

  private Map<String, Team> loadTeamsAndCohorts() {
    for (String code : DemoDataGenerator.TEAM_CODES) {
      if (teams.findByCode(code).isEmpty()) {
        teams.save(new Team(code, code.charAt(0) + code.substring(1).toLowerCase()));
      }
    }
    Set<String> existing =
        cohorts.findAll().stream().map(Cohort::getCode).collect(Collectors.toSet());
    DemoDataGenerator.COHORTS.stream()
        .filter(c -> !existing.contains(c.code()))
        .forEach(c -> cohorts.save(new Cohort(c.code(), c.name())));
    return teams.findAll().stream().collect(Collectors.toMap(Team::getCode, Function.identity()));
  }

  private int savePeople(
      List<PersonSeed> batch,
      Map<String, Team> teamsByCode,
      Map<String, Cohort> cohortsByCode,
      DemoLedger demoLedger,
      List<CostChangeCommand> changes) {
    List<CarePackage> newPackages = new ArrayList<>();
    for (PersonSeed seed : batch) {
      Set<Cohort> personCohorts = new HashSet<>();
      seed.cohortCodes().forEach(code -> personCohorts.add(cohortsByCode.get(code)));
      Person person =
          casebook.recordPerson(
              seed.displayName(),
              seed.dateOfBirth(),
              seed.clientGroup(),
              teamsByCode.get(seed.teamCode()),
              personCohorts,
              seed.fundingFlags(),
              AUTHOR);
      for (PackageSeed p : seed.packages()) {
        PackageTerms terms =
            new PackageTerms(
                p.serviceType(),
                p.provider(),
                p.weeklyGrossCost(),
                p.assessedContribution(),
                p.nhsSharePercent(),
                p.startDate(),
                null,
                p.nextReviewDue());
        newPackages.add(casebook.recordPackage(person, terms, "Synthetic demo package", AUTHOR));
      }
    }
    changes.addAll(demoLedger.changeSome(newPackages));
    return newPackages.size();
  }

  private void loadSavingsProgramme(LocalDate today) {
    if (savingsLines.count() > 0) {
      return;
    }
    FinancialYear reference = new FinancialYear(DemoSavingsProgramme.REFERENCE_YEAR);
    FinancialYear current = FinancialYear.containing(today);
    for (DemoSavingsProgramme.Line line : DemoSavingsProgramme.LINES) {
      savingsLines.save(
          new SavingsLine(
              line.code(), line.name(), line.theme(), line.kind(), "Adult Social Care"));
      savingsTargets.save(new SavingsTarget(line.code(), reference, Money.ofPounds(line.target())));
      if (!current.equals(reference)) {
        // The same published targets, repeated for the current year so the demo has a live
        // programme.
        savingsTargets.save(new SavingsTarget(line.code(), current, Money.ofPounds(line.target())));
      }
    }
    savingsLines.save(
        new SavingsLine(
            DemoLedger.GROWTH_LINE,
            "Demographic and complexity growth (synthetic)",
            "Pressures",
            SavingsKind.GROWTH,
            "Adult Social Care"));
    savingsTargets.save(
        new SavingsTarget(DemoLedger.GROWTH_LINE, current, Money.ofPounds(1_500_000)));
    // The line that community packages after a Care and Treatment Review count toward
    // (SavingsLineRouting.dmn).
    savingsLines.save(
        new SavingsLine(
            CTR_GROWTH_LINE,
            "Discharges from specialist hospital after " + "Care and Treatment Reviews (synthetic)",
            "Pressures",
            SavingsKind.GROWTH,
            "Adult Social Care"));
  }
}

package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsRollup.Figures;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.savings.SavingsRollup.StageFigures;
import org.carereviews.support.PostgresIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Laws of the roll-up over random ledgers, on PostgreSQL: for each seed, a random history of
 * savings, growth, clawbacks, validations (some at other amounts), ratifications, rejections and
 * reversals, in a financial year of its own. Then for every grouping the rows add up to the same
 * totals, those totals equal a hand-written SQL sum over the append-only ledger tables, every
 * reversed saving nets to zero, and the projection and summaries kept in step with each entry and
 * status change equal those rebuilt from the ledger. The seed is in every failure message.
 */
@PostgresIntegrationTest
class SavingsRollupPropertiesIT {

  @Autowired SavingsLedger ledger;
  @Autowired SavingsRollup rollup;
  @Autowired SavingsFacts facts;
  @Autowired SavingsLines lines;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired Cohorts cohorts;
  @Autowired JdbcTemplate jdbc;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyGroupingAddsUpToTheLedgerReversalsNetToZeroAndSummariesEqualTheRebuilt(int seed) {
    Random random = new Random(seed);
    FinancialYear year = new FinancialYear(2070 + seed);
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> savingLines = new ArrayList<>();
    for (String theme : List.of("A", "B", "C")) {
      String code = "P" + theme + "-" + run;
      lines.save(
          new SavingsLine(
              code,
              "Line " + code,
              "Theme " + theme,
              theme.equals("C") ? SavingsKind.COST_AVOIDANCE : SavingsKind.CASHABLE_SAVING,
              "ASC"));
      savingLines.add(code);
    }
    String growthLine = "PG-" + run;
    lines.save(
        new SavingsLine(growthLine, "Growth " + run, "Pressures", SavingsKind.GROWTH, "ASC"));
    Cohort cohort = cohorts.save(new Cohort("PC-" + run, "Property cohort"));
    List<Team> teamList = List.of(team("PNORTH"), team("PSOUTH"), team("PEAST"));

    List<CarePackage> packages = new ArrayList<>();
    List<Money> costs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Person person =
          casebook.recordPerson(
              "Property Person " + i,
              LocalDate.of(1950, 1, 1),
              ClientGroup.values()[random.nextInt(ClientGroup.values().length)],
              teamList.get(random.nextInt(3)),
              random.nextBoolean() ? Set.of(cohort) : Set.of(),
              Set.of(),
              "test");
      Money cost = Money.ofPounds(300 + random.nextInt(700));
      packages.add(
          casebook.recordPackage(
              person,
              new PackageTerms(
                  ServiceType.HOME_CARE,
                  "Example Care Ltd",
                  cost,
                  Money.ZERO,
                  BigDecimal.ZERO,
                  year.firstDay().minusYears(2),
                  null,
                  null),
              "initial",
              "test"));
      costs.add(cost);
    }

    List<CostChange> changes = new ArrayList<>();
    LocalDate date = year.previous().firstDay().plusDays(random.nextInt(60));
    for (int step = 0; step < 24; step++) {
      date = date.plusDays(1 + random.nextInt(30));
      int p = random.nextInt(packages.size());
      CarePackage carePackage = packages.get(p);
      Money old = costs.get(p);
      int action = random.nextInt(10);
      if (action < 5 && old.isGreaterThan(Money.ofPounds(50))) {
        Money next = old.minus(Money.ofPounds(5 + random.nextInt(45)));
        String line = savingLines.get(random.nextInt(savingLines.size()));
        changes.addAll(ledger.record(command(carePackage, old, next, date, kindOf(line), line)));
        costs.set(p, next);
      } else if (action < 7) {
        Money next = old.plus(Money.ofPounds(5 + random.nextInt(60)));
        changes.addAll(
            ledger.record(command(carePackage, old, next, date, SavingsKind.GROWTH, growthLine)));
        costs.set(p, next);
      } else if (!changes.isEmpty()) {
        CostChange target = changes.get(random.nextInt(changes.size()));
        if (target.getEntryType() == EntryType.CHANGE) {
          moveAtRandom(random, target, date);
        }
      }
    }

    String context = "seed " + seed + ", " + year;
    Map<SavingsKind, Figures> totals =
        rollup.rollup(year, GroupBy.LINE).totals().stream()
            .collect(Collectors.toMap(Figures::kind, f -> f));
    for (GroupBy groupBy : GroupBy.values()) {
      List<Figures> rows = rollup.rollup(year, groupBy).rows();
      for (SavingsKind kind : totals.keySet()) {
        List<Figures> ofKind = rows.stream().filter(r -> r.kind() == kind).toList();
        assertThat(sum(ofKind, Figures::identified))
            .as("%s %s %s identified", context, groupBy, kind)
            .isEqualTo(parts(totals.get(kind).identified()));
        assertThat(sum(ofKind, Figures::validated))
            .as("%s %s %s validated", context, groupBy, kind)
            .isEqualTo(parts(totals.get(kind).validated()));
        assertThat(sum(ofKind, Figures::ratified))
            .as("%s %s %s ratified", context, groupBy, kind)
            .isEqualTo(parts(totals.get(kind).ratified()));
      }
    }
    Map<String, BigDecimal> fromLedger = new java.util.HashMap<>();
    jdbc.query(
        """
        with stage as (
          select distinct on (cost_change_id) cost_change_id, status from saving_status_event
          where status <> 'REVERSED' order by cost_change_id, occurred_at desc, id desc)
        select c.kind, sum(c.in_year_effect) from cost_change c
        join stage s on s.cost_change_id = coalesce(c.adjusts_entry_id, c.id)
        join savings_line l on l.code = c.savings_line_code
        where c.financial_year = ? and s.status in ('IDENTIFIED', 'VALIDATED', 'RATIFIED') and l.code like ?
        group by c.kind""",
        rs -> {
          fromLedger.put(rs.getString(1), rs.getBigDecimal(2));
        },
        year.startYear(),
        "%-" + run);
    totals.forEach(
        (kind, total) ->
            assertThat(total.identified().inYear().amount())
                .as("%s %s identified in-year against the ledger", context, kind)
                .isEqualByComparingTo(fromLedger.getOrDefault(kind.name(), BigDecimal.ZERO)));

    List<Map<String, Object>> unbalanced =
        jdbc.queryForList(
            """
        select r.adjusts_entry_id, sum(x.weekly_delta) as standing from cost_change r
        join cost_change x on x.id = r.adjusts_entry_id or x.adjusts_entry_id = r.adjusts_entry_id
        where r.entry_type = 'REVERSAL' and r.savings_line_code like ?
        group by r.adjusts_entry_id having sum(x.weekly_delta) <> 0""",
            "%-" + run);
    assertThat(unbalanced).as(context + ": reversed savings that do not net to zero").isEmpty();

    KeptInStep.assertEqualsRebuilt(jdbc, facts, context);
  }

  private void moveAtRandom(Random random, CostChange change, LocalDate date) {
    try {
      switch (ledger.stageOf(change.costChangeId())) {
        case IDENTIFIED -> {
          if (random.nextInt(4) == 0) {
            ledger.changeStatus(
                change.costChangeId(), SavingStatus.REJECTED, null, "No evidence", "fin.validator");
          } else {
            Money claimed = change.getWeeklyDelta();
            Money amount = random.nextBoolean() ? null : claimed.times(new BigDecimal("0.8"));
            ledger.changeStatus(
                change.costChangeId(),
                SavingStatus.VALIDATED,
                amount,
                "Checked against the invoice",
                "fin.validator");
          }
        }
        case VALIDATED -> {
          switch (random.nextInt(4)) {
            case 0 ->
                ledger.changeStatus(
                    change.costChangeId(),
                    SavingStatus.VALIDATED,
                    change.getWeeklyDelta().times(new BigDecimal("0.5")),
                    "Validated again on a later invoice",
                    "fin.validator");
            case 1 ->
                ledger.changeStatus(
                    change.costChangeId(),
                    SavingStatus.REJECTED,
                    null,
                    "Invoice withdrawn",
                    "fin.validator");
            default ->
                ledger.changeStatus(
                    change.costChangeId(), SavingStatus.RATIFIED, null, null, "board.member");
          }
        }
        case REJECTED -> {
          switch (random.nextInt(3)) {
            case 0 ->
                ledger.changeStatus(
                    change.costChangeId(),
                    SavingStatus.IDENTIFIED,
                    null,
                    "Evidence attached",
                    "sw.north");
            case 1 ->
                ledger.changeStatus(
                    change.costChangeId(),
                    SavingStatus.WITHDRAWN,
                    null,
                    "Not a saving after all",
                    "sw.north");
            default ->
                ledger.reverse(change.costChangeId(), date, "Package change undone", "tm.north");
          }
        }
        default -> ledger.reverse(change.costChangeId(), date, "Package change undone", "tm.north");
      }
    } catch (InvalidRequestException alreadyDone) {
      // e.g. reversing a saving that was already clawed back in full: refused, nothing written
    }
  }

  private List<Money> sum(
      List<Figures> rows, java.util.function.Function<Figures, StageFigures> stage) {
    Money inYear = Money.ZERO;
    Money fullYear = Money.ZERO;
    Money carriedIn = Money.ZERO;
    for (Figures row : rows) {
      inYear = inYear.plus(stage.apply(row).inYear());
      fullYear = fullYear.plus(stage.apply(row).fullYear());
      carriedIn = carriedIn.plus(stage.apply(row).carriedIn());
    }
    return List.of(inYear, fullYear, carriedIn);
  }

  private static List<Money> parts(StageFigures figures) {
    return List.of(figures.inYear(), figures.fullYear(), figures.carriedIn());
  }

  private SavingsKind kindOf(String line) {
    return lines.findById(line).orElseThrow().getKind();
  }

  private Team team(String code) {
    return teams.findByCode(code).orElseGet(() -> teams.save(new Team(code, code)));
  }

  private static CostChangeCommand command(
      CarePackage carePackage,
      Money old,
      Money next,
      LocalDate date,
      SavingsKind kind,
      String line) {
    return new CostChangeCommand(
        SourceProcess.REVIEW,
        UUID.randomUUID().toString(),
        carePackage.getId(),
        carePackage.getPerson().getId(),
        old,
        next,
        date,
        kind,
        line,
        "Random history",
        "sw.north");
  }
}

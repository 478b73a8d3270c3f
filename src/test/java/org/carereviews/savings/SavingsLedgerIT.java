package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger on PostgreSQL: exactly-once recording, clawback, reversal and the database's own
 * guards.
 */
@PostgresIntegrationTest
class SavingsLedgerIT {

  private static final String SAVING_LINE = "HWA Sav 06";
  private static final String GROWTH_LINE = "GROWTH-LD";

  @Autowired SavingsLedger ledger;
  @Autowired SavingsLines lines;
  @Autowired CostChanges entries;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired JdbcTemplate jdbc;

  private Person person;
  private CarePackage carePackage;

  @BeforeEach
  void setUp() {
    if (!lines.existsById(SAVING_LINE)) {
      lines.save(
          new SavingsLine(
              SAVING_LINE,
              "Baseline Savings - Disabilities Operational Budget",
              "Disabilities Care",
              SavingsKind.CASHABLE_SAVING,
              "ASC"));
      lines.save(
          new SavingsLine(
              GROWTH_LINE,
              "Growth - Learning Disability",
              "Disabilities Care",
              SavingsKind.GROWTH,
              "ASC"));
    }
    Team team = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    person =
        casebook.recordPerson(
            "Ada Demo-Ashby",
            LocalDate.of(1980, 1, 1),
            ClientGroup.LEARNING_DISABILITY,
            team,
            Set.of(),
            Set.of(),
            "test");
    carePackage =
        casebook.recordPackage(
            person,
            new PackageTerms(
                ServiceType.SUPPORTED_LIVING,
                "Example Care Ltd",
                Money.of("500.00"),
                Money.ZERO,
                BigDecimal.ZERO,
                LocalDate.of(2024, 1, 1),
                null,
                null),
            "initial",
            "test");
  }

  @Test
  void savingIsRecordedOnceWithItsEffectsAndIdentified() {
    CostChangeCommand command = saving("500.00", "400.00", LocalDate.of(2025, 1, 1));

    List<CostChange> first = ledger.record(command);
    List<CostChange> again = ledger.record(command);

    assertThat(first).hasSize(1);
    assertThat(again).extracting(CostChange::getId).containsExactly(first.get(0).getId());
    CostChange entry = first.get(0);
    assertThat(entry.getWeeklyDelta()).isEqualTo(Money.of("-100.00"));
    assertThat(entry.getInYearEffect()).isEqualTo(Money.of("-1285.71"));
    assertThat(entry.getFullYearEffect()).isEqualTo(Money.of("-5214.29"));
    assertThat(entry.getCarryForwardEffect()).isEqualTo(Money.of("-3928.58"));
    assertThat(entry.getFinancialYear()).hasToString("2024/25");
    assertThat(ledger.statusOf(entry.costChangeId())).isEqualTo(SavingStatus.IDENTIFIED);
    assertThat(entriesOfPackage()).isEqualTo(1);
  }

  @Test
  void databaseRefusesTheSameSourceDecisionTwice() {
    CostChange entry = ledger.record(saving("500.00", "400.00", LocalDate.of(2025, 1, 1))).get(0);

    assertThatThrownBy(
            () ->
                jdbc.update(
                    """
        insert into cost_change (id, entry_type, source_key, source_process, source_reference, care_package_id,
          person_id, old_net_weekly_cost, new_net_weekly_cost, weekly_delta, effective_date, financial_year,
          full_year_effect, in_year_effect, carry_forward_effect, kind, savings_line_code, reason, recorded_by,
          recorded_at)
        select nextval('cost_change_seq'), entry_type, source_key, source_process, source_reference, care_package_id,
          person_id, old_net_weekly_cost, new_net_weekly_cost, weekly_delta, effective_date, financial_year,
          full_year_effect, in_year_effect, carry_forward_effect, kind, savings_line_code, reason, recorded_by,
          recorded_at from cost_change where id = ?""",
                    entry.getId()))
        .hasMessageContaining("cost_change_source_key_unique");
  }

  @Test
  void ledgerEntriesCannotBeEditedOrDeleted() {
    CostChange entry = ledger.record(saving("500.00", "400.00", LocalDate.of(2025, 1, 1))).get(0);

    assertThatThrownBy(
            () ->
                jdbc.update("update cost_change set weekly_delta = 0 where id = ?", entry.getId()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "delete from saving_status_event where cost_change_id = ?", entry.getId()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "delete from cost_change_attribution where cost_change_id = ?", entry.getId()))
        .hasMessageContaining("append-only");
  }

  @Test
  void increaseWithinTheYearClawsTheSavingBackBeforeAnyGrowth() {
    CostChange saving = ledger.record(saving("500.00", "400.00", LocalDate.of(2025, 1, 1))).get(0);

    List<CostChange> partial = ledger.record(growth("400.00", "480.00", LocalDate.of(2025, 2, 1)));
    assertThat(partial)
        .singleElement()
        .satisfies(
            clawback -> {
              assertThat(clawback.getEntryType()).isEqualTo(EntryType.CLAWBACK);
              assertThat(clawback.getWeeklyDelta()).isEqualTo(Money.of("80.00"));
              assertThat(clawback.getSavingsLineCode()).isEqualTo(SAVING_LINE);
              assertThat(clawback.getKind()).isEqualTo(SavingsKind.CASHABLE_SAVING);
              assertThat(clawback.getAdjustsEntryId()).isEqualTo(saving.getId());
            });
    assertThat(ledger.statusOf(saving.costChangeId())).isEqualTo(SavingStatus.IDENTIFIED);

    List<CostChange> rest = ledger.record(growth("480.00", "550.00", LocalDate.of(2025, 3, 1)));
    assertThat(rest)
        .extracting(CostChange::getEntryType)
        .containsExactly(EntryType.CLAWBACK, EntryType.CHANGE);
    assertThat(rest.get(0).getWeeklyDelta()).isEqualTo(Money.of("20.00"));
    assertThat(rest.get(1).getWeeklyDelta()).isEqualTo(Money.of("50.00"));
    assertThat(rest.get(1).getKind()).isEqualTo(SavingsKind.GROWTH);
    assertThat(rest.get(1).getOldNetWeeklyCost()).isEqualTo(Money.of("500.00"));
    assertThat(ledger.statusOf(saving.costChangeId())).isEqualTo(SavingStatus.REVERSED);

    assertThat(sumOfWeeklyDeltas())
        .isEqualTo(Money.of("50.00")); // 500 -> 550, as the package really moved
  }

  @Test
  void
      clawedBackSavingThatIsLaterRejectedGivesTheClawedPartBackToGrowthAndTakesItAgainIfResubmitted() {
    CostChange saving = ledger.record(saving("500.00", "400.00", LocalDate.of(2025, 1, 1))).get(0);
    ledger.record(
        growth("400.00", "480.00", LocalDate.of(2025, 2, 1))); // a clawback of 80, no growth

    ledger.changeStatus(
        saving.costChangeId(), SavingStatus.REJECTED, null, "No evidence", "fin.validator");

    assertThat(live(SavingsKind.CASHABLE_SAVING, "c.weekly_delta")).isEqualTo(Money.ZERO);
    assertThat(live(SavingsKind.GROWTH, "c.weekly_delta")).isEqualTo(Money.of("80.00"));
    assertThat(live(SavingsKind.GROWTH, "f.full_year_effect"))
        .isEqualTo(Money.of("4171.43")); // 80 x 365/7
    assertThat(sumOfWeeklyDeltas())
        .isEqualTo(Money.of("-20.00")); // every entry, every stage: 500 -> 480

    ledger.changeStatus(
        saving.costChangeId(), SavingStatus.IDENTIFIED, null, "Evidence attached", "sw.north");

    assertThat(live(SavingsKind.CASHABLE_SAVING, "c.weekly_delta")).isEqualTo(Money.of("-20.00"));
    assertThat(live(SavingsKind.GROWTH, "c.weekly_delta")).isEqualTo(Money.ZERO);
    assertThat(sumOfWeeklyDeltas()).isEqualTo(Money.of("-20.00"));

    ledger.changeStatus(
        saving.costChangeId(), SavingStatus.WITHDRAWN, null, "Not a saving after all", "sw.north");

    assertThat(live(SavingsKind.CASHABLE_SAVING, "c.weekly_delta")).isEqualTo(Money.ZERO);
    assertThat(live(SavingsKind.GROWTH, "c.weekly_delta")).isEqualTo(Money.of("80.00"));
    assertThat(sumOfWeeklyDeltas()).isEqualTo(Money.of("-20.00"));
  }

  @Test
  void increaseAfterARejectedSavingIsAllGrowth() {
    CostChange saving = ledger.record(saving("500.00", "400.00", LocalDate.of(2025, 1, 1))).get(0);
    ledger.changeStatus(
        saving.costChangeId(), SavingStatus.REJECTED, null, "No evidence", "fin.validator");

    List<CostChange> increase = ledger.record(growth("400.00", "482.67", LocalDate.of(2025, 2, 1)));

    assertThat(increase)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getEntryType()).isEqualTo(EntryType.CHANGE);
              assertThat(e.getWeeklyDelta()).isEqualTo(Money.of("82.67"));
            });
    assertThat(live(SavingsKind.GROWTH, "c.weekly_delta")).isEqualTo(Money.of("82.67"));
  }

  @Test
  void growthHasNoValidationStages() {
    CostChange increase =
        ledger.record(growth("500.00", "550.00", LocalDate.of(2025, 1, 1))).get(0);

    assertThatThrownBy(
            () ->
                ledger.changeStatus(
                    increase.costChangeId(), SavingStatus.VALIDATED, null, null, "fin.validator"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("growth has no validation stages");
  }

  @Test
  void increaseAfterTheWindowIsGrowthOnly() {
    ledger.record(saving("500.00", "400.00", LocalDate.of(2025, 1, 1)));

    List<CostChange> next = ledger.record(growth("400.00", "450.00", LocalDate.of(2025, 4, 1)));

    assertThat(next)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getEntryType()).isEqualTo(EntryType.CHANGE);
              assertThat(e.getKind()).isEqualTo(SavingsKind.GROWTH);
            });
  }

  @Test
  void reversalNetsToZeroAndCannotBeRepeated() {
    CostChange saving = ledger.record(saving("500.00", "400.00", LocalDate.of(2025, 1, 1))).get(0);

    CostChange reversal =
        ledger.reverse(
            saving.costChangeId(), LocalDate.of(2025, 1, 1), "Package change undone", "tm.north");

    assertThat(reversal.getWeeklyDelta().plus(saving.getWeeklyDelta())).isEqualTo(Money.ZERO);
    assertThat(reversal.getFullYearEffect().plus(saving.getFullYearEffect())).isEqualTo(Money.ZERO);
    assertThat(reversal.getInYearEffect().plus(saving.getInYearEffect())).isEqualTo(Money.ZERO);
    assertThat(ledger.statusOf(saving.costChangeId())).isEqualTo(SavingStatus.REVERSED);
    assertThatThrownBy(
            () ->
                ledger.reverse(
                    saving.costChangeId(), LocalDate.of(2025, 1, 1), "again", "tm.north"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("already been reversed");
  }

  @Test
  void badCommandsAreRefusedAndWriteNothing() {
    assertThatThrownBy(
            () ->
                ledger.record(
                    command(
                        "500.00",
                        "400.00",
                        LocalDate.of(2025, 1, 1),
                        SavingsKind.CASHABLE_SAVING,
                        "NO SUCH LINE")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not a known savings line");
    assertThatThrownBy(() -> ledger.record(saving("500.00", "500.00", LocalDate.of(2025, 1, 1))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no cost change");
    assertThatThrownBy(() -> ledger.record(saving("400.00", "500.00", LocalDate.of(2025, 1, 1))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be a cost reduction");
    assertThatThrownBy(() -> ledger.record(growth("500.00", "400.00", LocalDate.of(2025, 1, 1))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("growth must be a cost increase");

    assertThat(entriesOfPackage()).isZero();
  }

  private int entriesOfPackage() {
    return jdbc.queryForObject(
        "select count(*) from cost_change where care_package_id = ?",
        Integer.class,
        carePackage.getId());
  }

  private Money sumOfWeeklyDeltas() {
    return Money.rounded(
        jdbc.queryForObject(
            "select sum(weekly_delta) from cost_change where care_package_id = ?",
            BigDecimal.class,
            carePackage.getId()));
  }

  /**
   * A column of the package's entries of a kind that count (identified, validated or ratified),
   * summed.
   */
  private Money live(SavingsKind kind, String column) {
    return Money.rounded(
        jdbc.queryForObject(
            """
        select coalesce(sum(%s), 0) from cost_change c join savings_fact f on f.cost_change_id = c.id
        where c.care_package_id = ? and c.kind = ? and f.stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED')"""
                .formatted(column),
            BigDecimal.class,
            carePackage.getId(),
            kind.name()));
  }

  private CostChangeCommand saving(String oldCost, String newCost, LocalDate effective) {
    return command(oldCost, newCost, effective, SavingsKind.CASHABLE_SAVING, SAVING_LINE);
  }

  private CostChangeCommand growth(String oldCost, String newCost, LocalDate effective) {
    return command(oldCost, newCost, effective, SavingsKind.GROWTH, GROWTH_LINE);
  }

  private CostChangeCommand command(
      String oldCost, String newCost, LocalDate effective, SavingsKind kind, String line) {
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

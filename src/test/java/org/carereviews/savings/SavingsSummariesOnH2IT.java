package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsRollup.Figures;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The summaries on H2, the embedded default, where they are kept in step with {@code MERGE} rather
 * than PostgreSQL's {@code INSERT ... ON CONFLICT}: after the demo's ledger (savings and growth,
 * validations, ratifications and rejections, all through {@link SavingsLedger}) and after entries
 * recorded and validated concurrently, they equal the summaries rebuilt from the ledger.
 */
@EmbeddedDefaultTest
class SavingsSummariesOnH2IT {

  @Autowired SavingsLedger ledger;
  @Autowired SavingsRollup rollup;
  @Autowired SavingsFacts facts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void summariesKeptInStepWithTheDemoLedgerEqualTheRebuiltOnes() {
    KeptInStep.assertEqualsRebuilt(jdbc, facts, "H2, demo ledger");
  }

  @Test
  void concurrentEntriesOnTheSameSummaryRowsAreAllCounted() throws Exception {
    FinancialYear year = FinancialYear.parse("2061/62");
    String line =
        jdbc.queryForObject(
            "select min(code) from savings_line where kind = 'CASHABLE_SAVING'", String.class);
    List<Map<String, Object>> packages =
        jdbc.queryForList(
            "select id, person_id from care_package order by id fetch first 24 rows only");
    List<Concurrently.Task> tasks = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      List<Map<String, Object>> ofThread = packages.subList(t * 6, t * 6 + 6);
      tasks.add(
          () -> {
            for (Map<String, Object> carePackage : ofThread) {
              CostChange entry =
                  ledger
                      .record(
                          new CostChangeCommand(
                              SourceProcess.REVIEW,
                              UUID.randomUUID().toString(),
                              ((Number) carePackage.get("id")).longValue(),
                              ((Number) carePackage.get("person_id")).longValue(),
                              Money.of("300.00"),
                              Money.of("290.00"),
                              LocalDate.of(2061, 6, 1),
                              SavingsKind.CASHABLE_SAVING,
                              line,
                              "Review outcome",
                              "sw.north"))
                      .get(0);
              ledger.changeStatus(
                  entry.costChangeId(), SavingStatus.VALIDATED, null, null, "fin.validator");
            }
          });
    }

    Concurrently.run(tasks);

    Figures row =
        rollup.rollup(year, GroupBy.LINE).rows().stream()
            .filter(r -> r.group().equals(line))
            .findFirst()
            .orElseThrow();
    assertThat(row.entriesInYear()).isEqualTo(packages.size());
    assertThat(row.validated().inYear()).isEqualTo(row.identified().inYear());
    KeptInStep.assertEqualsRebuilt(jdbc, facts, "H2, after concurrent entries");
  }
}

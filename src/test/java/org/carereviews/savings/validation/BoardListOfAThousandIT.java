package org.carereviews.savings.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.SavingStatus;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.savings.SourceProcess;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board's monthly list at scale, on PostgreSQL: a thousand validated savings make one list,
 * which the board ratifies through the API with a hold-back, and the delivered figures move by
 * exactly the ratified amounts. The list lives in our tables: no engine variable of the board's
 * process (runtime, history or history detail) holds more than a short text, nor any serialized
 * value.
 */
@PostgresIntegrationTest
@TestPropertySource(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "care-reviews.review.schedule=-",
      "care-reviews.panel.scheduler-enabled=false",
      "care-reviews.savings.validation.board-scheduler-enabled=false"
    })
class BoardListOfAThousandIT {

  private static final int SAVINGS = 1000;

  /** The longest text any variable of the board's process may hold. */
  private static final int LONGEST_VARIABLE = 200;

  private static final String LINE = "BOARD 1000";
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(BoardListOfAThousandIT.class);

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
  @Autowired SavingsLedger ledger;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired TransactionTemplate transactions;

  @Test
  void aThousandValidatedSavingsMakeOneListThatTheBoardRatifiesWithAHoldBack() {
    Api api = new Api(rest);
    TestUsers.ensure(identity);
    if (!lines.existsById(LINE)) {
      lines.save(new SavingsLine(LINE, LINE, "Board at scale", SavingsKind.CASHABLE_SAVING, "ASC"));
    }
    List<Long> savings = validatedSavings();
    String year =
        new org.carereviews.common.FinancialYear(
                jdbc.queryForObject(
                    "select financial_year from cost_change where id = ?",
                    Integer.class,
                    savings.get(0)))
            .toString();
    BigDecimal before = ratifiedInYear(api, year);

    // the list is gathered: every one of the thousand is on it
    String month = "2036-0" + (1 + (int) (savings.get(0) % 9));
    long started = System.nanoTime();
    JsonNode gathered =
        api.post(
            "fin.head",
            "/api/savings/board/meetings",
            "{\"month\":\"" + month + "\"}",
            HttpStatus.CREATED);
    log.info(
        "Gathered a list of {} savings in {} ms",
        gathered.get("items").size(),
        (System.nanoTime() - started) / 1_000_000);
    Set<Long> onList = new HashSet<>();
    gathered.get("items").forEach(item -> onList.add(item.get("costChangeId").asLong()));
    assertThat(onList).containsAll(savings);
    long meetingId = gathered.get("meetingId").asLong();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from board_item where board_meeting_id = ? and cost_change_id in "
                    + "(select id from cost_change where savings_line_code = ?)",
                Integer.class,
                meetingId,
                LINE))
        .isEqualTo(SAVINGS);

    // the ratification task says what the list holds, in a few words
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(Board.businessKey(month))
            .singleResult()
            .getId();
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(Board.TASK_RATIFY)
            .singleResult();
    assertThat(tasks.getVariable(task.getId(), Board.VAR_ITEM_COUNT)).isEqualTo(onList.size());
    assertThat((String) tasks.getVariableLocal(task.getId(), Board.VAR_SUMMARY))
        .contains("cashable saving: ");

    // a board member holds one back with a reason and ratifies the rest
    long heldBack = savings.get(0);
    started = System.nanoTime();
    JsonNode decided =
        api.post(
            "board.member",
            "/api/savings/board/meetings/" + month + "/decision",
            "{\"holdBacks\":[{\"costChangeId\":"
                + heldBack
                + ",\"reason\":\""
                + "Provider invoice disputed. ".repeat(30)
                + "\"}]}",
            HttpStatus.OK);
    log.info(
        "Decided a list of {} savings in {} ms",
        decided.get("items").size(),
        (System.nanoTime() - started) / 1_000_000);
    assertThat(decided.get("decided").asBoolean()).isTrue();
    assertThat(ledger.stageOf(CostChangeId.of(heldBack))).isEqualTo(SavingStatus.VALIDATED);
    List<Long> ratified = savings.subList(1, SAVINGS);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from saving_status_event where status = 'RATIFIED' and "
                    + "cost_change_id in (select id from cost_change where savings_line_code = ?)",
                Integer.class,
                LINE))
        .isEqualTo(SAVINGS - 1);

    // the delivered (ratified) figure for the line moved by exactly the ratified savings' in-year
    // effects
    BigDecimal expected =
        jdbc.queryForObject(
            "select sum(in_year_effect) from cost_change where savings_line_code = ? "
                + "and id <> ?",
            BigDecimal.class,
            LINE,
            heldBack);
    assertThat(ratifiedInYear(api, year).subtract(before)).isEqualByComparingTo(expected);
    assertThat(ratified)
        .allSatisfy(
            id -> assertThat(ledger.stageOf(CostChangeId.of(id))).isEqualTo(SavingStatus.RATIFIED));

    // no variable of the board's process, in the runtime, history or detail tables, grows with the
    // list
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
      List<Map<String, Object>> long_ =
          jdbc.queryForList(
              "select name_, length(text_) as chars, length(text2_) as "
                  + "chars2, bytearray_id_ from "
                  + table
                  + " where proc_inst_id_ = ? and (length(text_) > ? or length(text2_)"
                  + " > ? or bytearray_id_ is not null)",
              instance,
              LONGEST_VARIABLE,
              LONGEST_VARIABLE);
      assertThat(long_)
          .as(table + ": variables longer than " + LONGEST_VARIABLE + " characters or serialized")
          .isEmpty();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_varinst where proc_inst_id_ = ?",
                Integer.class,
                instance))
        .as("the board's variables are in the history")
        .isPositive();
  }

  /**
   * A thousand savings on one package, recorded and validated in one transaction (no validation
   * process starts).
   */
  private List<Long> validatedSavings() {
    LocalDate today = LocalDate.now(clock);
    Team team = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "NORTH")));
    Person person =
        casebook.recordPerson(
            "Board Scale Person",
            LocalDate.of(1960, 3, 3),
            ClientGroup.OLDER_PEOPLE,
            team,
            Set.of(),
            Set.of(),
            "test");
    CarePackage carePackage =
        casebook.recordPackage(
            person,
            new PackageTerms(
                ServiceType.HOME_CARE,
                "Example Care Ltd",
                Money.of("900.00"),
                Money.ZERO,
                BigDecimal.ZERO,
                today.minusYears(1),
                null,
                today.plusMonths(6)),
            "initial",
            "test");
    String run = "BOARD1000-" + System.nanoTime();
    return transactions.execute(
        status -> {
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < SAVINGS; i++) {
            long id =
                ledger
                    .record(
                        new CostChangeCommand(
                            SourceProcess.MANUAL,
                            run + "-" + i,
                            carePackage.getId(),
                            person.getId(),
                            Money.of("900.00"),
                            Money.of(new BigDecimal(850 - i % 50)),
                            today.plusDays(3),
                            SavingsKind.CASHABLE_SAVING,
                            LINE,
                            "Board at scale",
                            "sw.north"))
                    .get(0)
                    .getId();
            ledger.changeStatus(
                CostChangeId.of(id), SavingStatus.VALIDATED, null, null, "fin.validator");
            ids.add(id);
          }
          return ids;
        });
  }

  /** The roll-up's ratified (delivered) in-year figure for the line, as finance reads it. */
  private BigDecimal ratifiedInYear(Api api, String financialYear) {
    JsonNode rollup =
        api.get(
            "fin.head",
            "/api/savings/rollup?financialYear=" + financialYear + "&groupBy=line",
            HttpStatus.OK);
    for (JsonNode row : rollup.get("rows")) {
      if (LINE.equals(row.get("group").asText())
          && "CASHABLE_SAVING".equals(row.get("kind").asText())) {
        return row.at("/ratified/inYear").decimalValue();
      }
    }
    return BigDecimal.ZERO;
  }
}

package org.carereviews.savings.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's desk, for the API and the workspace alike: the month's list read from the board's
 * tables (never from a process variable) with each saving's validated effects, the record of past
 * months, and the board's decision, made by completing the list's ratification task as the
 * signed-in user (its listener calls {@link ChangeAndEfficiencyBoard#decide}, which holds every
 * rule).
 */
@Service
@NamedInterface("board")
public class BoardDesk {

  /**
   * A saving on a month's list, at its validated amount, named by its package's and person's
   * references (never names: the board decides on amounts); decision, reason and who decided once
   * decided.
   */
  @NamedInterface("board")
  public record Row(
      long costChangeId,
      String personReference,
      String packageReference,
      String savingsLineCode,
      String savingsLineName,
      SavingsKind kind,
      int financialYear,
      BigDecimal weeklyDelta,
      BigDecimal fullYear,
      BigDecimal inYear,
      String decision,
      String reason,
      String decidedBy) {

    public boolean heldBack() {
      return "HELD_BACK".equals(decision);
    }
  }

  /** A total of a list's savings by line and kind (kinds are never added together). */
  @NamedInterface("board")
  public record Total(
      String savingsLineCode,
      String savingsLineName,
      SavingsKind kind,
      int count,
      BigDecimal weeklyDelta,
      BigDecimal fullYear,
      BigDecimal inYear) {}

  /**
   * A month's list: its rows, totals, whether the board may decide it now, and once decided by whom
   * and when.
   */
  @NamedInterface("board")
  public record MonthList(
      String month,
      long meetingId,
      Instant gatheredAt,
      boolean waitingForBoard,
      boolean decided,
      List<Row> rows,
      List<Total> totals,
      List<String> decidedBy,
      Instant decidedAt) {

    public long ratifiedCount() {
      return rows.stream().filter(r -> "RATIFIED".equals(r.decision())).count();
    }

    public long heldBackCount() {
      return rows.stream().filter(Row::heldBack).count();
    }

    /** The totals of the savings ratified (or, before the decision, of the whole list) by kind. */
    public Map<SavingsKind, BigDecimal[]> ratifiedByKind() {
      Map<SavingsKind, BigDecimal[]> byKind = new java.util.EnumMap<>(SavingsKind.class);
      rows.stream()
          .filter(r -> !r.heldBack())
          .forEach(
              r -> {
                BigDecimal[] sums =
                    byKind.computeIfAbsent(
                        r.kind(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(r.fullYear());
                sums[1] = sums[1].add(r.inYear());
              });
      return byKind;
    }
  }

  /**
   * A past month in a line: how many ratified and held back, the ratified totals by kind, who
   * decided.
   */
  @NamedInterface("board")
  public record PastMonth(
      String month,
      long ratified,
      long heldBack,
      Map<SavingsKind, BigDecimal[]> ratifiedByKind,
      List<String> decidedBy,
      Instant decidedAt) {}

  private static final String ROWS =
      """
      select c.id, c.savings_line_code, l.name, c.kind, f.financial_year, c.weekly_delta,
             f.validated_full_year, f.validated_in_year, d.decision, d.reason, d.decided_by, d.decided_at,
             p.reference, k.reference
      from board_item i join cost_change c on c.id = i.cost_change_id
      join savings_fact f on f.cost_change_id = c.id
      join savings_line l on l.code = c.savings_line_code
      join person p on p.id = c.person_id
      join care_package k on k.id = c.care_package_id
      left join board_item_decision d on d.board_item_id = i.id
      where i.board_meeting_id = ? order by c.savings_line_code, c.kind, c.id""";

  private static final String MONTHS =
      """
      select m.id, m.meeting_month,
             (select count(*) from board_item i where i.board_meeting_id = m.id) as items,
             (select count(*) from board_item i join board_item_decision d on d.board_item_id = i.id
              where i.board_meeting_id = m.id) as decided
      from board_meeting m order by m.meeting_month desc""";

  private final ChangeAndEfficiencyBoard board;
  private final BoardMeetings meetings;
  private final Workflow workflow;
  private final JdbcTemplate jdbc;

  BoardDesk(
      ChangeAndEfficiencyBoard board,
      BoardMeetings meetings,
      Workflow workflow,
      JdbcTemplate jdbc) {
    this.board = board;
    this.meetings = meetings;
    this.workflow = workflow;
    this.jdbc = jdbc;
  }

  /** The earliest gathered list still waiting for the board's decision, if any. */
  @Transactional(readOnly = true)
  public Optional<MonthList> waiting(CareUser user) {
    reader(user);
    List<Map<String, Object>> months = jdbc.queryForList(MONTHS);
    for (int i = months.size() - 1; i >= 0; i--) {
      Map<String, Object> month = months.get(i);
      if (((Number) month.get("decided")).longValue() == 0
          && ((Number) month.get("items")).longValue() > 0) {
        YearMonth meetingMonth = YearMonth.from(toDate(month.get("meeting_month")));
        if (ratificationTask(meetingMonth).isPresent()) {
          return Optional.of(list(((Number) month.get("id")).longValue(), meetingMonth));
        }
      }
    }
    return Optional.empty();
  }

  /** A month's list with its decisions. */
  @Transactional(readOnly = true)
  public MonthList month(CareUser user, YearMonth month) {
    reader(user);
    return list(board.meetingOf(month).getId(), month);
  }

  /** The months the board has decided, newest first. */
  @Transactional(readOnly = true)
  public List<PastMonth> pastMonths(CareUser user) {
    reader(user);
    List<PastMonth> past = new ArrayList<>();
    for (Map<String, Object> month : jdbc.queryForList(MONTHS)) {
      if (((Number) month.get("decided")).longValue() > 0) {
        MonthList list =
            list(
                ((Number) month.get("id")).longValue(),
                YearMonth.from(toDate(month.get("meeting_month"))));
        past.add(
            new PastMonth(
                list.month(),
                list.ratifiedCount(),
                list.heldBackCount(),
                list.ratifiedByKind(),
                list.decidedBy(),
                list.decidedAt()));
      }
    }
    return past;
  }

  /**
   * The board's decision on a month's list: every saving ratified except those held back (cost
   * change id to reason), by completing the list's ratification task as the signed-in user.
   * Refused, with nothing written, as {@link ChangeAndEfficiencyBoard#decide} refuses.
   */
  @Transactional
  public void decide(CareUser user, YearMonth month, Map<Long, String> holdBacks) {
    if (user == null || !user.hasRole(Roles.BOARD_MEMBER)) {
      throw new AccessDeniedException(
          "ratifying savings is for members of the Change and Efficiency Board");
    }
    OpenTask task =
        ratificationTask(month)
            .orElseThrow(
                () ->
                    new StateConflictException(
                        "the list of " + month + " is not waiting for the board"));
    // transient: the hold-backs grow with the list, so they reach the task's listener and are never
    // stored
    workflow.complete(task, SavingsDelegates.holdBacksVariables(holdBacks));
  }

  private Optional<OpenTask> ratificationTask(YearMonth month) {
    return workflow.openTaskOfCase(Board.businessKey(month.toString()), Board.TASK_RATIFY);
  }

  private MonthList list(long meetingId, YearMonth month) {
    BoardMeeting meeting = meetings.findById(meetingId).orElseThrow();
    List<Row> rows = new ArrayList<>();
    Map<String, Total> totals = new LinkedHashMap<>();
    Set<String> deciders = new java.util.LinkedHashSet<>();
    Instant[] decidedAt = {null};
    Map<Long, BigDecimal> validatedWeekly = new java.util.HashMap<>();
    board
        .list(meetingId)
        .items()
        .forEach(i -> validatedWeekly.put(i.costChangeId(), new BigDecimal(i.weeklyDelta())));
    jdbc.query(
        ROWS,
        r -> {
          Row row =
              new Row(
                  r.getLong(1),
                  r.getString(13),
                  r.getString(14),
                  r.getString(2),
                  r.getString(3),
                  SavingsKind.valueOf(r.getString(4)),
                  r.getInt(5),
                  validatedWeekly.getOrDefault(r.getLong(1), r.getBigDecimal(6)),
                  r.getBigDecimal(7),
                  r.getBigDecimal(8),
                  r.getString(9),
                  r.getString(10),
                  r.getString(11));
          rows.add(row);
          if (row.decidedBy() != null) {
            deciders.add(row.decidedBy());
            Instant at = r.getTimestamp(12).toInstant();
            decidedAt[0] = decidedAt[0] == null || at.isAfter(decidedAt[0]) ? at : decidedAt[0];
          }
          totals.merge(
              row.savingsLineCode() + "|" + row.kind(),
              new Total(
                  row.savingsLineCode(),
                  row.savingsLineName(),
                  row.kind(),
                  1,
                  row.weeklyDelta(),
                  row.fullYear(),
                  row.inYear()),
              (a, b) ->
                  new Total(
                      a.savingsLineCode(),
                      a.savingsLineName(),
                      a.kind(),
                      a.count() + 1,
                      a.weeklyDelta().add(b.weeklyDelta()),
                      a.fullYear().add(b.fullYear()),
                      a.inYear().add(b.inYear())));
        },
        meetingId);
    boolean decided = !deciders.isEmpty();
    boolean waiting = !decided && !rows.isEmpty() && ratificationTask(month).isPresent();
    return new MonthList(
        month.toString(),
        meetingId,
        meeting.getGatheredAt(),
        waiting,
        decided,
        rows,
        List.copyOf(totals.values()),
        List.copyOf(deciders),
        decidedAt[0]);
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
  }

  /** Who reads the board's lists and decisions: finance, the board, directors and auditors. */
  static final Set<String> READERS =
      Set.of(
          Roles.FINANCE_VALIDATOR,
          Roles.HEAD_OF_FINANCE,
          Roles.BOARD_MEMBER,
          Roles.DIRECTOR,
          Roles.AUDITOR);

  private static void reader(CareUser user) {
    if (user == null || !user.hasAnyRole(READERS)) {
      throw new AccessDeniedException(
          "the board's lists are for finance, the board, directors and auditors");
    }
  }
}

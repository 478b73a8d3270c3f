package org.carereviews.savings.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.SavingStatus;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.validation.BoardItemDecision.Decision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly Change and Efficiency Board: gathers the validated savings not yet on a list into the
 * month's list, and records the board's decision on it: every saving ratified (delivered) except
 * those held back, each with a reason. A held-back saving stays validated and is gathered again
 * into the next month's list. A board member never ratifies a saving they validated.
 */
@Service
class ChangeAndEfficiencyBoard {

  /** The list of one meeting, with the decisions once made. */
  public record BoardList(
      long meetingId, String month, Instant gatheredAt, boolean decided, List<Item> items) {}

  /** A saving on the list; decision and reason once decided. */
  public record Item(
      long costChangeId,
      String savingsLineCode,
      String kind,
      String weeklyDelta,
      List<String> validatedBy,
      String decision,
      String reason,
      String decidedBy) {}

  private static final String VALIDATED_NOT_ON_AN_UNDECIDED_LIST =
      """
      select f.cost_change_id from savings_fact f
      where f.stage = 'VALIDATED' and f.stage_entry_id = f.cost_change_id and f.kind <> 'GROWTH'
        and not exists (select 1 from saving_status_event e
                        where e.cost_change_id = f.cost_change_id and e.status = 'REVERSED')
        and not exists (select 1 from board_item i
                        where i.cost_change_id = f.cost_change_id
                          and not exists (select 1 from board_item_decision d where d.board_item_id = i.id))
      order by f.cost_change_id""";

  private static final String ITEMS_WITH_DECISIONS =
      """
      select c.id, c.savings_line_code, c.kind, c.weekly_delta, d.decision, d.reason, d.decided_by
      from board_item i join cost_change c on c.id = i.cost_change_id
      left join board_item_decision d on d.board_item_id = i.id
      where i.board_meeting_id = ? order by c.id""";

  /** The amount of each saving's latest validation on the list (null: the claim was validated). */
  private static final String LATEST_VALIDATED_AMOUNTS =
      """
      select e.cost_change_id, e.validated_weekly_delta from saving_status_event e
      join board_item i on i.cost_change_id = e.cost_change_id
      where i.board_meeting_id = ? and e.status = 'VALIDATED'
        and not exists (select 1 from saving_status_event later
                        where later.cost_change_id = e.cost_change_id and later.status = 'VALIDATED'
                          and (later.occurred_at > e.occurred_at
                               or (later.occurred_at = e.occurred_at and later.id > e.id)))""";

  private static final String VALIDATORS_ON_LIST =
      """
      select v.cost_change_id, v.actor from (
        select s.cost_change_id, s.actor, 0 as source, s.occurred_at, s.id from saving_validation_step s
        join board_item i on i.cost_change_id = s.cost_change_id
        where i.board_meeting_id = ? and s.step in ('VALIDATION', 'SECOND_VALIDATION')
        union all
        select e.cost_change_id, e.actor, 1 as source, e.occurred_at, e.id from saving_status_event e
        join board_item i on i.cost_change_id = e.cost_change_id
        where i.board_meeting_id = ? and e.status = 'VALIDATED') v
      order by v.cost_change_id, v.source, v.occurred_at, v.id""";

  private static final String SUMMARY_BY_KIND =
      """
      select f.kind, count(*), sum(f.validated_full_year), sum(f.validated_in_year)
      from board_item i join savings_fact f on f.cost_change_id = i.cost_change_id
      where i.board_meeting_id = ?
      group by f.kind order by f.kind""";

  private final BoardMeetings meetings;
  private final BoardItems items;
  private final BoardItemDecisions decisions;
  private final SavingsLedger ledger;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ChangeAndEfficiencyBoard(
      BoardMeetings meetings,
      BoardItems items,
      BoardItemDecisions decisions,
      SavingsLedger ledger,
      JdbcTemplate jdbc,
      Clock clock) {
    this.meetings = meetings;
    this.items = items;
    this.decisions = decisions;
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A month's list as gathered: its meeting and how many savings it holds. */
  public record GatheredList(long meetingId, int itemCount) {}

  /** Gathers the month's list (once: a second gathering for the same month returns the first). */
  @Transactional
  public GatheredList gather(YearMonth month, String gatheredBy) {
    LocalDate first = month.atDay(1);
    BoardMeeting meeting = meetings.findByMeetingMonth(first).orElse(null);
    if (meeting == null) {
      BoardMeeting gathered =
          meetings.saveAndFlush(new BoardMeeting(first, Instant.now(clock), gatheredBy));
      List<Long> validated = jdbc.queryForList(VALIDATED_NOT_ON_AN_UNDECIDED_LIST, Long.class);
      validated.forEach(id -> items.save(new BoardItem(gathered.getId(), id)));
      items.flush();
      meeting = gathered;
    }
    return new GatheredList(
        meeting.getId(), Math.toIntExact(items.countByBoardMeetingId(meeting.getId())));
  }

  /**
   * What the list holds, in a few words for the Tasklist form: per kind (kinds are never added
   * together), how many savings and their validated full-year and in-year effects. Its length is
   * bounded by the number of kinds (under 200 characters), never by the number of savings, so it
   * may be a process variable.
   */
  @Transactional(readOnly = true)
  public String summary(long meetingId) {
    List<String> parts = new ArrayList<>();
    jdbc.query(
        SUMMARY_BY_KIND,
        row -> {
          parts.add(
              SavingsKind.valueOf(row.getString(1)).name().toLowerCase().replace('_', ' ')
                  + ": "
                  + row.getLong(2)
                  + ", GBP "
                  + row.getBigDecimal(3).toPlainString()
                  + " full year, GBP "
                  + row.getBigDecimal(4).toPlainString()
                  + " in year");
        },
        meetingId);
    return parts.isEmpty() ? "nothing" : String.join("; ", parts);
  }

  /**
   * The board's decision: ratify the list except the savings held back (cost change id -> reason).
   * Refused, with nothing written, when a saving held back is not on the list or has no reason,
   * when a saving to ratify is no longer validated, or when the board member validated one of them.
   */
  @Transactional
  public void decide(CareUser user, long meetingId, Map<Long, String> holdBacks) {
    if (user == null || !user.hasRole(Roles.BOARD_MEMBER)) {
      throw new AccessDeniedException(
          "ratifying savings is for members of the Change and Efficiency Board");
    }
    BoardMeeting meeting =
        meetings
            .findById(meetingId)
            .orElseThrow(() -> new RecordNotFoundException("board meeting", meetingId));
    List<BoardItem> list = items.findByBoardMeetingIdOrderByCostChangeId(meetingId);
    if (jdbc.queryForObject(
            "select count(*) from board_item_decision d join board_item i on i.id = d.board_item_id "
                + "where i.board_meeting_id = ?",
            Long.class,
            meetingId)
        > 0) {
      throw new StateConflictException(
          "the list of " + YearMonth.from(meeting.getMeetingMonth()) + " is decided already");
    }
    Set<Long> onList = new TreeSet<>();
    list.forEach(i -> onList.add(i.getCostChangeId()));
    for (Map.Entry<Long, String> holdBack : holdBacks.entrySet()) {
      if (!onList.contains(holdBack.getKey())) {
        throw new InvalidRequestException(
            "holdBack",
            "saving "
                + holdBack.getKey()
                + " is not on the list of "
                + YearMonth.from(meeting.getMeetingMonth()));
      }
      String reason = SavingsValidation.blankToNull(holdBack.getValue());
      if (reason == null) {
        throw new InvalidRequestException(
            "holdBack", "saving " + holdBack.getKey() + " needs a reason to be held back");
      }
      if (reason.length() > 1000) {
        throw new InvalidRequestException(
            "holdBack",
            "the reason for saving " + holdBack.getKey() + " is longer than 1000 characters");
      }
    }
    List<Long> own = new ArrayList<>();
    Map<Long, List<String>> validators = validatorsOnList(meetingId);
    for (BoardItem item : list) {
      long id = item.getCostChangeId();
      if (holdBacks.containsKey(id)) {
        continue;
      }
      SavingStatus stage = ledger.stageOf(CostChangeId.of(id));
      if (stage != SavingStatus.VALIDATED) {
        throw new InvalidRequestException(
            "holdBack",
            "saving "
                + id
                + " is "
                + stage
                + ", not validated: only a validated saving is ratified; hold it back");
      }
      if (validators.getOrDefault(id, List.of()).contains(user.userId())) {
        own.add(id);
      }
    }
    if (!own.isEmpty()) {
      throw new InvalidRequestException(
          "boardMember",
          user.userId()
              + " validated saving(s) "
              + own
              + ": a validator never ratifies their own validations; another board member ratifies the list, "
              + "or hold them back");
    }
    Instant now = Instant.now(clock);
    String month = YearMonth.from(meeting.getMeetingMonth()).toString();
    for (BoardItem item : list) {
      String reason = SavingsValidation.blankToNull(holdBacks.get(item.getCostChangeId()));
      if (reason == null) {
        ledger.changeStatus(
            CostChangeId.of(item.getCostChangeId()),
            SavingStatus.RATIFIED,
            null,
            "Ratified by the Change and Efficiency Board, list of " + month,
            user.userId());
        decisions.save(
            new BoardItemDecision(item.getId(), Decision.RATIFIED, null, user.userId(), now));
      } else {
        decisions.save(
            new BoardItemDecision(item.getId(), Decision.HELD_BACK, reason, user.userId(), now));
      }
    }
    decisions.flush();
  }

  /** A meeting's list with its decisions: a few queries for the whole list, however long. */
  @Transactional(readOnly = true)
  public BoardList list(long meetingId) {
    BoardMeeting meeting =
        meetings
            .findById(meetingId)
            .orElseThrow(() -> new RecordNotFoundException("board meeting", meetingId));
    Map<Long, List<String>> validators = validatorsOnList(meetingId);
    Map<Long, BigDecimal> validatedAmounts = new HashMap<>();
    jdbc.query(
        LATEST_VALIDATED_AMOUNTS,
        row -> {
          validatedAmounts.put(row.getLong(1), row.getBigDecimal(2));
        },
        meetingId);
    List<Item> result = new ArrayList<>();
    boolean[] decided = {false};
    jdbc.query(
        ITEMS_WITH_DECISIONS,
        row -> {
          long id = row.getLong(1);
          String decision = row.getString(5);
          decided[0] |= decision != null;
          BigDecimal validated = validatedAmounts.get(id);
          result.add(
              new Item(
                  id,
                  row.getString(2),
                  row.getString(3),
                  (validated == null ? row.getBigDecimal(4) : validated).toPlainString(),
                  validators.getOrDefault(id, List.of()),
                  decision,
                  row.getString(6),
                  row.getString(7)));
        },
        meetingId);
    return new BoardList(
        meeting.getId(),
        YearMonth.from(meeting.getMeetingMonth()).toString(),
        meeting.getGatheredAt(),
        decided[0],
        result);
  }

  /**
   * Everyone who validated each saving on the list, first in the validation steps, then in the
   * ledger (e.g. an import), each once.
   */
  private Map<Long, List<String>> validatorsOnList(long meetingId) {
    Map<Long, Set<String>> all = new HashMap<>();
    jdbc.query(
        VALIDATORS_ON_LIST,
        row -> {
          all.computeIfAbsent(row.getLong(1), id -> new LinkedHashSet<>()).add(row.getString(2));
        },
        meetingId,
        meetingId);
    Map<Long, List<String>> result = new HashMap<>();
    all.forEach((id, names) -> result.put(id, List.copyOf(names)));
    return result;
  }

  /** The month's meeting. */
  @Transactional(readOnly = true)
  public BoardMeeting meetingOf(YearMonth month) {
    return meetings
        .findByMeetingMonth(month.atDay(1))
        .orElseThrow(() -> new RecordNotFoundException("board meeting of", month.toString()));
  }
}

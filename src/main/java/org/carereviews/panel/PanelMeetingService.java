package org.carereviews.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The daily meetings: opening, seats and quorum, closing with the count of items rolled over. */
@Service
public class PanelMeetingService {

  /** Who sits in each seat now, and whether the three seats are filled. */
  public record Seats(Map<PanelSeat, String> holders) {

    public boolean quorate() {
      return holders.size() == PanelSeat.values().length;
    }

    public boolean seated(String userId) {
      return holders.containsValue(userId);
    }
  }

  private final PanelMeetings meetings;
  private final PanelMeetingClosures closures;
  private final PanelSeatings seatings;
  private final PanelDecisions decisions;
  private final PanelAgenda agenda;
  private final WorkingDays workingDays;
  private final Workflow workflow;
  private final Clock clock;

  PanelMeetingService(
      PanelMeetings meetings,
      PanelMeetingClosures closures,
      PanelSeatings seatings,
      PanelDecisions decisions,
      PanelAgenda agenda,
      WorkingDays workingDays,
      Workflow workflow,
      Clock clock) {
    this.meetings = meetings;
    this.closures = closures;
    this.seatings = seatings;
    this.decisions = decisions;
    this.agenda = agenda;
    this.workingDays = workingDays;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * Starts the day's meeting process unless it has started already (a restart, a second instance or
   * a member opening it by hand do not open a second meeting).
   *
   * @return the meeting process instance id, or empty when today has no meeting or it was started
   *     before
   */
  @Transactional
  public Optional<String> startMeetingProcess(LocalDate date) {
    String businessKey = PanelProcesses.meetingBusinessKey(date);
    boolean started =
        workflow.isRunning(PanelProcesses.MEETING_PROCESS, businessKey)
            || meetings.findByMeetingDate(date).isPresent();
    if (started) {
      return Optional.empty();
    }
    Map<String, Object> variables =
        PanelProcesses.MEETING_DATE.put(new HashMap<>(), date.toString());
    return Optional.of(workflow.start(PanelProcesses.MEETING_PROCESS, businessKey, variables));
  }

  /** Records the meeting (called by the meeting process once it knows the day is a working day). */
  @Transactional
  public PanelMeeting open(LocalDate date, String processInstanceId) {
    if (!workingDays.isWorkingDay(date)) {
      throw new StateConflictException(date + " is not a working day: no panel meets");
    }
    if (meetings.findByMeetingDate(date).isPresent()) {
      throw new StateConflictException("the panel meeting of " + date + " is already open");
    }
    return meetings.saveAndFlush(
        new PanelMeeting(
            date, workingDays.agendaCutOff(date), Instant.now(clock), processInstanceId));
  }

  @Transactional(readOnly = true)
  public PanelMeeting meeting(LocalDate date) {
    return meetings
        .findByMeetingDate(date)
        .orElseThrow(() -> new RecordNotFoundException("panel meeting", date));
  }

  @Transactional(readOnly = true)
  public Optional<PanelMeeting> findMeeting(LocalDate date) {
    return meetings.findByMeetingDate(date);
  }

  @Transactional(readOnly = true)
  public boolean isClosed(PanelMeeting meeting) {
    return closures.existsById(meeting.getId());
  }

  /** Today's meeting, open; refused otherwise. */
  @Transactional(readOnly = true)
  public PanelMeeting openMeetingToday() {
    LocalDate today = LocalDate.now(clock);
    PanelMeeting meeting =
        meetings
            .findByMeetingDate(today)
            .orElseThrow(
                () -> new StateConflictException("no panel meeting is open today (" + today + ")"));
    if (isClosed(meeting)) {
      throw new StateConflictException("today's panel meeting (" + today + ") has closed");
    }
    return meeting;
  }

  @Transactional(readOnly = true)
  public Seats seats(PanelMeeting meeting) {
    Map<PanelSeat, String> holders = new EnumMap<>(PanelSeat.class);
    seatings
        .findByMeetingIdOrderByTakenAtAscIdAsc(meeting.getId())
        .forEach(s -> holders.put(s.getSeat(), s.getUserId()));
    return new Seats(holders);
  }

  /**
   * The signed-in member takes a seat at today's meeting; only a member of the seat's group may.
   */
  @Transactional
  public Seats takeSeat(CareUser user, PanelSeat seat) {
    if (!user.hasRole(seat.group())) {
      throw new AccessDeniedException(
          "only members of " + seat.group() + " may take the " + seat + " seat");
    }
    PanelMeeting meeting = openMeetingToday();
    Seats current = seats(meeting);
    current
        .holders()
        .forEach(
            (held, holder) -> {
              if (holder.equals(user.userId()) && held != seat) {
                throw new StateConflictException(
                    user.userId() + " already sits in the " + held + " seat");
              }
            });
    seatings.saveAndFlush(
        new PanelSeating(meeting.getId(), seat, user.userId(), Instant.now(clock)));
    return seats(meeting);
  }

  /**
   * Closes today's meeting by completing its hold-meeting task; undecided items roll to the next
   * meeting.
   */
  @Transactional
  public void closeToday(CareUser user) {
    PanelMeeting meeting = openMeetingToday();
    Seats seats = seats(meeting);
    if (!seats.seated(user.userId())) {
      throw new AccessDeniedException("only a member sitting at today's meeting may close it");
    }
    OpenTask task =
        workflow
            .openTask(meeting.getProcessInstanceId(), PanelProcesses.TASK_HOLD_MEETING)
            .orElseThrow(
                () ->
                    new StateConflictException(
                        "today's meeting has no open meeting task to close"));
    workflow.completeAsService(task, PanelProcesses.CLOSED_BY.put(new HashMap<>(), user.userId()));
  }

  /**
   * Records the close of a meeting (called by the meeting process at close or at the end of the
   * day).
   *
   * @param closedBy the member who closed it, or null when the end of the meeting day closed it
   */
  @Transactional
  public PanelMeetingClosure close(LocalDate date, String closedBy) {
    PanelMeeting meeting = meeting(date);
    if (isClosed(meeting)) {
      throw new StateConflictException("the panel meeting of " + date + " has already closed");
    }
    int decided = decisions.findByMeetingId(meeting.getId()).size();
    int rolled = agenda.itemsFor(date).size();
    return closures.saveAndFlush(
        new PanelMeetingClosure(
            meeting.getId(),
            Instant.now(clock),
            closedBy == null ? "end of the meeting day" : closedBy,
            decided,
            rolled));
  }

  @Transactional(readOnly = true)
  public Optional<PanelMeetingClosure> closure(PanelMeeting meeting) {
    return closures.findById(meeting.getId());
  }

  @Transactional(readOnly = true)
  public List<PanelDecision> decisionsAt(PanelMeeting meeting) {
    return decisions.findByMeetingId(meeting.getId());
  }
}

package org.carereviews.panel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.DateWindows;
import org.carereviews.common.Money;
import org.carereviews.common.web.InputText;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.CurrentUser;
import org.carereviews.identity.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The spend-control panel's API: requests, packs, decisions, meetings and measures. */
@RestController
@RequestMapping("/api/panel")
class PanelController {

  /** Who may see meetings and agendas: the panel's members and those who oversee it. */
  static final Set<String> MEETING_READERS =
      Set.of(
          Roles.PANEL_ASC,
          Roles.PANEL_FINANCE,
          Roles.PANEL_COMMISSIONING,
          Roles.DIRECTOR,
          Roles.AUDITOR);

  static final Set<String> MEETING_MEMBERS =
      Set.of(Roles.PANEL_ASC, Roles.PANEL_FINANCE, Roles.PANEL_COMMISSIONING);
  static final Set<String> MEASURE_READERS =
      Set.of(
          Roles.PANEL_ASC,
          Roles.PANEL_FINANCE,
          Roles.PANEL_COMMISSIONING,
          Roles.DIRECTOR,
          Roles.AUDITOR,
          Roles.TEAM_MANAGER,
          Roles.HEAD_OF_FINANCE);

  record Figures(
      @NotNull ServiceType serviceType,
      @NotBlank
          @Size(max = 200)
          @Pattern(regexp = InputText.SINGLE_LINE, message = InputText.NAME_MESSAGE)
          String provider,
      @NotNull
          @DecimalMin(value = "0.00", message = "must not be negative")
          @DecimalMax(value = "50000.00", message = "must be at most 50000.00 a week")
          @Digits(integer = 7, fraction = 2, message = "must be pounds and pence")
          BigDecimal weeklyGrossCost,
      @DecimalMin(value = "0.00", message = "must not be negative")
          @DecimalMax(
              value = Money.MAX_WEEKLY_INPUT_TEXT,
              message = "must be at most " + Money.MAX_WEEKLY_INPUT_TEXT + " a week")
          @Digits(integer = 7, fraction = 2, message = "must be pounds and pence")
          BigDecimal assessedContribution,
      @DecimalMin(value = "0.00", message = "must be between 0 and 100")
          @DecimalMax(value = "100.00", message = "must be between 0 and 100")
          @Digits(integer = 3, fraction = 2, message = "must have at most two decimal places")
          BigDecimal nhsSharePercent,
      @NotNull LocalDate effectiveDate) {

    ProposedPackage toPackage() {
      return new ProposedPackage(
          serviceType,
          provider.strip(),
          Money.of(weeklyGrossCost),
          assessedContribution == null ? Money.ZERO : Money.of(assessedContribution),
          nhsSharePercent,
          effectiveDate);
    }
  }

  record SubmitRequest(
      @NotNull PackageRequestType type,
      UrgentReason urgentReason,
      @NotNull Long personId,
      Long currentPackageId,
      @NotNull @Valid Figures proposed,
      @NotBlank @Size(max = 2000) String reason) {}

  record Submitted(long requestId, PanelRoute route, String routeRule) {}

  record DecisionRequest(
      @NotNull PanelOutcome outcome,
      PanelSeat seat,
      @Size(max = 2000) String rationale,
      @Valid Figures amended,
      @Size(max = 2000) String question,
      LocalDate returnBy) {}

  record SeatRequest(@NotNull PanelSeat seat) {}

  record MeetingView(
      LocalDate date,
      boolean open,
      Map<PanelSeat, String> seats,
      boolean quorate,
      List<PanelAgenda.Item> agenda,
      List<PanelDecisionView> decided,
      Integer itemsRolledOver) {}

  private final PanelRequestService requests;
  private final PanelDecisionService decisions;
  private final PanelMeetingService meetings;
  private final PanelAgenda agenda;
  private final PanelPacks packs;
  private final PanelMeasures measures;
  private final CasebookService casebook;
  private final CurrentUser currentUser;
  private final Clock clock;

  PanelController(
      PanelRequestService requests,
      PanelDecisionService decisions,
      PanelMeetingService meetings,
      PanelAgenda agenda,
      PanelPacks packs,
      PanelMeasures measures,
      CasebookService casebook,
      CurrentUser currentUser,
      Clock clock) {
    this.requests = requests;
    this.decisions = decisions;
    this.meetings = meetings;
    this.agenda = agenda;
    this.packs = packs;
    this.measures = measures;
    this.casebook = casebook;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /**
   * A request made through the API (a new assessment, for instance) by a worker or manager of the
   * person's team.
   */
  @PostMapping("/requests")
  @Audited(action = AuditAction.CREATE, record = "panel-request", id = "#result.body.requestId()")
  ResponseEntity<Submitted> submit(@Valid @RequestBody SubmitRequest body) {
    CareUser user = currentUser.get();
    String teamCode = casebook.personSnapshot(body.personId()).teamCode();
    if (!user.canWriteTeam(teamCode)) {
      throw new AccessDeniedException(
          "only the person's team's workers and managers make package requests");
    }
    PackageRequestId id =
        requests.submit(
            new PackageRequestCommand(
                body.type(),
                body.urgentReason(),
                body.personId(),
                body.currentPackageId(),
                body.proposed().toPackage(),
                body.reason().strip(),
                user.userId(),
                null,
                null));
    PackageRequest request = requests.request(id.value());
    return ResponseEntity.created(URI.create("/api/panel/requests/" + id.value()))
        .body(new Submitted(id.value(), request.getRoute(), request.getRouteRule()));
  }

  @GetMapping("/requests/{id}")
  @Audited(action = AuditAction.READ, record = "panel-request", id = "#id")
  PanelPacks.Pack pack(@PathVariable long id) {
    return packs.packFor(currentUser.get(), id);
  }

  @PostMapping("/requests/{id}/decision")
  PanelDecisionView decide(@PathVariable long id, @Valid @RequestBody DecisionRequest body) {
    DecisionInput input =
        new DecisionInput(
            body.outcome(),
            body.seat(),
            body.rationale(),
            body.amended() == null ? null : body.amended().toPackage(),
            body.question(),
            body.returnBy());
    return decisions.decideThroughApi(currentUser.get(), PackageRequestId.of(id), input).view();
  }

  /** Opens today's meeting by hand (the scheduler normally does, at the meeting time). */
  @PostMapping("/meetings")
  @Audited(action = AuditAction.CHANGE, record = "panel-meeting")
  ResponseEntity<MeetingView> open() {
    require(MEETING_MEMBERS);
    LocalDate today = LocalDate.now(clock);
    meetings.startMeetingProcess(today);
    return ResponseEntity.created(URI.create("/api/panel/meetings/" + today))
        .body(meetingView(today));
  }

  @GetMapping("/meetings/{date}")
  @Audited(action = AuditAction.READ, record = "panel-meeting", id = "#date")
  MeetingView meeting(@PathVariable String date) {
    require(MEETING_READERS);
    return meetingView(parseDate(date));
  }

  @PostMapping("/meetings/today/seats")
  @Audited(action = AuditAction.CHANGE, record = "panel-meeting")
  MeetingView takeSeat(@Valid @RequestBody SeatRequest body) {
    meetings.takeSeat(currentUser.get(), body.seat());
    return meetingView(LocalDate.now(clock));
  }

  @PostMapping("/meetings/today/close")
  @Audited(action = AuditAction.CHANGE, record = "panel-meeting")
  MeetingView close() {
    require(MEETING_MEMBERS);
    meetings.closeToday(currentUser.get());
    return meetingView(LocalDate.now(clock));
  }

  @GetMapping("/measures")
  PanelMeasures.Measures measures(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "day") PanelMeasures.GroupBy groupBy) {
    require(MEASURE_READERS);
    for (String field : List.of("from", "to")) {
      String outside = DateWindows.careDateProblem(field.equals("from") ? from : to);
      if (outside != null) {
        throw new InvalidRequestException(field, outside);
      }
    }
    if (to.isBefore(from)) {
      throw new InvalidRequestException("to", "must not be before from");
    }
    if (from.plusYears(2).isBefore(to)) {
      throw new InvalidRequestException("to", "a measure covers at most two years");
    }
    return measures.measure(from, to, groupBy);
  }

  @Transactional(readOnly = true)
  MeetingView meetingView(LocalDate date) {
    List<PanelAgenda.Item> items = agenda.itemsFor(date);
    return meetings
        .findMeeting(date)
        .map(
            meeting -> {
              var closure = meetings.closure(meeting);
              return new MeetingView(
                  date,
                  closure.isEmpty(),
                  meetings.seats(meeting).holders(),
                  meetings.seats(meeting).quorate(),
                  closure.isEmpty() ? items : List.of(),
                  meetings.decisionsAt(meeting).stream().map(PanelDecision::view).toList(),
                  closure.map(PanelMeetingClosure::getItemsRolledOver).orElse(null));
            })
        .orElseGet(() -> new MeetingView(date, false, Map.of(), false, items, List.of(), null));
  }

  private LocalDate parseDate(String date) {
    if ("today".equals(date)) {
      return LocalDate.now(clock);
    }
    LocalDate parsed;
    try {
      parsed = LocalDate.parse(date);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException("date", "must be a date (yyyy-mm-dd) or 'today'");
    }
    String outside = DateWindows.careDateProblem(parsed);
    if (outside != null) {
      throw new InvalidRequestException("date", outside);
    }
    return parsed;
  }

  private void require(Set<String> roles) {
    if (!currentUser.get().hasAnyRole(roles)) {
      throw new AccessDeniedException("not a role that may use this part of the panel's API");
    }
  }
}

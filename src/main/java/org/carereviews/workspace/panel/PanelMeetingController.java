package org.carereviews.workspace.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CamundaDirectory;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.panel.CurrentPackage;
import org.carereviews.panel.DecisionInput;
import org.carereviews.panel.DecisionStage;
import org.carereviews.panel.PackageRequest;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PanelAgenda;
import org.carereviews.panel.PanelDecision;
import org.carereviews.panel.PanelDecisionService;
import org.carereviews.panel.PanelMeeting;
import org.carereviews.panel.PanelMeetingClosure;
import org.carereviews.panel.PanelMeetingService;
import org.carereviews.panel.PanelPacks;
import org.carereviews.panel.PanelRequestService;
import org.carereviews.panel.PanelSeat;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.workflow.Workflow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The spend-control panel's meeting for its members ({@code /panel}): today's agenda with each
 * item's person, packages, change and wait; the seats and decisions, refreshed every few seconds
 * ({@code /panel/live}); taking a seat, deciding an item from its pack ({@code /panel/items/{id}}),
 * closing the meeting, and a meeting's record ({@code /panel/meetings/{date}}). Every rule (seats,
 * quorum, the proposer kept out, what a decision needs) is the panel's services'; a refusal is
 * shown at the field it concerns.
 */
@Controller
class PanelMeetingController {

  static final Set<String> READERS =
      Set.of(
          Roles.PANEL_ASC,
          Roles.PANEL_FINANCE,
          Roles.PANEL_COMMISSIONING,
          Roles.DIRECTOR,
          Roles.AUDITOR);
  static final Set<String> MEMBERS =
      Set.of(Roles.PANEL_ASC, Roles.PANEL_FINANCE, Roles.PANEL_COMMISSIONING);

  /** An agenda item as the page shows it. */
  record AgendaRow(
      long requestId,
      String personName,
      String personReference,
      String type,
      String current,
      String proposed,
      Money weeklyChange,
      Money fullYearChange,
      long daysWaiting,
      int meetingsWaited,
      boolean retrospective,
      LocalDate retrospectiveDue) {}

  /** A seat: who holds it (their name), and whether the signed-in member may take it. */
  record SeatRow(PanelSeat seat, String label, String holderName, boolean mine, boolean canTake) {}

  /** A decision of the meeting. */
  record DecisionRow(
      long requestId,
      String personName,
      String outcome,
      String rationale,
      String question,
      LocalDate returnBy,
      String amendedTo,
      String decidedBy,
      String seat,
      java.time.Instant decidedAt,
      long daysToDecision) {}

  /** Seats, quorum and decisions: the part of the page that refreshes. */
  record Live(
      LocalDate date,
      String state,
      List<SeatRow> seats,
      boolean quorate,
      boolean seated,
      List<DecisionRow> decisions) {}

  private final PanelMeetingService meetings;
  private final PanelDecisionService decisions;
  private final PanelAgenda agenda;
  private final PanelPacks packs;
  private final PanelRequestService requests;
  private final CasebookService casebook;
  private final CamundaDirectory directory;
  private final Workflow workflow;
  private final Clock clock;

  PanelMeetingController(
      PanelMeetingService meetings,
      PanelDecisionService decisions,
      PanelAgenda agenda,
      PanelPacks packs,
      PanelRequestService requests,
      CasebookService casebook,
      CamundaDirectory directory,
      Workflow workflow,
      Clock clock) {
    this.meetings = meetings;
    this.decisions = decisions;
    this.agenda = agenda;
    this.packs = packs;
    this.requests = requests;
    this.casebook = casebook;
    this.directory = directory;
    this.workflow = workflow;
    this.clock = clock;
  }

  @GetMapping("/panel")
  @Audited(action = AuditAction.READ, record = "panel-meeting")
  String meeting(CareUser user, Model model) {
    require(user, READERS);
    LocalDate today = LocalDate.now(clock);
    Live live = live(user, today);
    model.addAttribute("live", live);
    model.addAttribute("member", user.hasAnyRole(MEMBERS));
    model.addAttribute("agenda", "closed".equals(live.state()) ? List.of() : agendaRows(today));
    return "workspace/panel/meeting";
  }

  /**
   * The seats ({@code part=seats}), the agenda still to decide ({@code part=agenda}) or the
   * decisions so far ({@code part=decisions}) alone, for the page's polling: each member sees the
   * others' seats and decisions within five seconds.
   */
  @GetMapping("/panel/live")
  String liveFragment(
      @RequestParam(defaultValue = "seats") String part, CareUser user, Model model) {
    require(user, READERS);
    LocalDate today = LocalDate.now(clock);
    Live live = live(user, today);
    model.addAttribute("live", live);
    model.addAttribute("member", user.hasAnyRole(MEMBERS));
    if ("agenda".equals(part)) {
      model.addAttribute("agenda", "closed".equals(live.state()) ? List.of() : agendaRows(today));
      return "workspace/panel/meeting :: agenda";
    }
    return "workspace/panel/meeting :: " + ("decisions".equals(part) ? "decided" : "seats");
  }

  /** Opens today's meeting by hand (the scheduler normally opens it at the meeting time). */
  @PostMapping("/panel/open")
  @Audited(action = AuditAction.CHANGE, record = "panel-meeting")
  String open(CareUser user, RedirectAttributes flash) {
    require(user, MEMBERS);
    try {
      meetings.startMeetingProcess(LocalDate.now(clock));
    } catch (StateConflictException refused) {
      flash.addFlashAttribute("seatError", sentence(refused.getMessage()));
    }
    return "redirect:/panel";
  }

  @PostMapping("/panel/seats")
  @Audited(action = AuditAction.CHANGE, record = "panel-meeting")
  String takeSeat(
      @RequestParam(required = false) String seat, CareUser user, RedirectAttributes flash) {
    require(user, MEMBERS);
    PanelSeat chosen = seatOf(seat);
    try {
      meetings.takeSeat(user, chosen);
      flash.addFlashAttribute("notice", "You sit in the " + label(chosen) + " seat.");
    } catch (StateConflictException | AccessDeniedException refused) {
      flash.addFlashAttribute("seatError", sentence(refused.getMessage()));
    }
    return "redirect:/panel";
  }

  @PostMapping("/panel/close")
  @Audited(action = AuditAction.CHANGE, record = "panel-meeting")
  String close(CareUser user, RedirectAttributes flash) {
    require(user, MEMBERS);
    try {
      meetings.closeToday(user);
    } catch (StateConflictException | AccessDeniedException refused) {
      flash.addFlashAttribute("closeError", sentence(refused.getMessage()));
      return "redirect:/panel";
    }
    return "redirect:/panel/meetings/" + LocalDate.now(clock);
  }

  @GetMapping("/panel/items/{id}")
  @Audited(action = AuditAction.READ, record = "panel-request", id = "#id")
  String item(@PathVariable long id, CareUser user, Model model) {
    require(user, READERS);
    PanelPacks.Pack pack = packs.packFor(user, id);
    return itemPage(pack, user, DecisionForm.startingFrom(pack.proposed()), Map.of(), model);
  }

  @PostMapping("/panel/items/{id}/decision")
  @Audited(action = AuditAction.DECIDE, record = "panel-request", id = "#id")
  String decide(
      @PathVariable long id,
      @ModelAttribute DecisionForm form,
      CareUser user,
      Model model,
      RedirectAttributes flash) {
    require(user, MEMBERS);
    PanelPacks.Pack pack = packs.packFor(user, id);
    Map<String, String> errors = new LinkedHashMap<>();
    PanelSeat seat =
        meetings
            .findMeeting(LocalDate.now(clock))
            .flatMap(
                m ->
                    meetings.seats(m).holders().entrySet().stream()
                        .filter(e -> e.getValue().equals(user.userId()))
                        .map(Map.Entry::getKey)
                        .findFirst())
            .orElse(null);
    DecisionInput input = form.toInput(seat, errors);
    if (input != null) {
      try {
        decisions.decideThroughApi(user, PackageRequestId.of(id), input);
        flash.addFlashAttribute(
            "notice",
            "Decision recorded for "
                + pack.person().displayName()
                + ": "
                + outcome(input.outcome().name())
                + ".");
        return "redirect:/panel";
      } catch (InvalidRequestException refused) {
        errors.put(fieldId(refused.field()), message(refused.field(), refused.getMessage()));
      } catch (StateConflictException | AccessDeniedException refused) {
        errors.put("outcome", sentence(refused.getMessage()));
      }
    }
    return itemPage(pack, user, form, errors, model);
  }

  @GetMapping("/panel/meetings/{date}")
  @Audited(action = AuditAction.READ, record = "panel-meeting", id = "#date")
  String record(@PathVariable String date, CareUser user, Model model) {
    require(user, READERS);
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new RecordNotFoundException("panel meeting", date);
    }
    PanelMeeting meeting = meetings.meeting(day);
    Optional<PanelMeetingClosure> closure = meetings.closure(meeting);
    model.addAttribute("date", day);
    model.addAttribute("meeting", meeting);
    model.addAttribute("closure", closure.orElse(null));
    model.addAttribute("closedBy", closure.map(c -> nameOf(c.getClosedBy())).orElse(null));
    model.addAttribute("seats", seatRows(user, meetings.seats(meeting), false));
    model.addAttribute("decisions", decisionRows(meeting));
    return "workspace/panel/record";
  }

  private String itemPage(
      PanelPacks.Pack pack,
      CareUser user,
      DecisionForm form,
      Map<String, String> errors,
      Model model) {
    LocalDate today = LocalDate.now(clock);
    boolean onAgenda =
        agenda.itemsFor(today).stream().anyMatch(i -> i.requestId() == pack.requestId());
    boolean open = meetings.findMeeting(today).map(m -> !meetings.isClosed(m)).orElse(false);
    model.addAttribute("pack", pack);
    model.addAttribute("current", describe(pack.current()));
    model.addAttribute("proposed", describe(pack.proposed()));
    model.addAttribute("decidable", onAgenda && open && user.hasAnyRole(MEMBERS));
    model.addAttribute("onAgenda", onAgenda);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("serviceTypes", ServiceType.values());
    model.addAttribute("proposedBy", nameOf(pack.proposedBy()));
    model.addAttribute("minReturnBy", today.plusDays(1));
    return "workspace/panel/item";
  }

  private Live live(CareUser user, LocalDate today) {
    Optional<PanelMeeting> meeting = meetings.findMeeting(today);
    if (meeting.isEmpty()) {
      return new Live(today, "not-open", List.of(), false, false, List.of());
    }
    boolean closed = meetings.isClosed(meeting.get());
    PanelMeetingService.Seats seats = meetings.seats(meeting.get());
    return new Live(
        today,
        closed ? "closed" : "open",
        seatRows(user, seats, !closed),
        seats.quorate(),
        seats.seated(user.userId()),
        decisionRows(meeting.get()));
  }

  private List<SeatRow> seatRows(CareUser user, PanelMeetingService.Seats seats, boolean open) {
    List<SeatRow> rows = new ArrayList<>();
    for (PanelSeat seat : PanelSeat.values()) {
      String holder = seats.holders().get(seat);
      rows.add(
          new SeatRow(
              seat,
              label(seat),
              holder == null ? null : nameOf(holder),
              user.userId().equals(holder),
              open
                  && holder == null
                  && user.hasRole(seat.group())
                  && !seats.seated(user.userId())));
    }
    return rows;
  }

  private List<DecisionRow> decisionRows(PanelMeeting meeting) {
    return meetings.decisionsAt(meeting).stream()
        .sorted(java.util.Comparator.comparing(PanelDecision::getDecidedAt))
        .map(this::decisionRow)
        .toList();
  }

  private DecisionRow decisionRow(PanelDecision decision) {
    PackageRequest request = requests.request(decision.getRequestId());
    var view = decision.view();
    long days =
        ChronoUnit.DAYS.between(
            request.getReceivedAt().atZone(clock.getZone()).toLocalDate(),
            decision.getDecidedAt().atZone(clock.getZone()).toLocalDate());
    return new DecisionRow(
        decision.getRequestId(),
        casebook.personSnapshot(request.getPersonId()).displayName(),
        outcome(decision.getOutcome().name()),
        view.rationale(),
        view.question(),
        view.returnBy(),
        view.amended() == null ? null : describe(view.amended()),
        nameOf(decision.getDecidedBy()),
        decision.getSeat() == null ? "" : label(decision.getSeat()),
        decision.getDecidedAt(),
        days);
  }

  private List<AgendaRow> agendaRows(LocalDate today) {
    return agenda.itemsFor(today).stream()
        .map(
            item -> {
              PanelPacks.Pack pack = packs.pack(item.requestId());
              return new AgendaRow(
                  item.requestId(),
                  pack.person().displayName(),
                  pack.person().reference(),
                  type(item.type().name()),
                  describe(pack.current()),
                  describe(pack.proposed()),
                  item.weeklyChange(),
                  item.fullYearChange(),
                  item.daysWaiting(),
                  item.meetingsWaited(),
                  item.stage() == DecisionStage.RETROSPECTIVE,
                  item.retrospectiveDue());
            })
        .toList();
  }

  private static String describe(CurrentPackage current) {
    if (current == null) {
      return "None";
    }
    return current.serviceType().label()
        + ", "
        + current.provider()
        + ": "
        + pounds(current.weeklyGrossCost())
        + " a week gross, "
        + pounds(current.netWeeklyCost())
        + " net";
  }

  private static String describe(ProposedPackage proposed) {
    return proposed.serviceType().label()
        + ", "
        + proposed.provider()
        + ": "
        + pounds(proposed.weeklyGrossCost())
        + " a week gross, "
        + pounds(proposed.netWeeklyCost())
        + " net, from "
        + proposed
            .effectiveDate()
            .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
  }

  private static String pounds(Money money) {
    return money == null ? "£0.00" : "£" + String.format(Locale.UK, "%,.2f", money.amount());
  }

  static String label(PanelSeat seat) {
    return switch (seat) {
      case ASC -> "Adult social care";
      case FINANCE -> "Finance";
      case COMMISSIONING -> "Commissioning";
    };
  }

  private static String type(String code) {
    return switch (code) {
      case "NEW_PACKAGE" -> "New package";
      case "PACKAGE_CHANGE" -> "Change to a package";
      case "CTR_DISCHARGE" -> "Discharge from hospital (CTR)";
      default -> code;
    };
  }

  static String outcome(String code) {
    return switch (code) {
      case "APPROVED" -> "approved";
      case "APPROVED_WITH_AMENDMENT" -> "approved with amendment";
      case "DEFERRED" -> "deferred";
      case "DECLINED" -> "declined";
      default -> code;
    };
  }

  private static PanelSeat seatOf(String seat) {
    try {
      return PanelSeat.valueOf(seat == null ? "" : seat);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("seat", "must be one of ASC, FINANCE, COMMISSIONING");
    }
  }

  /** The form's field id for a field the decision service names. */
  private static String fieldId(String field) {
    if (field == null || field.equals("seat") || field.equals("outcome")) {
      return "outcome";
    }
    if (field.equals("amended")) {
      return "amended-weeklyGrossCost";
    }
    if (field.equals("amended.effectiveDate")) {
      return "amended-effectiveDate-day";
    }
    if (field.equals("returnBy")) {
      return "returnBy-day";
    }
    return field.replace('.', '-');
  }

  private static final Map<String, String> LABELS =
      Map.of(
          "rationale",
          "The rationale",
          "question",
          "The question",
          "returnBy",
          "The return-by date",
          "amended",
          "The amended figures",
          "amended.weeklyGrossCost",
          "The weekly gross cost",
          "amended.assessedContribution",
          "The assessed contribution",
          "amended.nhsSharePercent",
          "The NHS share",
          "amended.provider",
          "The provider");

  /** The service's refusal as a sentence naming the field. */
  private static String message(String field, String message) {
    if ("seat".equals(field)) {
      return "Take a seat at today's meeting before you decide";
    }
    String label = LABELS.get(field);
    if (label != null && (message.startsWith("is ") || message.startsWith("must "))) {
      return label + " " + message;
    }
    return sentence(message);
  }

  private static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "This cannot be done now";
    }
    return Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  /**
   * A colleague's name from the directory. Read as the service: a member's own engine authorization
   * lets them read only their own user, and the page names the other members and the proposer.
   */
  private String nameOf(String userId) {
    return workflow.asService(() -> directory.displayName(userId));
  }

  private static void require(CareUser user, Set<String> roles) {
    if (!user.hasAnyRole(roles)) {
      throw new AccessDeniedException("not a role that may use the panel's pages");
    }
  }
}

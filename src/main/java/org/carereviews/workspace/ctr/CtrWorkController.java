package org.carereviews.workspace.ctr;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.ctr.ConsentBasis;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrViews.ActionView;
import org.carereviews.ctr.CtrViews.EpisodeView;
import org.carereviews.ctr.CtrViews.PersonRef;
import org.carereviews.ctr.CtrViews.RatingChangeView;
import org.carereviews.ctr.CtrViews.RegisterRecordView;
import org.carereviews.ctr.CtrViews.ReviewView;
import org.carereviews.ctr.CtrWork;
import org.carereviews.ctr.CtrWork.Member;
import org.carereviews.ctr.CtrWork.OpenStep;
import org.carereviews.ctr.CtrWork.PlanView;
import org.carereviews.ctr.CtrWork.Recommended;
import org.carereviews.ctr.CtrWork.Step;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's Care and Treatment Reviews, {@code /ctr/people/{personId}}: the register entry, the
 * timeline (inpatient episodes, rating changes, reviews with their panel, consent, papers, the four
 * answers, recommendations as actions and the discharge plan) and the work open on it; and each
 * step done from here: convene (the chair, clinical expert and expert by experience chosen from
 * their groups by name), consent, papers, the meeting (a repeating list of recommendations, each
 * owner chosen by name), the discharge plan (its package goes to the panel), an action done and an
 * overdue action chased. Every rule is ctr's ({@link CtrWork}, which completes the step's task as
 * the user); a refusal is shown at its field and nothing is recorded.
 */
@Controller
class CtrWorkController {

  /** Recommendation rows a new meeting page offers; "Add another" adds one. */
  static final int START_ROWS = 3;

  static final int MAX_ROWS = 30;

  private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final CtrRegister register;
  private final CtrWork work;
  private final Clock clock;

  CtrWorkController(CtrRegister register, CtrWork work, Clock clock) {
    this.register = register;
    this.work = work;
    this.clock = clock;
  }

  /** One event of the timeline: its date, and an episode, a rating change or a review. */
  record Event(LocalDate date, String kind, Object item) {}

  // --- the person's page -----------------------------------------------------------------------

  @GetMapping("/ctr/people/{personId}")
  @Audited(action = AuditAction.READ, record = "ctr-register", id = "#personId")
  String person(@PathVariable long personId, CareUser user, Model model) {
    RegisterRecordView record = register.get(user, personId);
    ZoneId zone = clock.getZone();
    List<Event> events = new ArrayList<>();
    for (EpisodeView episode : record.episodes()) {
      events.add(new Event(episode.admissionDate(), "episode", episode));
    }
    for (RatingChangeView change : record.ratingHistory()) {
      events.add(new Event(LocalDate.ofInstant(change.changedAt(), zone), "rating", change));
    }
    for (ReviewView review : record.reviews()) {
      LocalDate when =
          review.meetingAt() != null
              ? LocalDate.ofInstant(review.meetingAt(), zone)
              : review.dueDate();
      events.add(new Event(when, "review", review));
    }
    events.sort(Comparator.comparing(Event::date));
    List<OpenStep> open = work.openSteps(user, personId);
    Set<String> people = new HashSet<>();
    people.add(record.entry().keyWorker());
    record.ratingHistory().forEach(c -> people.add(c.changedBy()));
    for (ReviewView review : record.reviews()) {
      people.add(review.chair());
      people.add(review.clinicalExpert());
      people.add(review.expertByExperience());
      people.add(review.completedBy());
      review
          .recommendations()
          .forEach(
              a -> {
                people.add(a.owner());
                people.add(a.doneBy());
              });
    }
    open.forEach(s -> people.add(s.assignee()));
    Map<Long, PlanView> plans = work.plans(user, personId);
    plans.values().forEach(p -> people.add(p.plannedBy()));
    people.remove(null);
    model.addAttribute("record", record);
    model.addAttribute("person", record.entry().person());
    model.addAttribute("events", events);
    model.addAttribute("open", open);
    model.addAttribute("plans", plans);
    model.addAttribute("names", work.names(people));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("canChange", register.canChange(user, personId));
    model.addAttribute(
        "inHospital", record.episodes().stream().anyMatch(e -> e.dischargeDate() == null));
    return "workspace/ctr/person";
  }

  // --- a review's steps ------------------------------------------------------------------------

  @GetMapping("/ctr/reviews/{reviewId}/{step}")
  @Audited(action = AuditAction.READ, record = "ctr-review", id = "#reviewId")
  String reviewStep(
      @PathVariable long reviewId,
      @PathVariable("step") String stepPath,
      CareUser user,
      Model model) {
    Step step = reviewStepOf(stepPath);
    ReviewView review = work.review(user, reviewId);
    if (!work.isOpen(reviewId, step)) {
      throw new RecordNotFoundException("open step of review", reviewId);
    }
    CtrInput input = new CtrInput(startValues(step, review));
    return reviewPage(user, review, step, input, model);
  }

  @PostMapping("/ctr/reviews/{reviewId}/{step}")
  @Audited(action = AuditAction.CHANGE, record = "ctr-review", id = "#reviewId")
  String submitReviewStep(
      @PathVariable long reviewId,
      @PathVariable("step") String stepPath,
      @RequestParam MultiValueMap<String, String> posted,
      CareUser user,
      Model model) {
    Step step = reviewStepOf(stepPath);
    ReviewView review = work.review(user, reviewId);
    CtrInput input = new CtrInput(posted);
    if (step == Step.MEETING && posted.containsKey("add")) {
      int rows = Math.min(MAX_ROWS, rows(input) + 1);
      input.values().put("rows", Integer.toString(rows));
      model.addAttribute("focusRow", rows);
      return reviewPage(user, review, step, input, model);
    }
    Map<Integer, Integer> rowOfListed = new HashMap<>();
    try {
      switch (step) {
        case CONVENE -> convene(user, review, input);
        case CONSENT -> consent(user, review, input);
        case PAPERS -> papers(user, review, input);
        case MEETING -> meeting(user, review, input, rowOfListed);
        case DISCHARGE_PLAN -> dischargePlan(user, review, input);
        case VISIT -> visit(user, review, input);
        default -> throw new RecordNotFoundException("step", stepPath);
      }
    } catch (InvalidRequestException refused) {
      input.refused(
          refused.field(),
          refused.getMessage(),
          name -> inputOf(name, rowOfListed),
          labelOf(refused.field(), rowOfListed));
    } catch (StateConflictException | AccessDeniedException refused) {
      input.error("submit", CtrInput.capitalised(refused.getMessage()));
    }
    if (!input.ok()) {
      return reviewPage(user, review, step, input, model);
    }
    return "redirect:/ctr/reviews/" + reviewId + "/" + step.path() + "/done";
  }

  @GetMapping("/ctr/reviews/{reviewId}/{step}/done")
  @Audited(action = AuditAction.READ, record = "ctr-review", id = "#reviewId")
  String reviewStepDone(
      @PathVariable long reviewId,
      @PathVariable("step") String stepPath,
      CareUser user,
      Model model) {
    Step step = reviewStepOf(stepPath);
    ReviewView review = work.review(user, reviewId);
    if (work.isOpen(reviewId, step)) {
      // not done yet: the step itself
      return "redirect:/ctr/reviews/" + reviewId + "/" + step.path();
    }
    PersonRef person = work.personOfReview(user, reviewId);
    List<OpenStep> next =
        work.openSteps(user, person.personId()).stream()
            .filter(s -> s.reviewId() == reviewId && !s.step().ofAction())
            .toList();
    Map<String, String> names =
        work.names(
            review.recommendations().stream().map(ActionView::owner).collect(Collectors.toSet()));
    String title;
    List<String> body = new ArrayList<>();
    switch (step) {
      case CONVENE -> {
        title = "Panel convened";
        Map<String, String> panel =
            work.names(
                List.of(review.chair(), review.clinicalExpert(), review.expertByExperience()));
        body.add(
            "The panel for review "
                + review.reference()
                + " meets on "
                + when(review.meetingAt())
                + ": the chair "
                + panel.get(review.chair())
                + ", the clinical expert "
                + panel.get(review.clinicalExpert())
                + " and the expert by experience "
                + panel.get(review.expertByExperience())
                + ".");
      }
      case CONSENT -> {
        title = "Consent recorded";
        body.add("Review " + review.reference() + " may now share the papers with the panel.");
      }
      case PAPERS -> {
        title = "Papers shared";
        body.add("The panel has the papers for the meeting on " + when(review.meetingAt()) + ".");
      }
      case MEETING -> {
        title = "Meeting recorded";
        body.add(
            "Review "
                + review.reference()
                + " is complete with "
                + review.recommendations().size()
                + (review.recommendations().size() == 1 ? " recommendation" : " recommendations")
                + ".");
        for (ActionView action : review.recommendations()) {
          body.add(
              names.getOrDefault(action.owner(), action.owner())
                  + " has the action '"
                  + action.text()
                  + "' in their work list, due "
                  + WORDS_DATE.format(action.dueDate())
                  + "; if it is not done by then, the chair chases it.");
        }
      }
      case DISCHARGE_PLAN -> {
        title = "Discharge package sent to the panel";
        body.add(
            work.panelRequestOf(user, reviewId)
                .map(
                    id ->
                        "The discharge package is package request "
                            + id
                            + " on the spend-control panel's agenda. The panel's decision comes"
                            + " back to this review; once approved, the package and its cost are"
                            + " recorded.")
                .orElse(
                    "The discharge plan of review "
                        + review.reference()
                        + " is recorded; its package request is being sent to the panel."));
      }
      case VISIT -> {
        title = "Oversight visit recorded";
        body.add("The visit of review " + review.reference() + " and its findings are recorded.");
      }
      default -> throw new RecordNotFoundException("step", stepPath);
    }
    if (!next.isEmpty()) {
      body.add("Next: " + next.get(0).step().label().toLowerCase(java.util.Locale.UK) + ".");
    }
    model.addAttribute("heading", title);
    model.addAttribute("body", body);
    model.addAttribute("person", person);
    model.addAttribute("next", next.isEmpty() ? null : next.get(0));
    return "workspace/ctr/done";
  }

  // --- an action's steps -----------------------------------------------------------------------

  @GetMapping("/ctr/actions/{actionId}/{step}")
  @Audited(action = AuditAction.READ, record = "ctr-action", id = "#actionId")
  String actionStep(
      @PathVariable long actionId,
      @PathVariable("step") String stepPath,
      CareUser user,
      Model model) {
    Step step = actionStepOf(stepPath);
    ActionView action = work.action(user, actionId);
    if (!work.isOpen(actionId, step)) {
      throw new RecordNotFoundException("open step of action", actionId);
    }
    return actionPage(user, action, step, new CtrInput(Map.of()), model);
  }

  @PostMapping("/ctr/actions/{actionId}/{step}")
  @Audited(action = AuditAction.CHANGE, record = "ctr-action", id = "#actionId")
  String submitActionStep(
      @PathVariable long actionId,
      @PathVariable("step") String stepPath,
      @RequestParam MultiValueMap<String, String> posted,
      CareUser user,
      Model model) {
    Step step = actionStepOf(stepPath);
    ActionView action = work.action(user, actionId);
    CtrInput input = new CtrInput(posted);
    String note =
        input.requiredText(
            "note",
            step == Step.CHASE ? "what was done to chase it" : "what was done",
            CtrInput.MAX_NOTE);
    if (input.ok()) {
      try {
        if (step == Step.CHASE) {
          work.chase(user, actionId, note);
        } else {
          work.actionDone(user, actionId, note);
        }
      } catch (InvalidRequestException refused) {
        input.refused(refused.field(), refused.getMessage(), name -> "note", "What was done");
      } catch (StateConflictException | AccessDeniedException refused) {
        input.error("submit", CtrInput.capitalised(refused.getMessage()));
      }
    }
    if (!input.ok()) {
      return actionPage(user, action, step, input, model);
    }
    return "redirect:/ctr/actions/" + actionId + "/" + step.path() + "/done";
  }

  @GetMapping("/ctr/actions/{actionId}/{step}/done")
  @Audited(action = AuditAction.READ, record = "ctr-action", id = "#actionId")
  String actionStepDone(
      @PathVariable long actionId,
      @PathVariable("step") String stepPath,
      CareUser user,
      Model model) {
    Step step = actionStepOf(stepPath);
    ActionView action = work.action(user, actionId);
    if (work.isOpen(actionId, step)) {
      return "redirect:/ctr/actions/" + actionId + "/" + step.path();
    }
    PersonRef person = work.personOfReview(user, reviewIdOf(user, action));
    String owner = work.names(List.of(action.owner())).get(action.owner());
    if (step == Step.CHASE) {
      model.addAttribute("heading", "Chase recorded");
      model.addAttribute(
          "body",
          List.of(
              "The action '"
                  + action.text()
                  + "' stays open until "
                  + owner
                  + " records it done; it is still in their work list."));
    } else {
      model.addAttribute("heading", "Action done");
      model.addAttribute(
          "body",
          List.of(
              "The action '"
                  + action.text()
                  + "' of review "
                  + action.reviewReference()
                  + " is recorded as done and is no longer chased."));
    }
    model.addAttribute("person", person);
    model.addAttribute("next", null);
    return "workspace/ctr/done";
  }

  // --- the steps ------------------------------------------------------------------------------

  private void convene(CareUser user, ReviewView review, CtrInput input) {
    String chair =
        input.choice(
            "chair",
            ids(work.members(Roles.CTR_CHAIR)),
            "Select the chair, a commissioner from the list");
    String clinician =
        input.choice(
            "clinicalExpert",
            ids(work.members(Roles.CTR_CLINICIAN)),
            "Select the independent clinical expert from the list");
    String expert =
        input.choice(
            "expertByExperience",
            ids(work.members(Roles.CTR_EXPERT)),
            "Select the expert by experience from the list (a review cannot go ahead without one)");
    LocalDateTime meetingAt =
        input.dateTime("meetingAt", "the date of the meeting", "the time of the meeting", true);
    if (input.ok()) {
      work.convene(user, review.id(), chair, clinician, expert, meetingAt);
    }
  }

  private void consent(CareUser user, ReviewView review, CtrInput input) {
    String basis =
        input.choice(
            "consentBasis",
            Arrays.stream(ConsentBasis.values()).map(Enum::name).toList(),
            "Select whether the person consents or a best-interests decision was made");
    String note = input.optionalText("consentNote", "the note", CtrInput.MAX_NOTE);
    if (input.ok()) {
      work.consent(user, review.id(), ConsentBasis.valueOf(basis), note);
    }
  }

  private void papers(CareUser user, ReviewView review, CtrInput input) {
    LocalDateTime meetingAt =
        input.dateTime("meetingAt", "the date of the meeting", "the time of the meeting", false);
    if (input.ok()) {
      work.papers(user, review.id(), meetingAt);
    }
  }

  private void meeting(
      CareUser user, ReviewView review, CtrInput input, Map<Integer, Integer> rowOfListed) {
    String safe = input.requiredText("answerSafe", "an answer to 'Am I safe?'", CtrInput.MAX_TEXT);
    String good =
        input.requiredText("answerGoodCare", "an answer to 'Is my care good?'", CtrInput.MAX_TEXT);
    String future =
        input.requiredText(
            "answerFuturePlan", "an answer to 'Is there a plan for my future?'", CtrInput.MAX_TEXT);
    String hospital =
        input.requiredText(
            "answerNeedHospital",
            "an answer to 'Do I need to be in hospital for my care and treatment?'",
            CtrInput.MAX_TEXT);
    Set<String> owners = new HashSet<>(ids(owners(user, review.id())));
    List<Recommended> recommended = new ArrayList<>();
    for (int row = 1; row <= rows(input); row++) {
      String textField = "rec-" + row + "-text";
      String ownerField = "rec-" + row + "-owner";
      String dueField = "rec-" + row + "-due";
      boolean anything =
          input.text(textField) != null
              || input.text(ownerField) != null
              || input.text(dueField + "-day") != null
              || input.text(dueField + "-month") != null
              || input.text(dueField + "-year") != null;
      if (!anything) {
        continue;
      }
      String text =
          input.requiredText(
              textField, "recommendation " + row + ": what is recommended", CtrInput.MAX_NOTE);
      String owner = input.text(ownerField);
      if (owner == null) {
        input.error(ownerField, "Select who owns recommendation " + row);
      } else if (!owners.contains(owner)) {
        input.error(ownerField, "Select the owner of recommendation " + row + " from the list");
        owner = null;
      }
      LocalDate due = input.date(dueField, "the due date of recommendation " + row, true);
      rowOfListed.put(recommended.size(), row);
      recommended.add(new Recommended(text, owner, due));
    }
    LocalDate plannedDischarge =
        input.date("plannedDischargeDate", "the planned discharge date", false);
    boolean dischargeRecommended = "true".equals(input.text("dischargeRecommended"));
    if (input.ok()) {
      work.meeting(
          user,
          review.id(),
          safe,
          good,
          future,
          hospital,
          recommended,
          plannedDischarge,
          dischargeRecommended);
    }
  }

  private void dischargePlan(CareUser user, ReviewView review, CtrInput input) {
    String service =
        input.choice(
            "serviceType",
            Arrays.stream(ServiceType.values()).map(Enum::name).toList(),
            "Select the community service");
    String provider = input.requiredText("provider", "the provider", 200);
    BigDecimal gross = input.number("weeklyGrossCost", "the weekly gross cost", true);
    BigDecimal contribution =
        input.number("assessedContribution", "the person's assessed contribution", false);
    BigDecimal nhs = input.number("nhsSharePercent", "the NHS share", true);
    LocalDate date = input.date("dischargeDate", "the discharge date", true);
    String reason =
        input.requiredText("dischargeReason", "the case for the package", CtrInput.MAX_NOTE);
    if (input.ok()) {
      work.planDischarge(
          user,
          review.id(),
          ServiceType.valueOf(service),
          provider,
          gross,
          contribution,
          nhs,
          date,
          reason);
    }
  }

  private void visit(CareUser user, ReviewView review, CtrInput input) {
    LocalDateTime visitedAt =
        input.dateTime("visitedAt", "the date of the visit", "the time of the visit", true);
    String findings = input.requiredText("findings", "the findings", CtrInput.MAX_TEXT);
    if (input.ok()) {
      work.visit(user, review.id(), visitedAt, findings);
    }
  }

  // --- pages ----------------------------------------------------------------------------------

  private String reviewPage(
      CareUser user, ReviewView review, Step step, CtrInput input, Model model) {
    PersonRef person = work.personOfReview(user, review.id());
    model.addAttribute("person", person);
    model.addAttribute("review", review);
    model.addAttribute("step", step);
    model.addAttribute("values", input.values());
    model.addAttribute("errors", input.errors());
    model.addAttribute(
        "panelNames",
        work.names(
            java.util.stream.Stream.of(
                    review.chair(), review.clinicalExpert(), review.expertByExperience())
                .filter(java.util.Objects::nonNull)
                .toList()));
    switch (step) {
      case CONVENE -> {
        model.addAttribute("chairs", work.members(Roles.CTR_CHAIR));
        model.addAttribute("clinicians", work.members(Roles.CTR_CLINICIAN));
        model.addAttribute("experts", work.members(Roles.CTR_EXPERT));
      }
      case MEETING -> {
        model.addAttribute("owners", owners(user, review.id()));
        int rows = rows(input);
        model.addAttribute("rows", rows);
      }
      case DISCHARGE_PLAN -> model.addAttribute("services", ServiceType.values());
      default -> {
        // nothing more to offer
      }
    }
    return "workspace/ctr/step";
  }

  private String actionPage(
      CareUser user, ActionView action, Step step, CtrInput input, Model model) {
    model.addAttribute("person", work.personOfReview(user, reviewIdOf(user, action)));
    model.addAttribute("action", action);
    model.addAttribute("owner", work.names(List.of(action.owner())).get(action.owner()));
    model.addAttribute("step", step);
    model.addAttribute("values", input.values());
    model.addAttribute("errors", input.errors());
    return "workspace/ctr/action";
  }

  /** The review an action is of, found on the person's record. */
  private long reviewIdOf(CareUser user, ActionView action) {
    return register.get(user, action.personId()).reviews().stream()
        .filter(r -> r.reference().equals(action.reviewReference()))
        .findFirst()
        .map(ReviewView::id)
        .orElseThrow(() -> new RecordNotFoundException("review of action", action.id()));
  }

  /**
   * Who may own a recommendation: the CTR chairs, clinical experts and experts by experience, and
   * the person's team, by name.
   */
  private List<Member> owners(CareUser user, long reviewId) {
    PersonRef person = work.personOfReview(user, reviewId);
    Map<String, Member> all = new LinkedHashMap<>();
    for (String group :
        List.of(
            Roles.teamGroup(person.team()),
            Roles.CTR_CHAIR,
            Roles.CTR_CLINICIAN,
            Roles.CTR_EXPERT)) {
      work.members(group).forEach(m -> all.putIfAbsent(m.userId(), m));
    }
    return all.values().stream().sorted(Comparator.comparing(Member::name)).toList();
  }

  private Map<String, String> startValues(Step step, ReviewView review) {
    Map<String, String> start = new HashMap<>();
    if (step == Step.MEETING) {
      start.put("rows", Integer.toString(START_ROWS));
    }
    if ((step == Step.PAPERS || step == Step.CONVENE) && review.meetingAt() != null) {
      LocalDateTime at = LocalDateTime.ofInstant(review.meetingAt(), clock.getZone());
      start.put("meetingAt-day", Integer.toString(at.getDayOfMonth()));
      start.put("meetingAt-month", Integer.toString(at.getMonthValue()));
      start.put("meetingAt-year", Integer.toString(at.getYear()));
      start.put("meetingAt-time", ISO_TIME.format(at));
    }
    if (step == Step.CONVENE) {
      if (review.chair() != null) {
        start.put("chair", review.chair());
      }
    }
    return start;
  }

  private static int rows(CtrInput input) {
    String rows = input.text("rows");
    if (rows == null || !rows.matches("\\d{1,2}")) {
      return START_ROWS;
    }
    return Math.max(1, Math.min(MAX_ROWS, Integer.parseInt(rows)));
  }

  /** The input a service's field name is shown at. */
  private static String inputOf(String field, Map<Integer, Integer> rowOfListed) {
    var m =
        java.util.regex.Pattern.compile("recommendations\\[(\\d+)]\\.(text|owner|dueDate)")
            .matcher(field);
    if (m.matches()) {
      Integer row = rowOfListed.get(Integer.parseInt(m.group(1)));
      if (row == null) {
        return "submit";
      }
      return switch (m.group(2)) {
        case "text" -> "rec-" + row + "-text";
        case "owner" -> "rec-" + row + "-owner";
        default -> "rec-" + row + "-due-day";
      };
    }
    return switch (field) {
      case "chair", "panel" -> "chair";
      case "clinicalExpert", "expertByExperience", "consentBasis", "consentNote" -> field;
      case "answerSafe", "answerGoodCare", "answerFuturePlan", "answerNeedHospital" -> field;
      case "serviceType", "provider", "weeklyGrossCost", "assessedContribution" -> field;
      case "nhsSharePercent", "dischargeReason", "dischargeRecommended" -> field;
      case "findings" -> field;
      case "meetingAt", "plannedDischargeDate", "dischargeDate", "visitedAt" -> field + "-day";
      default -> "submit";
    };
  }

  /** The label a service's refusal of this field reads with ("is required ..."). */
  private static String labelOf(String field, Map<Integer, Integer> rowOfListed) {
    if (field == null) {
      return null;
    }
    var m =
        java.util.regex.Pattern.compile("recommendations\\[(\\d+)]\\.(text|owner|dueDate)")
            .matcher(field);
    if (m.matches()) {
      Integer row = rowOfListed.get(Integer.parseInt(m.group(1)));
      String which = row == null ? "a recommendation" : "recommendation " + row;
      return switch (m.group(2)) {
        case "text" -> "The text of " + which;
        case "owner" -> "The owner of " + which;
        default -> "The due date of " + which;
      };
    }
    return switch (field) {
      case "chair" -> "The chair";
      case "clinicalExpert" -> "The clinical expert";
      case "expertByExperience" -> "The expert by experience";
      case "meetingAt" -> "The meeting";
      case "consentNote" -> "The note";
      case "consentBasis" -> "The basis";
      case "plannedDischargeDate" -> "The planned discharge date";
      case "dischargeDate" -> "The discharge date";
      case "weeklyGrossCost" -> "The weekly gross cost";
      case "assessedContribution" -> "The assessed contribution";
      case "nhsSharePercent" -> "The NHS share";
      case "provider" -> "The provider";
      case "dischargeReason" -> "The case for the package";
      case "serviceType" -> "The service";
      case "visitedAt" -> "The visit";
      case "findings" -> "The findings";
      default -> "This step";
    };
  }

  private static Step reviewStepOf(String path) {
    return Step.ofPath(path)
        .filter(s -> !s.ofAction())
        .orElseThrow(() -> new RecordNotFoundException("step", path));
  }

  private static Step actionStepOf(String path) {
    return Step.ofPath(path)
        .filter(Step::ofAction)
        .orElseThrow(() -> new RecordNotFoundException("step", path));
  }

  private static List<String> ids(List<Member> members) {
    return members.stream().map(Member::userId).toList();
  }

  private static final DateTimeFormatter WORDS_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

  private String when(java.time.Instant at) {
    if (at == null) {
      return "a date to be set";
    }
    return DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", java.util.Locale.UK)
        .format(LocalDateTime.ofInstant(at, clock.getZone()));
  }
}

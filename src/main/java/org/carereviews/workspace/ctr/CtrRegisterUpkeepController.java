package org.carereviews.workspace.ctr;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.ctr.Commissioner;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrRequests.Admission;
import org.carereviews.ctr.CtrRequests.Discharge;
import org.carereviews.ctr.CtrRequests.NewRegisterEntry;
import org.carereviews.ctr.CtrRequests.RegisterDetails;
import org.carereviews.ctr.CtrViews.EpisodeView;
import org.carereviews.ctr.CtrViews.PersonRef;
import org.carereviews.ctr.CtrViews.RegisterEntryView;
import org.carereviews.ctr.CtrViews.RegisterRecordView;
import org.carereviews.ctr.CtrWork;
import org.carereviews.ctr.CtrWork.Member;
import org.carereviews.ctr.HospitalSetting;
import org.carereviews.ctr.Rating;
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
 * Keeping a person's dynamic support register entry up to date from their CTR page, {@code
 * /ctr/people/{personId}/{form}}: change the rating (with reasons), update the details (consent
 * date, key worker chosen by name, next register review), record an admission, and for the open
 * inpatient stay its planned discharge date and the discharge. Only those who keep the register
 * (the CTR chair and the person's team) reach these pages; anyone else gets the page not found.
 * Every rule is ctr's ({@link CtrRegister}); a refusal is shown at its field and nothing changes.
 */
@Controller
class CtrRegisterUpkeepController {

  /** The forms, by the last part of their path. */
  enum Form {
    ADD("add", "Add to the dynamic support register", "Added to the register"),
    RATING("rating", "Change the rating", "Rating changed"),
    DETAILS("details", "Update the register details", "Register details updated"),
    ADMISSION("admission", "Record an admission", "Admission recorded"),
    PLANNED_DISCHARGE(
        "planned-discharge", "Record the planned discharge date", "Planned discharge recorded"),
    DISCHARGE("discharge", "Record the discharge", "Discharge recorded");

    private final String path;
    private final String label;
    private final String done;

    Form(String path, String label, String done) {
      this.path = path;
      this.label = label;
      this.done = done;
    }

    public String path() {
      return path;
    }

    public String label() {
      return label;
    }

    static Form of(String path) {
      return Arrays.stream(values())
          .filter(f -> f.path.equals(path))
          .findFirst()
          .orElseThrow(() -> new RecordNotFoundException("register form", path));
    }
  }

  /** The ratings a person in the community may be given; blue comes only with an admission. */
  static final List<String> COMMUNITY_RATINGS =
      List.of(Rating.RED.name(), Rating.AMBER.name(), Rating.GREEN.name());

  private static final DateTimeFormatter WORDS_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final CtrRegister register;
  private final CtrWork work;
  private final Clock clock;

  CtrRegisterUpkeepController(CtrRegister register, CtrWork work, Clock clock) {
    this.register = register;
    this.work = work;
    this.clock = clock;
  }

  @GetMapping("/ctr/people/{personId}/{form}")
  @Audited(action = AuditAction.READ, record = "ctr-register", id = "#personId")
  String form(
      @PathVariable long personId, @PathVariable("form") String path, CareUser user, Model model) {
    Form form = Form.of(path);
    if (form == Form.ADD) {
      return addPage(addable(user, personId), new CtrInput(Map.of()), model);
    }
    RegisterRecordView record = writable(user, personId, form);
    return page(user, record, form, new CtrInput(startValues(form, record)), model);
  }

  @PostMapping("/ctr/people/{personId}/add")
  @Audited(action = AuditAction.CREATE, record = "ctr-register", id = "#personId")
  String submitAdd(
      @PathVariable long personId,
      @RequestParam MultiValueMap<String, String> posted,
      CareUser user,
      Model model) {
    PersonRef person = addable(user, personId);
    CtrInput input = new CtrInput(posted);
    boolean consent = "true".equals(input.text("consentGiven"));
    if (!consent) {
      input.error(
          "consentGiven",
          "Confirm the person consents: a person is put on the register only with their consent");
    }
    LocalDate consentDate = input.date("consentDate", "the date consent was given", true);
    String rating =
        input.choice("rating", COMMUNITY_RATINGS, "Select red, amber or green as the rating");
    String reasons = input.requiredText("reasons", "the reasons for the rating", CtrInput.MAX_NOTE);
    String keyWorker =
        input.choice(
            "keyWorker",
            keyWorkers(person.team(), null).stream().map(Member::userId).toList(),
            "Select the key worker from the list");
    LocalDate next = input.date("nextReviewDate", "the next register review date", true);
    if (input.ok()) {
      try {
        register.add(
            user,
            new NewRegisterEntry(
                personId, true, consentDate, Rating.valueOf(rating), reasons, keyWorker, next));
      } catch (InvalidRequestException refused) {
        input.refused(
            refused.field(),
            refused.getMessage(),
            CtrRegisterUpkeepController::inputOf,
            labelOf(refused.field()));
      } catch (StateConflictException | AccessDeniedException refused) {
        input.error("submit", CtrInput.capitalised(refused.getMessage()));
      }
    }
    if (!input.ok()) {
      return addPage(person, input, model);
    }
    return "redirect:/ctr/people/" + personId + "/add/done";
  }

  @PostMapping("/ctr/people/{personId}/admission")
  @Audited(action = AuditAction.CREATE, record = "ctr-episode", id = "#personId")
  String submitAdmission(
      @PathVariable long personId,
      @RequestParam MultiValueMap<String, String> posted,
      CareUser user,
      Model model) {
    return submit(personId, Form.ADMISSION, posted, user, model);
  }

  @PostMapping("/ctr/people/{personId}/{form}")
  @Audited(action = AuditAction.CHANGE, record = "ctr-register", id = "#personId")
  String submitChange(
      @PathVariable long personId,
      @PathVariable("form") String path,
      @RequestParam MultiValueMap<String, String> posted,
      CareUser user,
      Model model) {
    Form form = Form.of(path);
    if (form == Form.ADMISSION || form == Form.ADD) {
      throw new RecordNotFoundException("register form", path);
    }
    return submit(personId, form, posted, user, model);
  }

  @GetMapping("/ctr/people/{personId}/{form}/done")
  @Audited(action = AuditAction.READ, record = "ctr-register", id = "#personId")
  String done(
      @PathVariable long personId, @PathVariable("form") String path, CareUser user, Model model) {
    Form form = Form.of(path);
    RegisterRecordView record = readable(user, personId);
    RegisterEntryView entry = record.entry();
    EpisodeView last =
        record.episodes().isEmpty() ? null : record.episodes().get(record.episodes().size() - 1);
    String name = entry.person().displayName();
    String next = WORDS_DATE.format(entry.nextReviewDate());
    List<String> body = new ArrayList<>();
    switch (form) {
      case ADD -> {
        body.add(
            name
                + " is on the dynamic support register, rated "
                + rating(entry.rating())
                + ", with "
                + work.names(List.of(entry.keyWorker())).get(entry.keyWorker())
                + " as key worker. The next register review is on "
                + next
                + ".");
        body.add(
            "Their CTR page is where the rating is kept up to date and an admission to hospital"
                + " is recorded, which starts their Care and Treatment Reviews.");
      }
      case RATING -> {
        body.add(
            name
                + " is now rated "
                + rating(entry.rating())
                + " on the dynamic support register. The change and its reasons are on the"
                + " timeline.");
        body.add("The next register review is on " + next + ".");
      }
      case DETAILS ->
          body.add(
              "The key worker is "
                  + work.names(List.of(entry.keyWorker())).get(entry.keyWorker())
                  + ", consent was given on "
                  + WORDS_DATE.format(entry.consentDate())
                  + " and the next register review is on "
                  + next
                  + ".");
      case ADMISSION -> {
        body.add(
            name
                + " is rated blue (in hospital) from "
                + (last == null ? "the admission" : WORDS_DATE.format(last.admissionDate()))
                + " until the discharge is recorded.");
        body.add(
            "The stay's Care and Treatment Reviews (after admission, then regular inpatient"
                + " reviews) fall due from the admission date; the daily CTR schedule starts"
                + " each one, and it then appears under 'Work to do now' on this person's page"
                + " and in the register's due list.");
      }
      case PLANNED_DISCHARGE ->
          body.add(
              "The planned discharge on "
                  + (last == null || last.plannedDischargeDate() == null
                      ? "the date given"
                      : WORDS_DATE.format(last.plannedDischargeDate()))
                  + " is on the timeline. Record the discharge once it has happened.");
      case DISCHARGE -> {
        body.add(
            name
                + " is back in the community, rated "
                + rating(entry.rating())
                + "; the stay and its length are on the timeline.");
        body.add("The next register review is on " + next + ".");
      }
      default -> throw new RecordNotFoundException("register form", path);
    }
    model.addAttribute("heading", form.done);
    model.addAttribute("body", body);
    model.addAttribute("person", entry.person());
    model.addAttribute("next", null);
    return "workspace/ctr/done";
  }

  // --- the forms ------------------------------------------------------------------------------

  private String submit(
      long personId, Form form, MultiValueMap<String, String> posted, CareUser user, Model model) {
    RegisterRecordView record = writable(user, personId, form);
    CtrInput input = new CtrInput(posted);
    try {
      switch (form) {
        case RATING -> rate(user, personId, input);
        case DETAILS -> details(user, record, input);
        case ADMISSION -> admit(user, personId, input);
        case PLANNED_DISCHARGE -> planDischarge(user, record, input);
        case DISCHARGE -> discharge(user, record, input);
        default -> throw new RecordNotFoundException("register form", form.path);
      }
    } catch (InvalidRequestException refused) {
      input.refused(
          refused.field(),
          refused.getMessage(),
          CtrRegisterUpkeepController::inputOf,
          labelOf(refused.field()));
    } catch (StateConflictException | AccessDeniedException refused) {
      input.error("submit", CtrInput.capitalised(refused.getMessage()));
    }
    if (!input.ok()) {
      return page(user, record, form, input, model);
    }
    return "redirect:/ctr/people/" + personId + "/" + form.path + "/done";
  }

  private void rate(CareUser user, long personId, CtrInput input) {
    String rating =
        input.choice("rating", COMMUNITY_RATINGS, "Select red, amber or green as the new rating");
    String reasons = input.requiredText("reasons", "the reasons for the rating", CtrInput.MAX_NOTE);
    if (input.ok()) {
      register.rate(user, personId, Rating.valueOf(rating), reasons);
    }
  }

  private void details(CareUser user, RegisterRecordView record, CtrInput input) {
    String keyWorker =
        input.choice(
            "keyWorker",
            keyWorkers(record.entry().person().team(), record.entry().keyWorker()).stream()
                .map(Member::userId)
                .toList(),
            "Select the key worker from the list");
    LocalDate consent = input.date("consentDate", "the date consent was given", true);
    LocalDate next = input.date("nextReviewDate", "the next register review date", true);
    if (input.ok()) {
      register.updateDetails(
          user, record.entry().person().personId(), new RegisterDetails(keyWorker, next, consent));
    }
  }

  private void admit(CareUser user, long personId, CtrInput input) {
    String hospital = input.requiredText("hospital", "the hospital", 200);
    String setting =
        input.choice(
            "setting",
            Arrays.stream(HospitalSetting.values()).map(Enum::name).toList(),
            "Select the kind of hospital setting");
    String outOfArea =
        input.choice(
            "outOfArea", List.of("true", "false"), "Select whether the hospital is out of area");
    LocalDate admitted = input.date("admissionDate", "the admission date", true);
    String commissioner =
        input.choice(
            "commissioner",
            Arrays.stream(Commissioner.values()).map(Enum::name).toList(),
            "Select who commissions the stay");
    String communityReview =
        input.choice(
            "communityReviewBeforeAdmission",
            List.of("true", "false"),
            "Select whether a community Care and Treatment Review was held before the admission");
    LocalDate planned = input.date("plannedDischargeDate", "the planned discharge date", false);
    if (input.ok()) {
      register.admit(
          user,
          personId,
          new Admission(
              hospital,
              HospitalSetting.valueOf(setting),
              Boolean.valueOf(outOfArea),
              admitted,
              Commissioner.valueOf(commissioner),
              Boolean.valueOf(communityReview),
              planned));
    }
  }

  private void planDischarge(CareUser user, RegisterRecordView record, CtrInput input) {
    EpisodeView open = openEpisode(record);
    LocalDate planned = input.date("plannedDischargeDate", "the planned discharge date", true);
    if (planned != null && planned.isBefore(open.admissionDate())) {
      input.error(
          "plannedDischargeDate-day",
          "The planned discharge date must be on or after the admission date, "
              + WORDS_DATE.format(open.admissionDate()));
    }
    if (input.ok()) {
      register.planDischarge(user, open.id(), planned);
    }
  }

  private void discharge(CareUser user, RegisterRecordView record, CtrInput input) {
    EpisodeView open = openEpisode(record);
    LocalDate date = input.date("dischargeDate", "the discharge date", true);
    if (date != null && date.isBefore(open.admissionDate())) {
      input.error(
          "dischargeDate-day",
          "The discharge date must be on or after the admission date, "
              + WORDS_DATE.format(open.admissionDate()));
    }
    String rating =
        input.choice(
            "rating",
            COMMUNITY_RATINGS,
            "Select red, amber or green as the rating after discharge");
    String reasons = input.requiredText("reasons", "the reasons for the rating", CtrInput.MAX_NOTE);
    if (input.ok()) {
      register.discharge(user, open.id(), new Discharge(date, Rating.valueOf(rating), reasons));
    }
  }

  // --- pages ----------------------------------------------------------------------------------

  /**
   * The person's record, when the user keeps the register and the form fits the person now (a
   * rating change or an admission only out of hospital; the discharge forms only in hospital); else
   * the page is not found.
   */
  private RegisterRecordView writable(CareUser user, long personId, Form form) {
    RegisterRecordView record = readable(user, personId);
    boolean inHospital = openEpisodeOrNull(record) != null;
    boolean fits =
        switch (form) {
          case ADD -> false;
          case RATING, ADMISSION -> !inHospital;
          case PLANNED_DISCHARGE, DISCHARGE -> inHospital;
          case DETAILS -> true;
        };
    if (!fits) {
      throw new RecordNotFoundException("register form " + form.path + " for person", personId);
    }
    return record;
  }

  private PersonRef addable(CareUser user, long personId) {
    return register
        .addable(user, personId)
        .orElseThrow(() -> new RecordNotFoundException("person to add to the register", personId));
  }

  private String addPage(PersonRef person, CtrInput input, Model model) {
    model.addAttribute("record", null);
    model.addAttribute("person", person);
    model.addAttribute("form", Form.ADD);
    model.addAttribute("values", input.values());
    model.addAttribute("errors", input.errors());
    model.addAttribute("episode", null);
    model.addAttribute("keyWorkers", keyWorkers(person.team(), null));
    return "workspace/ctr/register-form";
  }

  private RegisterRecordView readable(CareUser user, long personId) {
    try {
      RegisterRecordView record = register.get(user, personId);
      if (register.canChange(user, personId)) {
        return record;
      }
    } catch (AccessDeniedException notForThem) {
      // as if there were no such page
    }
    throw new RecordNotFoundException("register entry for person", personId);
  }

  private String page(
      CareUser user, RegisterRecordView record, Form form, CtrInput input, Model model) {
    model.addAttribute("record", record);
    model.addAttribute("person", record.entry().person());
    model.addAttribute("form", form);
    model.addAttribute("values", input.values());
    model.addAttribute("errors", input.errors());
    model.addAttribute("episode", openEpisodeOrNull(record));
    model.addAttribute(
        "keyWorkerName",
        work.names(List.of(record.entry().keyWorker())).get(record.entry().keyWorker()));
    if (form == Form.DETAILS) {
      model.addAttribute(
          "keyWorkers", keyWorkers(record.entry().person().team(), record.entry().keyWorker()));
    }
    return "workspace/ctr/register-form";
  }

  /** Who may be key worker: the person's team by name, and whoever is key worker now. */
  private List<Member> keyWorkers(String team, String current) {
    Map<String, Member> all = new LinkedHashMap<>();
    work.members(Roles.teamGroup(team)).forEach(m -> all.putIfAbsent(m.userId(), m));
    if (current != null && !all.containsKey(current)) {
      all.put(current, new Member(current, work.names(List.of(current)).get(current)));
    }
    return all.values().stream().sorted(java.util.Comparator.comparing(Member::name)).toList();
  }

  private Map<String, String> startValues(Form form, RegisterRecordView record) {
    Map<String, String> start = new LinkedHashMap<>();
    RegisterEntryView entry = record.entry();
    if (form == Form.DETAILS) {
      start.put("keyWorker", entry.keyWorker());
      putDate(start, "consentDate", entry.consentDate());
      putDate(start, "nextReviewDate", entry.nextReviewDate());
    }
    if (form == Form.PLANNED_DISCHARGE) {
      EpisodeView open = openEpisodeOrNull(record);
      if (open != null && open.plannedDischargeDate() != null) {
        putDate(start, "plannedDischargeDate", open.plannedDischargeDate());
      }
    }
    return start;
  }

  private static void putDate(Map<String, String> values, String name, LocalDate date) {
    if (date != null) {
      values.put(name + "-day", Integer.toString(date.getDayOfMonth()));
      values.put(name + "-month", Integer.toString(date.getMonthValue()));
      values.put(name + "-year", Integer.toString(date.getYear()));
    }
  }

  private static EpisodeView openEpisodeOrNull(RegisterRecordView record) {
    return record.episodes().stream()
        .filter(e -> e.dischargeDate() == null)
        .findFirst()
        .orElse(null);
  }

  private static EpisodeView openEpisode(RegisterRecordView record) {
    EpisodeView open = openEpisodeOrNull(record);
    if (open == null) {
      throw new RecordNotFoundException("open inpatient episode of person", 0L);
    }
    return open;
  }

  private static String rating(Rating rating) {
    return rating == Rating.BLUE ? "blue (in hospital)" : rating.name().toLowerCase(Locale.UK);
  }

  /** The input a service's field name is shown at. */
  private static String inputOf(String field) {
    return switch (field) {
      case "rating", "reasons", "keyWorker", "hospital", "setting", "outOfArea" -> field;
      case "consentGiven" -> field;
      case "personId" -> "submit";
      case "commissioner", "communityReviewBeforeAdmission" -> field;
      case "consentDate", "nextReviewDate", "admissionDate", "plannedDischargeDate" ->
          field + "-day";
      case "dischargeDate" -> field + "-day";
      default -> "submit";
    };
  }

  /** The label a service's refusal of this field reads with ("must not be ..."). */
  private static String labelOf(String field) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case "rating" -> "The rating";
      case "reasons" -> "The reasons";
      case "keyWorker" -> "The key worker";
      case "consentDate" -> "The date consent was given";
      case "nextReviewDate" -> "The next register review date";
      case "admissionDate" -> "The admission date";
      case "plannedDischargeDate" -> "The planned discharge date";
      case "dischargeDate" -> "The discharge date";
      case "hospital" -> "The hospital";
      default -> "This change";
    };
  }
}

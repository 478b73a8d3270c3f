package org.carereviews.workspace.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.CaseLines;
import org.carereviews.casebook.CaseLines.Lines;
import org.carereviews.casebook.CaseLines.PackageLine;
import org.carereviews.casebook.CaseLines.PersonLine;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.validation.ValidationDesk;
import org.carereviews.savings.validation.ValidationDesk.Evidence;
import org.carereviews.savings.validation.ValidationDesk.QueueRow;
import org.carereviews.workflow.Workflow;
import org.carereviews.workspace.WorkspaceFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance validation, {@code /validation}: the queue of savings waiting for the user's validation
 * (finance validators: first validations; the head of finance: second validations above the
 * threshold) as a table to filter, sort and page, from which several are validated as one batch,
 * all or nothing ({@link ValidationDesk#validateAll}, shared with the API); each saving's evidence
 * at {@code /validation/{id}}, validated (at a different amount, with a reason) or rejected back to
 * its recorder with a reason. Every rule is the validation services'; a refusal shows at the field
 * or row it concerns, nothing changed. A confirmation says what happens next.
 */
@Controller
class ValidationController {

  /** A refusal at one field of the page, for the error summary and the field. */
  record FieldError(String field, String message) {}

  /** A row of the queue as the page draws it: the saving, its person and package. */
  record Line(
      QueueRow row,
      String personName,
      String personReference,
      String packageReference,
      long daysWaiting) {}

  /** What a decided saving does next, for a confirmation. */
  record Next(long costChangeId, String title, String body) {}

  static final int LONGEST_REASON = 1000;
  private static final Pattern ITEM = Pattern.compile("^items\\[(\\d+)]");
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final Set<String> FINANCE = Set.of(Roles.FINANCE_VALIDATOR, Roles.HEAD_OF_FINANCE);

  private final ValidationDesk desk;
  private final CaseLines caseLines;
  private final Workflow workflow;
  private final WorkspaceFormat format;
  private final Clock clock;

  ValidationController(
      ValidationDesk desk,
      CaseLines caseLines,
      Workflow workflow,
      WorkspaceFormat format,
      Clock clock) {
    this.desk = desk;
    this.caseLines = caseLines;
    this.workflow = workflow;
    this.format = format;
    this.clock = clock;
  }

  @GetMapping("/validation")
  @Audited(action = AuditAction.LIST, record = "saving")
  String queue(
      @RequestParam(required = false) String line,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String minimum,
      @RequestParam(required = false) String maximum,
      @RequestParam(required = false) String age,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String page,
      CareUser user,
      Model model) {
    finance(user);
    QueueFilter filter = QueueFilter.of(line, team, stage, minimum, maximum, age, sort, page);
    queuePage(user, filter, filter.errors(), Set.of(), false, model);
    return "workspace/validation/queue";
  }

  @PostMapping("/validation/batch")
  @Audited(action = AuditAction.DECIDE, record = "saving")
  String validateBatch(
      @RequestParam MultiValueMap<String, String> form,
      CareUser user,
      Model model,
      RedirectAttributes redirect) {
    finance(user);
    QueueFilter filter =
        QueueFilter.of(
            form.getFirst("line"),
            form.getFirst("team"),
            form.getFirst("stage"),
            form.getFirst("minimum"),
            form.getFirst("maximum"),
            form.getFirst("age"),
            form.getFirst("sort"),
            form.getFirst("page"));
    List<String> ticked = form.getOrDefault("saving", List.of());
    boolean newCostLive = "yes".equals(form.getFirst("newCostLive"));
    List<QueueRow> queue = desk.waitingForFinance(user);
    Map<Long, QueueRow> waiting = new LinkedHashMap<>();
    queue.forEach(r -> waiting.put(r.costChangeId(), r));
    List<FieldError> errors = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ticked)) {
      Long number = id != null && id.matches("\\d{1,18}") ? Long.parseLong(id) : null;
      if (number == null || !waiting.containsKey(number)) {
        errors.add(
            new FieldError(
                number == null ? "validate" : "saving-" + number,
                "Saving "
                    + (number == null ? "" : number + " ")
                    + "is not waiting for your validation any more. Nothing was validated: "
                    + "untick it to validate the others"));
      } else {
        ids.add(number);
      }
    }
    if (ticked.isEmpty()) {
      errors.add(
          new FieldError(
              queue.isEmpty() ? "validate" : "saving-" + firstShown(user, filter, queue),
              "Select the savings to validate"));
    }
    if (!newCostLive && ids.stream().anyMatch(id -> !waiting.get(id).secondValidation())) {
      errors.add(
          new FieldError(
              "new-cost-live",
              "Confirm that the new cost of each saving selected is live before validating"));
    }
    if (errors.isEmpty()) {
      try {
        desk.validateAll(user, ids, newCostLive);
        redirect.addAttribute("saving", ids);
        return "redirect:/validation/validated";
      } catch (InvalidRequestException | StateConflictException refused) {
        errors.add(atRow(refused, ids));
      } catch (AccessDeniedException refused) {
        errors.add(
            new FieldError(
                "validate",
                "You may not validate one of the savings selected. Nothing was validated"));
      }
    }
    Set<String> selected = new TreeSet<>(ticked);
    queuePage(user, filter, errors, selected, newCostLive, model);
    return "workspace/validation/queue";
  }

  @GetMapping("/validation/validated")
  @Audited(action = AuditAction.LIST, record = "saving")
  String batchDone(
      @RequestParam(name = "saving", required = false) List<String> savings,
      CareUser user,
      Model model) {
    finance(user);
    List<Next> next = new ArrayList<>();
    for (String id : savings == null ? List.<String>of() : savings) {
      if (id.matches("\\d{1,18}") && next.size() < QueueFilter.PAGE_SIZE * 4) {
        next.add(next(user, Long.parseLong(id)));
      }
    }
    if (next.isEmpty()) {
      throw new RecordNotFoundException("validated savings", "none");
    }
    model.addAttribute("next", next);
    model.addAttribute("navCounts", Map.of("validation", desk.waitingCount(user)));
    return "workspace/validation/validated";
  }

  @GetMapping("/validation/{saving}")
  @Audited(action = AuditAction.READ, record = "saving", id = "#saving")
  String evidence(@PathVariable("saving") String saving, CareUser user, Model model) {
    finance(user);
    evidencePage(user, id(saving), List.of(), Map.of(), model);
    return "workspace/validation/evidence";
  }

  @PostMapping("/validation/{saving}/validate")
  @Audited(action = AuditAction.DECIDE, record = "saving", id = "#saving")
  String validate(
      @PathVariable("saving") String saving,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String newCostLive,
      CareUser user,
      Model model,
      RedirectAttributes redirect) {
    finance(user);
    CostChangeId id = id(saving);
    Evidence evidence = desk.evidence(user, id);
    List<FieldError> errors = new ArrayList<>();
    Money validated = null;
    String typed = amount == null ? "" : amount.strip();
    if (!typed.isEmpty()) {
      BigDecimal pounds = QueueFilter.parsed(typed);
      if (pounds == null || pounds.signum() == 0) {
        errors.add(
            new FieldError(
                "amount",
                "The validated weekly amount must be an amount in pounds, like 45 or 45.50"));
      } else {
        validated =
            Money.of(
                pounds
                    .abs()
                    .multiply(
                        BigDecimal.valueOf(evidence.claimedWeeklyDelta().signum() < 0 ? -1 : 1)));
      }
    }
    if (reason != null && reason.strip().length() > LONGEST_REASON) {
      errors.add(
          new FieldError(
              "reason", "The reason must be " + LONGEST_REASON + " characters or fewer"));
    }
    if (errors.isEmpty()) {
      try {
        desk.validate(user, id, validated, "yes".equals(newCostLive), reason);
        redirect.addAttribute("id", id.value());
        return "redirect:/validation/{id}/done";
      } catch (InvalidRequestException refused) {
        errors.add(atField(refused, "validate"));
      } catch (StateConflictException | AccessDeniedException refused) {
        errors.add(new FieldError("validate", sentence(refused.getMessage())));
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("amount", typed);
    values.put("reason", reason == null ? "" : reason);
    values.put("newCostLive", "yes".equals(newCostLive) ? "yes" : "");
    evidencePage(user, id, errors, values, model);
    return "workspace/validation/evidence";
  }

  @PostMapping("/validation/{saving}/reject")
  @Audited(action = AuditAction.DECIDE, record = "saving", id = "#saving")
  String reject(
      @PathVariable("saving") String saving,
      @RequestParam(required = false) String rejectReason,
      CareUser user,
      Model model,
      RedirectAttributes redirect) {
    finance(user);
    CostChangeId id = id(saving);
    List<FieldError> errors = new ArrayList<>();
    if (rejectReason == null || rejectReason.isBlank()) {
      errors.add(
          new FieldError(
              "reject-reason",
              "Enter why the saving is rejected: its recorder needs to know what to correct"));
    } else if (rejectReason.strip().length() > LONGEST_REASON) {
      errors.add(
          new FieldError(
              "reject-reason",
              "The reason for rejecting must be " + LONGEST_REASON + " characters or fewer"));
    }
    if (errors.isEmpty()) {
      try {
        desk.reject(user, id, rejectReason);
        redirect.addAttribute("id", id.value());
        return "redirect:/validation/{id}/done";
      } catch (InvalidRequestException refused) {
        errors.add(
            new FieldError(
                "reason".equals(refused.field()) ? "reject-reason" : "reject",
                sentence(refused.getMessage())));
      } catch (StateConflictException | AccessDeniedException refused) {
        errors.add(new FieldError("reject", sentence(refused.getMessage())));
      }
    }
    evidencePage(
        user, id, errors, Map.of("rejectReason", rejectReason == null ? "" : rejectReason), model);
    return "workspace/validation/evidence";
  }

  @GetMapping("/validation/{saving}/done")
  @Audited(action = AuditAction.READ, record = "saving", id = "#saving")
  String done(@PathVariable("saving") String saving, CareUser user, Model model) {
    finance(user);
    model.addAttribute("next", List.of(next(user, id(saving).value())));
    model.addAttribute("navCounts", Map.of("validation", desk.waitingCount(user)));
    return "workspace/validation/validated";
  }

  /** What a saving does next, read from where it is now. */
  private Next next(CareUser user, long costChangeId) {
    CostChangeId id = CostChangeId.of(costChangeId);
    String progress = desk.progressOf(id);
    return switch (progress) {
      case "SECOND_VALIDATION" ->
          new Next(
              costChangeId,
              "Saving " + costChangeId + " sent to the head of finance",
              "Sent to the head of finance for a second validation because its full-year effect "
                  + "is above "
                  + format.money(desk.secondValidationThreshold())
                  + " a year.");
      case "VALIDATED" ->
          new Next(
              costChangeId,
              "Saving " + costChangeId + " validated",
              "Validated; it goes to the Change and Efficiency Board for "
                  + desk.nextBoardMonth().format(MONTH)
                  + ", which ratifies it as delivered.");
      case "REJECTED" -> {
        String recorder = desk.evidence(user, id).recordedBy();
        String name = workflow.userNames(List.of(recorder)).getOrDefault(recorder, recorder);
        yield new Next(
            costChangeId,
            "Saving " + costChangeId + " rejected",
            "Sent back to "
                + name
                + ", who recorded it. It is in their work list with your reason: they correct "
                + "and resubmit it, or withdraw it.");
      }
      default ->
          new Next(
              costChangeId,
              "Saving " + costChangeId + " is " + progress.toLowerCase(Locale.UK),
              "It is not waiting for a validation.");
    };
  }

  private void queuePage(
      CareUser user,
      QueueFilter filter,
      List<FieldError> errors,
      Set<String> selected,
      boolean newCostLive,
      Model model) {
    List<QueueRow> all = desk.waitingForFinance(user);
    List<QueueRow> kept = filter.apply(all, clock.instant());
    int pages = Math.max(1, (kept.size() + QueueFilter.PAGE_SIZE - 1) / QueueFilter.PAGE_SIZE);
    int page = Math.min(filter.page(), pages);
    List<QueueRow> shown =
        kept.subList(
            (page - 1) * QueueFilter.PAGE_SIZE,
            Math.min(kept.size(), page * QueueFilter.PAGE_SIZE));
    Lines lines = caseLines.of(shown.stream().map(QueueRow::personId).toList());
    List<Line> rows = new ArrayList<>();
    for (QueueRow row : shown) {
      PersonLine person = lines.people().get(row.personId());
      PackageLine carePackage = lines.packages().get(row.carePackageId());
      rows.add(
          new Line(
              row,
              person == null ? "" : person.displayName(),
              person == null ? "" : person.reference(),
              carePackage == null ? "" : carePackage.reference(),
              QueueFilter.daysWaiting(row, clock.instant())));
    }
    Map<String, String> savingsLines = new TreeMap<>();
    Set<String> teams = new TreeSet<>();
    all.forEach(
        r -> {
          savingsLines.put(r.savingsLineCode(), r.savingsLineName());
          if (r.teamCode() != null) {
            teams.add(r.teamCode());
          }
        });
    model.addAttribute("rows", rows);
    model.addAttribute("filter", filter);
    model.addAttribute("total", all.size());
    model.addAttribute("matching", kept.size());
    model.addAttribute("page", page);
    model.addAttribute("pages", pages);
    model.addAttribute("previousUrl", page > 1 ? filter.url(page - 1) : null);
    model.addAttribute("nextUrl", page < pages ? filter.url(page + 1) : null);
    List<Map<String, Object>> pageLinks = new ArrayList<>();
    for (int n = 1; n <= pages; n++) {
      if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
        pageLinks.add(Map.of("number", n, "url", filter.url(n), "current", n == page));
      }
    }
    model.addAttribute("pageLinks", pageLinks);
    model.addAttribute("savingsLines", savingsLines);
    model.addAttribute("teams", teams);
    model.addAttribute(
        "bothStages", user.hasRole(Roles.FINANCE_VALIDATOR) && user.hasRole(Roles.HEAD_OF_FINANCE));
    model.addAttribute("headOfFinanceOnly", !user.hasRole(Roles.FINANCE_VALIDATOR));
    model.addAttribute("anyFirst", rows.stream().anyMatch(r -> !r.row().secondValidation()));
    model.addAttribute("errors", errors);
    model.addAttribute("selected", selected);
    model.addAttribute("newCostLive", newCostLive);
    model.addAttribute("threshold", desk.secondValidationThreshold());
    model.addAttribute("sorts", QueueFilter.SORTS);
    model.addAttribute("navCounts", Map.of("validation", (long) all.size()));
  }

  private void evidencePage(
      CareUser user,
      CostChangeId id,
      List<FieldError> errors,
      Map<String, String> values,
      Model model) {
    Evidence evidence = desk.evidence(user, id);
    Lines lines = caseLines.of(List.of(evidence.personId()));
    PersonLine person = lines.people().get(evidence.personId());
    PackageLine carePackage = lines.packages().get(evidence.carePackageId());
    boolean mayValidate =
        evidence.awaitingValidation() && user.hasRole(Roles.FINANCE_VALIDATOR)
            || evidence.awaitingSecondValidation() && user.hasRole(Roles.HEAD_OF_FINANCE);
    model.addAttribute("evidence", evidence);
    model.addAttribute("steps", desk.stepsOf(evidence));
    model.addAttribute("personName", person == null ? "" : person.displayName());
    model.addAttribute("personReference", person == null ? "" : person.reference());
    model.addAttribute("packageReference", carePackage == null ? "" : carePackage.reference());
    model.addAttribute(
        "recorderName",
        workflow
            .userNames(List.of(evidence.recordedBy()))
            .getOrDefault(evidence.recordedBy(), evidence.recordedBy()));
    model.addAttribute("mayValidate", mayValidate);
    model.addAttribute("threshold", desk.secondValidationThreshold());
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    model.addAttribute("navCounts", Map.of("validation", desk.waitingCount(user)));
  }

  /** The first saving the page shows, for an error that concerns the selection as a whole. */
  private long firstShown(CareUser user, QueueFilter filter, List<QueueRow> queue) {
    List<QueueRow> kept = filter.apply(queue, clock.instant());
    return (kept.isEmpty() ? queue : kept).get(0).costChangeId();
  }

  /** The service's refusal of a batch item, at that item's checkbox. */
  private static FieldError atRow(RuntimeException refused, List<Long> ids) {
    String message = refused.getMessage();
    String field = refused instanceof InvalidRequestException invalid ? invalid.field() : message;
    Matcher item = ITEM.matcher(field == null ? "" : field);
    if (item.find()) {
      int index = Integer.parseInt(item.group(1));
      if (index < ids.size()) {
        long id = ids.get(index);
        String why = message.replaceFirst("^items\\[\\d+]:\\s*", "");
        return new FieldError(
            "saving-" + id,
            "Saving "
                + id
                + " cannot be validated: "
                + why
                + ". Nothing was validated: untick it to validate the others");
      }
    }
    return new FieldError("validate", sentence(message) + ". Nothing was validated");
  }

  /** The service's refusal of one decision at the page's field it names, else at the button. */
  private static FieldError atField(InvalidRequestException refused, String button) {
    String field =
        switch (refused.field() == null ? "" : refused.field()) {
          case "validatedWeeklyDelta" -> "amount";
          case "reason" -> "reason";
          case "newCostLive" -> "new-cost-live";
          default -> button;
        };
    String label =
        switch (field) {
          case "amount" -> "The validated weekly amount ";
          case "reason" -> "A reason ";
          case "new-cost-live" -> "That the new cost is live ";
          default -> "";
        };
    String message = refused.getMessage();
    return new FieldError(
        field, message.matches("(?s)(is|must) .*") ? label + message : sentence(message));
  }

  static String sentence(String message) {
    if (message == null || message.isEmpty()) {
      return "This cannot be done";
    }
    return Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  private static CostChangeId id(String text) {
    if (text == null || !text.matches("\\d{1,18}")) {
      throw new RecordNotFoundException("saving", text);
    }
    return CostChangeId.of(Long.parseLong(text));
  }

  private static void finance(CareUser user) {
    if (user == null || !user.hasAnyRole(FINANCE)) {
      throw new AccessDeniedException("finance validation is for finance");
    }
  }

  /** A month as the page writes it: January 2027. */
  static String label(YearMonth month) {
    return month.format(MONTH);
  }
}

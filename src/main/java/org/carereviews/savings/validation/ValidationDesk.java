package org.carereviews.savings.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookViews.VersionView;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.ApprovalEvidence;
import org.carereviews.savings.ApprovalEvidence.Approval;
import org.carereviews.savings.CostChange;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.SavingStatus;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.carereviews.savings.validation.SavingsValidation.RecorderDecision;
import org.carereviews.savings.validation.SavingsValidation.ValidationInput;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.TaskSubject;
import org.carereviews.workflow.Workflow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What finance works from: the queue of savings waiting for them, each saving's evidence, and the
 * API's way to decide (one saving, or a batch in one transaction: all or nothing). The API
 * completes the same tasks as Tasklist, so the listeners apply the same rules.
 */
@Service
@NamedInterface("validation")
public class ValidationDesk {

  /** A saving waiting for its validator (or, for a recorder, for their answer to a rejection). */
  @NamedInterface("validation")
  public record QueueItem(
      long costChangeId,
      String task,
      String taskId,
      Instant waitingSince,
      String savingsLineCode,
      SavingsKind kind,
      Money claimedWeeklyDelta,
      Money fullYearEffect,
      LocalDate effectiveDate,
      String recordedBy) {}

  /**
   * The evidence of a saving.
   *
   * @param versionBefore the package's terms before the change (null when the ledger entry came
   *     from an import)
   * @param versionAfter the package's terms the change introduced
   * @param approval the decision that approved the change, where the source records one
   * @param secondValidationRequired whether the claimed amount needs the head of finance too
   */
  @NamedInterface("validation")
  public record Evidence(
      long costChangeId,
      String stage,
      String sourceProcess,
      String sourceReference,
      long carePackageId,
      long personId,
      Money oldNetWeeklyCost,
      Money newNetWeeklyCost,
      Money claimedWeeklyDelta,
      LocalDate effectiveDate,
      String financialYear,
      Money fullYearEffect,
      Money inYearEffect,
      String savingsLineCode,
      SavingsKind kind,
      String reason,
      String recordedBy,
      Instant recordedAt,
      VersionView versionBefore,
      VersionView versionAfter,
      Approval approval,
      boolean secondValidationRequired,
      String waitingFor,
      List<ValidationStep> steps,
      List<StatusView> statusHistory) {

    /** Waiting for a finance validator's first validation. */
    public boolean awaitingValidation() {
      return Validation.TASK_VALIDATE.equals(waitingFor);
    }

    /** Waiting for the head of finance's second validation. */
    public boolean awaitingSecondValidation() {
      return Validation.TASK_SECOND_VALIDATION.equals(waitingFor);
    }

    /** Rejected, waiting for its recorder to correct and resubmit it or withdraw it. */
    public boolean awaitingRecorder() {
      return Validation.TASK_CORRECT_OR_WITHDRAW.equals(waitingFor);
    }
  }

  @NamedInterface("validation")
  public record StatusView(
      String status, Money validatedWeeklyDelta, String reason, String actor, Instant at) {}

  /** One decision of a batch, or the body of a single decision. */
  @NamedInterface("validation")
  public record DecisionRequest(
      Long costChangeId,
      SavingsValidation.Decision decision,
      Money validatedWeeklyDelta,
      Boolean newCostLive,
      String reason) {}

  /**
   * The evidence on a validation task is a process variable (for the Tasklist form), so it is
   * bounded whatever the saving's history: the latest status changes only, each free text cut
   * (saying so).
   */
  static final int EVIDENCE_STATUSES = 3;

  static final int EVIDENCE_TEXT = 300;

  private final SavingsLedger ledger;
  private final SavingsValidation validation;
  private final Workflow workflow;
  private final CasebookService casebook;
  private final ObjectProvider<ApprovalEvidence> approvals;
  private final JdbcTemplate jdbc;
  private final ValidationProperties properties;
  private final Clock clock;

  ValidationDesk(
      SavingsLedger ledger,
      SavingsValidation validation,
      Workflow workflow,
      CasebookService casebook,
      ObjectProvider<ApprovalEvidence> approvals,
      JdbcTemplate jdbc,
      ValidationProperties properties,
      Clock clock) {
    this.ledger = ledger;
    this.validation = validation;
    this.workflow = workflow;
    this.casebook = casebook;
    this.approvals = approvals;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A row of finance's queue: a saving waiting for its first validation or for the head of
   * finance's second, with what the queue shows and filters by (read in bulk: no query per row).
   * Amounts as the ledger signs them (a saving is negative).
   */
  @NamedInterface("validation")
  public record QueueRow(
      long costChangeId,
      boolean secondValidation,
      Instant waitingSince,
      long personId,
      long carePackageId,
      String savingsLineCode,
      String savingsLineName,
      SavingsKind kind,
      BigDecimal claimedWeeklyDelta,
      BigDecimal fullYearEffect,
      LocalDate effectiveDate,
      String teamCode,
      String recordedBy) {}

  /** A step of a saving's validation, as the evidence shows it. */
  @NamedInterface("validation")
  public record StepView(
      String step,
      Money validatedWeeklyDelta,
      Boolean newCostLive,
      Boolean secondValidationRequired,
      String reason,
      String actor,
      Instant at) {}

  /** The recorder's task after a rejection (correct and resubmit, or withdraw), for work lists. */
  public static final String RECORDER_TASK = Validation.TASK_CORRECT_OR_WITHDRAW;

  /** The most savings a queue reads at once (oldest first), however long it grows. */
  public static final int QUEUE_LIMIT = 2000;

  private static final int IN_CHUNK = 500;

  private static final String QUEUE_ROWS =
      """
      select c.id, c.person_id, c.care_package_id, c.savings_line_code, l.name, c.kind,
             c.weekly_delta, c.full_year_effect, c.effective_date, a.team_code, c.recorded_by
      from cost_change c join savings_line l on l.code = c.savings_line_code
      left join cost_change_attribution a on a.cost_change_id = c.id
      where c.id in (%s)""";

  /**
   * The savings waiting for the user's validation: first validations for finance validators, second
   * validations for the head of finance (oldest first, at most {@link #QUEUE_LIMIT} of each). One
   * task query per kind and one ledger query per 500 rows, whatever the queue's length.
   */
  @Transactional(readOnly = true)
  public List<QueueRow> waitingForFinance(CareUser user) {
    if (user == null
        || !user.hasAnyRole(java.util.Set.of(Roles.FINANCE_VALIDATOR, Roles.HEAD_OF_FINANCE))) {
      throw new AccessDeniedException("the validation queue is for finance");
    }
    Map<Long, OpenTask> tasks = new java.util.LinkedHashMap<>();
    if (user.hasRole(Roles.FINANCE_VALIDATOR)) {
      byCostChange(
          tasks,
          workflow.openTasksOfKind(Validation.KEY, Validation.TASK_VALIDATE, null, QUEUE_LIMIT));
    }
    if (user.hasRole(Roles.HEAD_OF_FINANCE)) {
      byCostChange(
          tasks,
          workflow.openTasksOfKind(
              Validation.KEY, Validation.TASK_SECOND_VALIDATION, null, QUEUE_LIMIT));
    }
    Map<Long, QueueRow> rows = savings(tasks.keySet());
    List<QueueRow> queue = new ArrayList<>();
    tasks.forEach(
        (id, task) -> {
          QueueRow row = rows.get(id);
          if (row != null) {
            queue.add(
                new QueueRow(
                    id,
                    Validation.TASK_SECOND_VALIDATION.equals(task.key()),
                    task.created(),
                    row.personId(),
                    row.carePackageId(),
                    row.savingsLineCode(),
                    row.savingsLineName(),
                    row.kind(),
                    row.claimedWeeklyDelta(),
                    row.fullYearEffect(),
                    row.effectiveDate(),
                    row.teamCode(),
                    row.recordedBy()));
          }
        });
    return queue;
  }

  /**
   * Savings by id as a list row shows them (no task: not second, no waiting time), one query per
   * 500: for the work lists, which scope the tasks they show themselves.
   */
  @Transactional(readOnly = true)
  public Map<Long, QueueRow> savings(java.util.Collection<Long> costChangeIds) {
    Map<Long, QueueRow> rows = new HashMap<>();
    List<Long> ids = List.copyOf(costChangeIds);
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      jdbc.query(
          QUEUE_ROWS.formatted(String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))),
          r -> {
            long id = r.getLong(1);
            rows.put(
                id,
                new QueueRow(
                    id,
                    false,
                    null,
                    r.getLong(2),
                    r.getLong(3),
                    r.getString(4),
                    r.getString(5),
                    SavingsKind.valueOf(r.getString(6)),
                    r.getBigDecimal(7),
                    r.getBigDecimal(8),
                    r.getDate(9).toLocalDate(),
                    r.getString(10),
                    r.getString(11)));
          },
          chunk.toArray());
    }
    return rows;
  }

  private static void byCostChange(Map<Long, OpenTask> tasks, List<OpenTask> open) {
    String prefix = Validation.businessKey(0).replace("0", "");
    for (OpenTask task : open) {
      String key = task.businessKey();
      if (key != null
          && key.startsWith(prefix)
          && key.substring(prefix.length()).matches("\\d{1,18}")) {
        tasks.put(Long.parseLong(key.substring(prefix.length())), task);
      }
    }
  }

  /** How many savings wait for the user's validation (first or second), for the navigation. */
  @Transactional(readOnly = true)
  public long waitingCount(CareUser user) {
    List<String> keys = new ArrayList<>();
    if (user.hasRole(Roles.FINANCE_VALIDATOR)) {
      keys.add(Validation.TASK_VALIDATE);
    }
    if (user.hasRole(Roles.HEAD_OF_FINANCE)) {
      keys.add(Validation.TASK_SECOND_VALIDATION);
    }
    if (keys.isEmpty()) {
      return 0;
    }
    return workflow.count(
        user,
        new Workflow.WorkQuery(
            null, null, false, keys, null, null, null, Workflow.WorkOrder.WAITED, 0, 1));
  }

  /**
   * Validates the savings as one batch, all or nothing, at their claimed amounts (a second
   * validation at the first validation's amount), as {@link #decideAll} does.
   *
   * @param newCostLive the validator's confirmation that each new cost is live
   */
  @Transactional
  public int validateAll(CareUser user, List<Long> costChangeIds, boolean newCostLive) {
    return decideAll(
        user,
        costChangeIds.stream()
            .map(
                id ->
                    new DecisionRequest(
                        id, SavingsValidation.Decision.VALIDATE, null, newCostLive, null))
            .toList());
  }

  /** Validates one saving, at a different weekly amount (with a reason) if given. */
  @Transactional
  public void validate(
      CareUser user,
      CostChangeId entryId,
      Money validatedWeeklyDelta,
      boolean newCostLive,
      String reason) {
    decide(
        user,
        entryId,
        new DecisionRequest(
            entryId.value(),
            SavingsValidation.Decision.VALIDATE,
            validatedWeeklyDelta,
            newCostLive,
            reason));
  }

  /** Rejects one saving back to its recorder, with the reason they need to correct it. */
  @Transactional
  public void reject(CareUser user, CostChangeId entryId, String reason) {
    decide(
        user,
        entryId,
        new DecisionRequest(
            entryId.value(), SavingsValidation.Decision.REJECT, null, null, reason));
  }

  /** The steps of a saving's validation, oldest first (the evidence's reader checks apply). */
  @Transactional(readOnly = true)
  public List<StepView> stepsOf(Evidence evidence) {
    return evidence.steps().stream()
        .map(
            s ->
                new StepView(
                    s.getStep().name(),
                    s.getValidatedWeeklyDelta(),
                    s.getNewCostLive(),
                    s.getSecondValidationRequired(),
                    s.getReason(),
                    s.getActor(),
                    s.getOccurredAt()))
        .toList();
  }

  /**
   * Above this full-year effect (pounds) the head of finance validates a second time ({@code
   * care-reviews.savings.validation.second-validation-above}).
   */
  public BigDecimal secondValidationThreshold() {
    return properties.secondValidationAbove();
  }

  /**
   * Where a saving is now, for a confirmation: {@code SECOND_VALIDATION} while it waits for the
   * head of finance, else its stage in the ledger (IDENTIFIED, VALIDATED, REJECTED, ...).
   */
  @Transactional(readOnly = true)
  public String progressOf(CostChangeId entryId) {
    SavingStatus stage = ledger.stageOf(entryId);
    if (stage == SavingStatus.IDENTIFIED
        && workflow
            .openTaskOfCase(
                Validation.businessKey(entryId.value()), Validation.TASK_SECOND_VALIDATION)
            .isPresent()) {
      return Validation.OUTCOME_SECOND_VALIDATION;
    }
    return stage.name();
  }

  /** The month whose board list a saving validated now goes on: the next gathering's. */
  public YearMonth nextBoardMonth() {
    java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock);
    java.time.ZonedDateTime gathering =
        now.withDayOfMonth(properties.boardDayOfMonth())
            .with(properties.boardGatherTime())
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    YearMonth month = YearMonth.from(now);
    return now.isBefore(gathering) ? month : month.plusMonths(1);
  }

  /**
   * The user's queue: first validations for validators, second validations for the head of finance,
   * rejections for recorders.
   */
  @Transactional(readOnly = true)
  public List<QueueItem> queue(CareUser user, int limit) {
    List<QueueItem> items = new ArrayList<>();
    if (user.hasRole(Roles.FINANCE_VALIDATOR)) {
      add(items, workflow.openTasksOfKind(Validation.KEY, Validation.TASK_VALIDATE, null, limit));
    }
    if (user.hasRole(Roles.HEAD_OF_FINANCE)) {
      add(
          items,
          workflow.openTasksOfKind(Validation.KEY, Validation.TASK_SECOND_VALIDATION, null, limit));
    }
    add(
        items,
        workflow.openTasksOfKind(
            Validation.KEY, Validation.TASK_CORRECT_OR_WITHDRAW, user.userId(), limit));
    return items;
  }

  private void add(List<QueueItem> items, List<OpenTask> tasks) {
    for (OpenTask task : tasks) {
      CostChange saving =
          ledger.entry(CostChangeId.of(workflow.variable(task, Validation.COST_CHANGE_ID)));
      items.add(
          new QueueItem(
              saving.getId(),
              task.key(),
              task.id(),
              task.created(),
              saving.getSavingsLineCode(),
              saving.getKind(),
              saving.getWeeklyDelta(),
              saving.getFullYearEffect(),
              saving.getEffectiveDate(),
              saving.getRecordedBy()));
    }
  }

  /** A saving's evidence, for finance, the board, auditors and directors, and its recorder. */
  @Transactional(readOnly = true)
  public Evidence evidence(CareUser user, CostChangeId entryId) {
    CostChange saving = ledger.entry(entryId);
    boolean reader =
        user.hasAnyRole(
            java.util.Set.of(
                Roles.FINANCE_VALIDATOR,
                Roles.HEAD_OF_FINANCE,
                Roles.BOARD_MEMBER,
                Roles.DIRECTOR,
                Roles.AUDITOR));
    if (!reader && !user.userId().equals(saving.getRecordedBy())) {
      throw new AccessDeniedException(
          "a saving's evidence is for finance, the board, directors, auditors and its recorder");
    }
    VersionView after = null;
    VersionView before = null;
    List<VersionView> versions = casebook.getPackage(user, saving.getCarePackageId()).versions();
    for (int i = versions.size() - 1; i >= 0; i--) {
      VersionView version = versions.get(i);
      if (!version.recordedAt().isAfter(saving.getRecordedAt())
          && version.netWeeklyCost().equals(saving.getNewNetWeeklyCost())) {
        after = version;
        before = i > 0 ? versions.get(i - 1) : null;
        break;
      }
    }
    Approval approval = null;
    for (ApprovalEvidence source : approvals) {
      approval =
          source.approvalOf(saving.getSourceProcess(), saving.getSourceReference()).orElse(null);
      if (approval != null) {
        break;
      }
    }
    OpenTask open =
        workflow
            .openTaskOfCase(
                Validation.businessKey(entryId.value()),
                Validation.TASK_VALIDATE,
                Validation.TASK_SECOND_VALIDATION,
                Validation.TASK_CORRECT_OR_WITHDRAW)
            .orElse(null);
    List<StatusView> history =
        ledger.historyOf(entryId).stream()
            .map(
                e ->
                    new StatusView(
                        e.getStatus().name(),
                        e.getValidatedWeeklyDelta(),
                        e.getReason(),
                        e.getActor(),
                        e.getOccurredAt()))
            .toList();
    return new Evidence(
        saving.getId(),
        ledger.stageOf(entryId).name(),
        saving.getSourceProcess().name(),
        saving.getSourceReference(),
        saving.getCarePackageId(),
        saving.getPersonId(),
        saving.getOldNetWeeklyCost(),
        saving.getNewNetWeeklyCost(),
        saving.getWeeklyDelta(),
        saving.getEffectiveDate(),
        saving.getFinancialYear().toString(),
        saving.getFullYearEffect(),
        saving.getInYearEffect(),
        saving.getSavingsLineCode(),
        saving.getKind(),
        saving.getReason(),
        saving.getRecordedBy(),
        saving.getRecordedAt(),
        before,
        after,
        approval,
        validation.needsSecondValidation(saving, saving.getWeeklyDelta()),
        open == null ? null : open.key(),
        validation.stepsOf(entryId),
        history);
  }

  /**
   * The evidence as Markdown, for the Tasklist forms (read on the service's account: finance reads
   * every team). Bounded (under 4,000 characters) however long the saving's history grows.
   */
  @Transactional(readOnly = true)
  public String evidenceMarkdown(CostChangeId entryId) {
    Evidence e =
        evidence(
            CareUser.fromGroups("savings-validation", List.of(Roles.FINANCE_VALIDATOR)), entryId);
    StringBuilder md = new StringBuilder();
    List<StatusView> statuses = e.statusHistory();
    StatusView latest = statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    if (latest != null && "REJECTED".equals(latest.status()) && latest.reason() != null) {
      // the recorder's task opens with what finance asks them to correct
      md.append("**Finance's reason for rejecting it** (")
          .append(latest.actor())
          .append("): ")
          .append(shortened(latest.reason()))
          .append("\n\n");
    }
    md.append("**Saving ")
        .append(e.costChangeId())
        .append("** (")
        .append(e.kind().words())
        .append(", line ")
        .append(e.savingsLineCode())
        .append("), recorded by ")
        .append(e.recordedBy())
        .append(" from ")
        .append(words(e.sourceProcess()))
        .append(' ')
        .append(e.sourceReference())
        .append("\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| Net weekly cost | ")
        .append(weekly(e.oldNetWeeklyCost()))
        .append(" to ")
        .append(weekly(e.newNetWeeklyCost()))
        .append(" |\n| Claimed weekly change | ")
        .append(weekly(e.claimedWeeklyDelta()))
        .append(" |\n| Effective date | ")
        .append(TaskSubject.date(e.effectiveDate()))
        .append(" |\n| Full-year effect | ")
        .append(money(e.fullYearEffect()))
        .append(" |\n| In-year effect (")
        .append(e.financialYear())
        .append(") | ")
        .append(money(e.inYearEffect()))
        .append(" |\n");
    if (e.versionBefore() != null) {
      md.append("| Package before (version ")
          .append(e.versionBefore().version())
          .append(") | ")
          .append(e.versionBefore().serviceType().label())
          .append(", ")
          .append(e.versionBefore().provider())
          .append(", gross ")
          .append(weekly(e.versionBefore().weeklyGrossCost()))
          .append(" |\n");
    }
    if (e.versionAfter() != null) {
      md.append("| Package after (version ")
          .append(e.versionAfter().version())
          .append(") | ")
          .append(e.versionAfter().serviceType().label())
          .append(", ")
          .append(e.versionAfter().provider())
          .append(", gross ")
          .append(weekly(e.versionAfter().weeklyGrossCost()))
          .append(", from ")
          .append(TaskSubject.date(e.versionAfter().startDate()))
          .append(" |\n");
    }
    md.append("| Approval | ")
        .append(
            e.approval() == null
                ? "none recorded (e.g. an import)"
                : e.approval().reference()
                    + ": "
                    + words(e.approval().outcome())
                    + " by "
                    + e.approval().decidedBy()
                    + (e.approval().rationale() == null
                        ? ""
                        : " (" + shortened(e.approval().rationale()) + ")"))
        .append(" |\n");
    md.append("| Second validation needed | ")
        .append(e.secondValidationRequired() ? "yes" : "no")
        .append(" |\n");
    // the latest steps only: the history grows with every rejection and resubmission, the task's
    // text must not
    List<StatusView> history = e.statusHistory();
    if (history.size() > EVIDENCE_STATUSES) {
      md.append("\n")
          .append(history.size() - EVIDENCE_STATUSES)
          .append(" earlier status change(s) not shown here; the saving's record holds them all.");
    }
    for (StatusView status :
        history.subList(Math.max(0, history.size() - EVIDENCE_STATUSES), history.size())) {
      md.append("\n- ")
          .append(TaskSubject.date(LocalDate.ofInstant(status.at(), clock.getZone())))
          .append(' ')
          .append(words(status.status()))
          .append(" by ")
          .append(status.actor())
          .append(
              status.validatedWeeklyDelta() == null
                  ? ""
                  : " at " + weekly(status.validatedWeeklyDelta()))
          .append(status.reason() == null ? "" : ": " + shortened(status.reason()));
    }
    return md.toString();
  }

  /** {@code GBP 700.00 a week}: money as the Tasklist texts write it, "not known" when missing. */
  private static String weekly(Money money) {
    return money == null ? "not known" : TaskSubject.money(money) + " a week";
  }

  private static String money(Money money) {
    return money == null ? "not known" : TaskSubject.money(money);
  }

  /** {@code REJECTED} reads {@code rejected}: a status or code in words, never an enum's name. */
  private static String words(Object code) {
    return code == null ? "" : code.toString().toLowerCase(Locale.UK).replace('_', ' ');
  }

  /** A free text cut for the task's evidence, saying so when it is cut. */
  static String shortened(String text) {
    if (text.length() <= EVIDENCE_TEXT) {
      return text;
    }
    return text.substring(0, EVIDENCE_TEXT)
        + "... (cut here at "
        + EVIDENCE_TEXT
        + " of "
        + text.length()
        + " characters; the saving's record holds it all)";
  }

  /** One decision through the API. */
  @Transactional
  public void decide(CareUser user, CostChangeId entryId, DecisionRequest request) {
    // access before state: someone who may not validate learns nothing of the saving's stage
    ledger.entry(entryId);
    if (!user.hasAnyRole(java.util.Set.of(Roles.FINANCE_VALIDATOR, Roles.HEAD_OF_FINANCE))) {
      throw new AccessDeniedException("validating savings is for finance validators");
    }
    OpenTask task =
        workflow
            .openTaskOfCase(
                Validation.businessKey(entryId.value()),
                Validation.TASK_VALIDATE,
                Validation.TASK_SECOND_VALIDATION)
            .orElse(null);
    if (task == null) {
      throw new StateConflictException(
          "saving "
              + entryId
              + " is not waiting for validation (it is "
              + ledger.stageOf(entryId)
              + ")");
    }
    String role =
        Validation.TASK_SECOND_VALIDATION.equals(task.key())
            ? Roles.HEAD_OF_FINANCE
            : Roles.FINANCE_VALIDATOR;
    if (!user.hasRole(role)) {
      throw new AccessDeniedException(
          Roles.HEAD_OF_FINANCE.equals(role)
              ? "saving " + entryId + " waits for the head of finance's second validation"
              : "validating savings is for finance validators");
    }
    ValidationInput input =
        new ValidationInput(
            request.decision(),
            request.validatedWeeklyDelta(),
            request.newCostLive(),
            request.reason());
    Map<String, Object> variables = new HashMap<>();
    variables.put(
        Validation.FIELD_DECISION, input.decision() == null ? null : input.decision().name());
    variables.put(
        Validation.FIELD_VALIDATED_WEEKLY_DELTA,
        input.validatedWeeklyDelta() == null
            ? null
            : input.validatedWeeklyDelta().amount().toPlainString());
    variables.put(Validation.FIELD_NEW_COST_LIVE, input.newCostLive());
    variables.put(Validation.FIELD_REASON, input.reason());
    workflow.complete(task, variables);
  }

  /** A batch of decisions: all or nothing; a refusal names the item ({@code items[2].reason}). */
  @Transactional
  public int decideAll(CareUser user, List<DecisionRequest> requests) {
    if (requests == null || requests.isEmpty()) {
      throw new InvalidRequestException("items", "is empty: send at least one decision");
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      DecisionRequest request = requests.get(i);
      if (request.costChangeId() == null) {
        throw new InvalidRequestException("items[" + i + "].costChangeId", "is required");
      }
      if (!seen.add(request.costChangeId())) {
        throw new InvalidRequestException(
            "items[" + i + "].costChangeId",
            "saving " + request.costChangeId() + " is in the batch twice");
      }
      try {
        decide(user, CostChangeId.of(request.costChangeId()), request);
      } catch (InvalidRequestException e) {
        throw new InvalidRequestException("items[" + i + "]." + e.field(), e.getMessage());
      } catch (StateConflictException e) {
        throw new StateConflictException("items[" + i + "]: " + e.getMessage());
      }
    }
    return requests.size();
  }

  /** The recorder's answer to a rejection through the API. */
  @Transactional
  public void recorderDecides(
      CareUser user, CostChangeId entryId, RecorderDecision decision, String note) {
    // access before state: anyone but its recorder learns nothing of the saving's stage
    if (!user.userId().equals(ledger.entry(entryId).getRecordedBy())) {
      throw new AccessDeniedException(
          "only the person who recorded a saving resubmits or withdraws it");
    }
    OpenTask task =
        workflow
            .openTaskOfCase(
                Validation.businessKey(entryId.value()), Validation.TASK_CORRECT_OR_WITHDRAW)
            .orElse(null);
    if (task == null) {
      throw new StateConflictException(
          "saving "
              + entryId
              + " is not waiting for its recorder (it is "
              + ledger.stageOf(entryId)
              + ")");
    }
    if (!user.userId().equals(task.assignee())) {
      throw new AccessDeniedException(
          "only the person who recorded a saving resubmits or withdraws it");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Validation.FIELD_RECORDER_DECISION, decision == null ? null : decision.name());
    variables.put(Validation.FIELD_RECORDER_NOTE, note);
    workflow.complete(task, variables);
  }
}

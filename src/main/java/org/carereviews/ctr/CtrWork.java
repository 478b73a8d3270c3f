package org.carereviews.ctr;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.ctr.CtrViews.ActionView;
import org.carereviews.ctr.CtrViews.PersonRef;
import org.carereviews.ctr.CtrViews.ReviewView;
import org.carereviews.identity.CareUser;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CTR steps as a user takes them in the workspace: which steps are open for a person, who may
 * sit on a panel (by name), and each step completed as the signed-in user through the same task and
 * checks as from Tasklist or the API ({@link CtrReviewsApi#step}). Nothing here decides a rule.
 */
@Service
public class CtrWork {

  /** The steps a CTR user takes, each a user task of the CTR process models. */
  public enum Step {
    CONVENE("convene", "Convene the panel", CtrProcesses.TASK_CONVENE_PANEL),
    CONSENT("consent", "Record consent", CtrProcesses.TASK_RECORD_CONSENT),
    PAPERS("papers", "Share the papers", CtrProcesses.TASK_SHARE_PAPERS),
    MEETING("meeting", "Record the meeting", CtrProcesses.TASK_RECORD_MEETING),
    DISCHARGE_PLAN(
        "discharge-plan", "Plan the discharge package", CtrProcesses.TASK_PLAN_DISCHARGE),
    VISIT("visit", "Record the oversight visit", CtrProcesses.TASK_RECORD_OVERSIGHT_VISIT),
    ACTION_DONE("done", "Record the action done", CtrProcesses.TASK_COMPLETE_ACTION),
    CHASE("chase", "Chase the overdue action", CtrProcesses.TASK_CHASE_OVERDUE_ACTION);

    private final String path;
    private final String label;
    private final String taskKey;

    Step(String path, String label, String taskKey) {
      this.path = path;
      this.label = label;
      this.taskKey = taskKey;
    }

    public String path() {
      return path;
    }

    public String label() {
      return label;
    }

    public boolean ofAction() {
      return this == ACTION_DONE || this == CHASE;
    }

    static Optional<Step> ofTaskKey(String key) {
      return Arrays.stream(values()).filter(s -> s.taskKey.equals(key)).findFirst();
    }

    public static Optional<Step> ofPath(String path) {
      return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }
  }

  /**
   * An open step of a person's review or action.
   *
   * @param assignee the user it is assigned to (by id), or null when offered to a group
   */
  public record OpenStep(
      Step step,
      long personId,
      long reviewId,
      String reviewReference,
      Long actionId,
      String actionText,
      String assignee) {}

  /** Someone who may be chosen, by name. */
  public record Member(String userId, String name) {}

  /** A recommendation as the meeting gives it. */
  public record Recommended(String text, String owner, LocalDate dueDate) {}

  /** A review's discharge plan and where its package request stands. */
  public record PlanView(
      long reviewId,
      String serviceType,
      String provider,
      Money weeklyGrossCost,
      Money assessedContribution,
      BigDecimal nhsSharePercent,
      LocalDate dischargeDate,
      String reason,
      String plannedBy,
      Instant plannedAt,
      Long panelRequestId,
      String panelOutcome,
      Long carePackageId) {}

  private final CtrReviewsApi api;
  private final CtrReviews reviews;
  private final Recommendations recommendations;
  private final DischargePlans plans;
  private final RegisterEntries entries;
  private final Workflow workflow;
  private final Clock clock;

  CtrWork(
      CtrReviewsApi api,
      CtrReviews reviews,
      Recommendations recommendations,
      DischargePlans plans,
      RegisterEntries entries,
      Workflow workflow,
      Clock clock) {
    this.api = api;
    this.reviews = reviews;
    this.recommendations = recommendations;
    this.plans = plans;
    this.entries = entries;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** Whether the person is on the register and the user may read their CTR record. */
  @Transactional(readOnly = true)
  public boolean onRegister(CareUser user, long personId) {
    return entries
        .findByPersonId(personId)
        .filter(e -> CtrAccess.canRead(user, e.getPerson()))
        .isPresent();
  }

  /** The members of a group (the CTR chairs, clinical experts, experts by experience) by name. */
  public List<Member> members(String group) {
    List<String> ids = workflow.membersOf(List.of(group));
    Map<String, String> names = workflow.userNames(ids);
    return ids.stream()
        .distinct()
        .map(id -> new Member(id, names.getOrDefault(id, id)))
        .sorted(Comparator.comparing(Member::name).thenComparing(Member::userId))
        .toList();
  }

  /** Users' names by id; an unknown id is its own name. */
  public Map<String, String> names(Collection<String> userIds) {
    List<String> known = userIds.stream().filter(id -> id != null).distinct().toList();
    Map<String, String> names = new HashMap<>(workflow.userNames(known));
    known.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }

  /** The open steps of the person's reviews and actions, oldest first. */
  @Transactional(readOnly = true)
  public List<OpenStep> openSteps(CareUser user, long personId) {
    RegisterEntry entry =
        entries
            .findByPersonId(personId)
            .orElseThrow(() -> new RecordNotFoundException("register entry for person", personId));
    CtrAccess.requireRead(user, entry.getPerson());
    List<OpenStep> open = new ArrayList<>();
    for (CtrReview review : reviews.findByRegisterEntryIdOrderByDueDateAsc(entry.getId())) {
      if (review.getProcessInstanceId() != null) {
        for (OpenTask task : workflow.openTasks(review.getProcessInstanceId())) {
          Step.ofTaskKey(task.key())
              .ifPresent(
                  step ->
                      open.add(
                          new OpenStep(
                              step,
                              personId,
                              review.getId(),
                              review.getReference(),
                              null,
                              null,
                              task.assignee())));
        }
      }
      for (Recommendation action : recommendations.findByReviewIdOrderById(review.getId())) {
        if (action.getProcessInstanceId() == null) {
          continue;
        }
        for (OpenTask task : workflow.openTasks(action.getProcessInstanceId())) {
          Step.ofTaskKey(task.key())
              .ifPresent(
                  step ->
                      open.add(
                          new OpenStep(
                              step,
                              personId,
                              review.getId(),
                              review.getReference(),
                              action.getId(),
                              action.getText(),
                              task.assignee())));
        }
      }
    }
    return open;
  }

  /** The discharge plans of the person's reviews, by review id. */
  @Transactional(readOnly = true)
  public Map<Long, PlanView> plans(CareUser user, long personId) {
    RegisterEntry entry =
        entries
            .findByPersonId(personId)
            .orElseThrow(() -> new RecordNotFoundException("register entry for person", personId));
    CtrAccess.requireRead(user, entry.getPerson());
    Map<Long, PlanView> found = new LinkedHashMap<>();
    for (CtrReview review : reviews.findByRegisterEntryIdOrderByDueDateAsc(entry.getId())) {
      plans
          .findByReviewId(review.getId())
          .ifPresent(
              p ->
                  found.put(
                      review.getId(),
                      new PlanView(
                          review.getId(),
                          p.getServiceType() == null ? null : p.getServiceType().label(),
                          p.getProvider(),
                          p.getWeeklyGrossCost(),
                          p.getAssessedContribution(),
                          p.getNhsSharePercent(),
                          p.getDischargeDate(),
                          p.getReason(),
                          p.getPlannedBy(),
                          p.getPlannedAt(),
                          p.getPanelRequestId(),
                          p.getPanelOutcome() == null ? null : p.getPanelOutcome().name(),
                          p.getCarePackageId())));
    }
    return found;
  }

  /** The person a review is of, if the user may read it. */
  @Transactional(readOnly = true)
  public PersonRef personOfReview(CareUser user, long reviewId) {
    CtrReview review =
        reviews
            .findById(reviewId)
            .orElseThrow(() -> new RecordNotFoundException("review", reviewId));
    CtrAccess.requireRead(user, review.getRegisterEntry().getPerson());
    return PersonRef.of(review.getRegisterEntry().getPerson());
  }

  /** The review, if the user may read it. */
  public ReviewView review(CareUser user, long reviewId) {
    return api.review(user, reviewId);
  }

  /** The action and its person, if the user may read it. */
  @Transactional(readOnly = true)
  public ActionView action(CareUser user, long actionId) {
    Recommendation action =
        recommendations
            .findById(actionId)
            .orElseThrow(() -> new RecordNotFoundException("action", actionId));
    CtrAccess.requireRead(user, action.getReview().getRegisterEntry().getPerson());
    return ActionView.of(action, LocalDate.now(clock));
  }

  /**
   * Whether the step is open on the review (or, for an action's step, on the action), as the
   * service sees it.
   */
  @Transactional(readOnly = true)
  public boolean isOpen(long id, Step step) {
    String process =
        step.ofAction()
            ? recommendations.findById(id).map(Recommendation::getProcessInstanceId).orElse(null)
            : reviews.findById(id).map(CtrReview::getProcessInstanceId).orElse(null);
    return process != null && workflow.openTask(process, step.taskKey).isPresent();
  }

  /**
   * The review or action a task of the CTR models is a step of: the step, and the review's or
   * action's id; empty for any other task.
   */
  @Transactional(readOnly = true)
  public Optional<Map.Entry<Step, Long>> stepOf(OpenTask task) {
    Optional<Step> step = Step.ofTaskKey(task.key());
    if (step.isEmpty() || task.processInstanceId() == null) {
      return Optional.empty();
    }
    Optional<Long> id =
        step.get().ofAction()
            ? recommendations
                .findByProcessInstanceId(task.processInstanceId())
                .map(Recommendation::getId)
            : reviews.findByProcessInstanceId(task.processInstanceId()).map(CtrReview::getId);
    return id.map(found -> Map.entry(step.get(), found));
  }

  public ReviewView convene(
      CareUser user,
      long reviewId,
      String chair,
      String clinicalExpert,
      String expertByExperience,
      LocalDateTime meetingAt) {
    Map<String, Object> given = new HashMap<>();
    given.put(CtrProcesses.VAR_CHAIR, chair);
    given.put(CtrProcesses.VAR_CLINICAL_EXPERT, clinicalExpert);
    given.put(CtrProcesses.VAR_EXPERT_BY_EXPERIENCE, expertByExperience);
    given.put(CtrProcesses.VAR_MEETING_AT, meetingAt == null ? null : meetingAt.toString());
    return step(user, reviewId, Step.CONVENE, "convening the panel", given);
  }

  public ReviewView consent(CareUser user, long reviewId, ConsentBasis basis, String note) {
    Map<String, Object> given = new HashMap<>();
    given.put(CtrProcesses.VAR_CONSENT_BASIS, basis == null ? null : basis.name());
    given.put(CtrProcesses.VAR_CONSENT_NOTE, note);
    return step(user, reviewId, Step.CONSENT, "recording consent", given);
  }

  public ReviewView papers(CareUser user, long reviewId, LocalDateTime meetingAt) {
    Map<String, Object> given = new HashMap<>();
    given.put(CtrProcesses.VAR_MEETING_AT, meetingAt == null ? null : meetingAt.toString());
    return step(user, reviewId, Step.PAPERS, "sharing the papers", given);
  }

  /**
   * Records the meeting; a refusal of a recommendation names the field {@code
   * recommendations[i].text}, {@code .owner} or {@code .dueDate}, counting from 0.
   */
  public ReviewView meeting(
      CareUser user,
      long reviewId,
      String answerSafe,
      String answerGoodCare,
      String answerFuturePlan,
      String answerNeedHospital,
      List<Recommended> recommended,
      LocalDate plannedDischargeDate,
      boolean dischargeRecommended) {
    Map<String, Object> given = new HashMap<>();
    given.put(CtrProcesses.VAR_ANSWER_SAFE, answerSafe);
    given.put(CtrProcesses.VAR_ANSWER_GOOD_CARE, answerGoodCare);
    given.put(CtrProcesses.VAR_ANSWER_FUTURE_PLAN, answerFuturePlan);
    given.put(CtrProcesses.VAR_ANSWER_NEED_HOSPITAL, answerNeedHospital);
    var list = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
    recommended.forEach(
        r ->
            list.addObject()
                .put("text", r.text())
                .put("owner", r.owner())
                .put("dueDate", r.dueDate() == null ? null : r.dueDate().toString()));
    // transient, as from the API: it reaches the recording step and is never stored
    given.put(CtrProcesses.VAR_RECOMMENDATIONS, Workflow.transientText(list.toString()));
    given.put(
        CtrProcesses.VAR_PLANNED_DISCHARGE_DATE,
        plannedDischargeDate == null ? null : plannedDischargeDate.toString());
    given.put(CtrProcesses.VAR_DISCHARGE_RECOMMENDED, dischargeRecommended);
    return step(user, reviewId, Step.MEETING, "recording the meeting", given);
  }

  public ReviewView planDischarge(
      CareUser user,
      long reviewId,
      ServiceType serviceType,
      String provider,
      BigDecimal weeklyGrossCost,
      BigDecimal assessedContribution,
      BigDecimal nhsSharePercent,
      LocalDate dischargeDate,
      String reason) {
    Map<String, Object> given = new HashMap<>();
    given.put(CtrProcesses.VAR_SERVICE_TYPE, serviceType == null ? null : serviceType.name());
    given.put(CtrProcesses.VAR_PROVIDER, provider);
    given.put(CtrProcesses.VAR_WEEKLY_GROSS_COST, plain(weeklyGrossCost));
    given.put(CtrProcesses.VAR_ASSESSED_CONTRIBUTION, plain(assessedContribution));
    given.put(CtrProcesses.VAR_NHS_SHARE_PERCENT, plain(nhsSharePercent));
    given.put(
        CtrProcesses.VAR_DISCHARGE_DATE, dischargeDate == null ? null : dischargeDate.toString());
    given.put(CtrProcesses.VAR_DISCHARGE_REASON, reason);
    return step(user, reviewId, Step.DISCHARGE_PLAN, "planning the discharge", given);
  }

  public ReviewView visit(CareUser user, long reviewId, LocalDateTime visitedAt, String findings) {
    Map<String, Object> given = new HashMap<>();
    given.put(CtrProcesses.VAR_VISITED_AT, visitedAt == null ? null : visitedAt.toString());
    given.put(CtrProcesses.VAR_FINDINGS, findings);
    return step(user, reviewId, Step.VISIT, "recording the oversight visit", given);
  }

  /** Where the review's discharge package went: its package request to the panel, if sent. */
  public Optional<Long> panelRequestOf(CareUser user, long reviewId) {
    try {
      return Optional.ofNullable(api.discharge(user, reviewId).panelRequestId());
    } catch (RecordNotFoundException none) {
      return Optional.empty();
    }
  }

  /** Records the action done as the user (its owner, or the chair). */
  public ActionView actionDone(CareUser user, long actionId, String note) {
    return workflow.asUser(user, () -> api.actionDone(user, actionId, note));
  }

  /** Records that the chair chased an overdue action; it stays open until it is done. */
  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "ctr-action", id = "#actionId")
  public ActionView chase(CareUser user, long actionId, String note) {
    ActionView action = action(user, actionId);
    String process =
        recommendations
            .findById(actionId)
            .map(Recommendation::getProcessInstanceId)
            .orElseThrow(() -> new RecordNotFoundException("follow-up of action", actionId));
    OpenTask task =
        api.waitingStep(process, CtrProcesses.TASK_CHASE_OVERDUE_ACTION, "chasing the action");
    workflow.asUser(
        user,
        () -> {
          workflow.complete(task, Map.of("chaseNote", note == null ? "" : note));
          return null;
        });
    return action;
  }

  private ReviewView step(
      CareUser user, long reviewId, Step step, String what, Map<String, Object> given) {
    return workflow.asUser(user, () -> api.step(user, reviewId, step.taskKey, what, given));
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}

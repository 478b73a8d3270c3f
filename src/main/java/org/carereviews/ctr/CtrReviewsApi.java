package org.carereviews.ctr;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.ctr.CtrViews.ActionView;
import org.carereviews.ctr.CtrViews.DischargeView;
import org.carereviews.ctr.CtrViews.DueItemView;
import org.carereviews.ctr.CtrViews.InpatientView;
import org.carereviews.ctr.CtrViews.Overview;
import org.carereviews.ctr.CtrViews.PersonRef;
import org.carereviews.ctr.CtrViews.ReviewView;
import org.carereviews.identity.CareUser;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews, actions and the overview as the API shows them, and the API's way through a review's
 * steps: it completes the step's task, so the same checks run as from Tasklist.
 */
@Service
public class CtrReviewsApi {

  private final CtrReviews reviews;
  private final Recommendations recommendations;
  private final DischargePlans plans;
  private final RegisterEntries entries;
  private final InpatientEpisodes episodes;
  private final CtrSchedule schedule;
  private final Workflow workflow;
  private final Clock clock;

  CtrReviewsApi(
      CtrReviews reviews,
      Recommendations recommendations,
      DischargePlans plans,
      RegisterEntries entries,
      InpatientEpisodes episodes,
      CtrSchedule schedule,
      Workflow workflow,
      Clock clock) {
    this.reviews = reviews;
    this.recommendations = recommendations;
    this.plans = plans;
    this.entries = entries;
    this.episodes = episodes;
    this.schedule = schedule;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ReviewView review(CareUser user, long reviewId) {
    CtrReview review = readable(user, reviewId);
    return ReviewView.of(
        review, recommendations.findByReviewIdOrderById(reviewId), LocalDate.now(clock));
  }

  @Transactional(readOnly = true)
  public DischargeView discharge(CareUser user, long reviewId) {
    CtrReview review = readable(user, reviewId);
    DischargePlan plan =
        plans
            .findByReviewId(reviewId)
            .orElseThrow(() -> new RecordNotFoundException("discharge plan of review", reviewId));
    return new DischargeView(
        reviewId,
        review.getReference(),
        plan.getPanelRequestId(),
        plan.getPanelOutcome() == null ? null : plan.getPanelOutcome().name(),
        plan.getCarePackageId(),
        plan.getGrowthRecordedAt());
  }

  /**
   * Completes a review's waiting step with what was given; the step's checks refuse bad input and
   * nothing is kept.
   */
  @Transactional
  public ReviewView step(
      CareUser user, long reviewId, String taskKey, String what, Map<String, Object> given) {
    CtrReview review = readable(user, reviewId);
    Map<String, Object> variables = new HashMap<>();
    given.forEach(
        (name, value) -> {
          if (value != null) {
            variables.put(name, value);
          }
        });
    complete(review.getProcessInstanceId(), taskKey, what, variables);
    return review(user, reviewId);
  }

  @Transactional
  public ActionView actionDone(CareUser user, long actionId, String note) {
    Recommendation action =
        recommendations
            .findById(actionId)
            .orElseThrow(() -> new RecordNotFoundException("action", actionId));
    CtrAccess.requireRead(user, action.getReview().getRegisterEntry().getPerson());
    Map<String, Object> variables = new HashMap<>();
    if (note != null) {
      variables.put(CtrProcesses.VAR_ACTION_NOTE, note);
    }
    complete(
        action.getProcessInstanceId(),
        CtrProcesses.TASK_COMPLETE_ACTION,
        "recording the action done",
        variables);
    return ActionView.of(recommendations.findById(actionId).orElseThrow(), LocalDate.now(clock));
  }

  @Transactional(readOnly = true)
  public List<ActionView> actions(CareUser user, boolean overdueOnly) {
    CtrAccess.requireAnyAccess(user);
    LocalDate today = LocalDate.now(clock);
    return recommendations.findOpen().stream()
        .filter(a -> CtrAccess.canRead(user, a.getReview().getRegisterEntry().getPerson()))
        .filter(a -> !overdueOnly || a.isOverdue(today))
        .map(a -> ActionView.of(a, today))
        .toList();
  }

  /**
   * Register by rating, inpatients by length of stay (longest first), reviews due and overdue,
   * actions open and overdue.
   */
  @Transactional(readOnly = true)
  public Overview overview(CareUser user) {
    CtrAccess.requireAnyAccess(user);
    LocalDate today = LocalDate.now(clock);
    Map<Rating, Long> byRating = new EnumMap<>(Rating.class);
    for (Rating rating : Rating.values()) {
      byRating.put(rating, 0L);
    }
    entries.findAllWithPerson().stream()
        .filter(e -> CtrAccess.canRead(user, e.getPerson()))
        .forEach(e -> byRating.merge(e.getRating(), 1L, Long::sum));
    List<InpatientView> inpatients =
        episodes.findOpen().stream()
            .filter(e -> CtrAccess.canRead(user, e.getRegisterEntry().getPerson()))
            .sorted(
                Comparator.comparingLong((InpatientEpisode e) -> e.lengthOfStayDays(today))
                    .reversed())
            .map(
                e ->
                    new InpatientView(
                        PersonRef.of(e.getRegisterEntry().getPerson()),
                        e.getId(),
                        e.getHospital(),
                        e.getSetting(),
                        e.isOutOfArea(),
                        e.getCommissioner(),
                        e.getAdmissionDate(),
                        e.getPlannedDischargeDate(),
                        e.lengthOfStayDays(today)))
            .toList();
    List<DueItemView> due = schedule.due(user);
    List<ActionView> actions = actions(user, false);
    return new Overview(
        today,
        byRating,
        inpatients,
        due,
        due.stream().filter(DueItemView::overdue).count(),
        actions,
        actions.stream().filter(ActionView::overdue).count());
  }

  /**
   * Completes the waiting step of a process instance as the signed-in user (Camunda checks that
   * they may work on it); the step's listeners and the steps behind it validate and record, or
   * refuse and change nothing.
   */
  private void complete(
      String processInstanceId, String taskKey, String what, Map<String, Object> variables) {
    OpenTask step = waitingStep(processInstanceId, taskKey, what);
    try {
      workflow.complete(step, variables);
    } catch (AccessDeniedException refused) {
      throw new AccessDeniedException(
          what + " is not a step " + workflow.currentUserId().orElse("this user") + " may take");
    }
  }

  /**
   * The open task of this key in a process instance, looked up on the service's account, so that a
   * step someone may not take is refused as such, not reported as missing; refused, naming the
   * steps the record is at, when the record is not at it.
   */
  OpenTask waitingStep(String processInstanceId, String taskKey, String what) {
    List<OpenTask> waiting = workflow.openTasks(processInstanceId);
    return waiting.stream()
        .filter(task -> task.key().equals(taskKey))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "step",
                    what
                        + " is not the step this record is at"
                        + (waiting.isEmpty()
                            ? "; it has no open step"
                            : "; it is at: " + waiting.stream().map(OpenTask::name).toList())));
  }

  private CtrReview readable(CareUser user, long reviewId) {
    CtrReview review =
        reviews
            .findById(reviewId)
            .orElseThrow(() -> new RecordNotFoundException("review", reviewId));
    CtrAccess.requireRead(user, review.getRegisterEntry().getPerson());
    return review;
  }
}

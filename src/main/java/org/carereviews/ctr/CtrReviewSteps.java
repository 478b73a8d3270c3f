package org.carereviews.ctr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.ctr.CtrReview.MeetingRecord;
import org.carereviews.ctr.StepInputs.RecommendationInput;
import org.carereviews.identity.Roles;
import org.carereviews.workflow.FormValues;
import org.carereviews.workflow.Workflow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a review and of the follow-up of its recommendations, as the process models run them
 * (from Tasklist or from the API). Each step checks everything before it writes anything; the user
 * it records as having taken the step is the one the engine is acting for.
 */
@Service
class CtrReviewSteps {

  private final CtrReviews reviews;
  private final Recommendations recommendations;
  private final Workflow workflow;
  private final Clock clock;

  CtrReviewSteps(
      CtrReviews reviews, Recommendations recommendations, Workflow workflow, Clock clock) {
    this.reviews = reviews;
    this.recommendations = recommendations;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * Convenes the panel: a chair who is a commissioner, an independent clinical expert and an expert
   * by experience.
   */
  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "ctr-review", id = "#reviewId")
  public void convene(long reviewId, FormValues in) {
    CtrReview review = review(reviewId);
    String chair =
        member(in, CtrProcesses.VAR_CHAIR, Roles.CTR_CHAIR, "a chair who is a commissioner");
    String clinician =
        member(
            in,
            CtrProcesses.VAR_CLINICAL_EXPERT,
            Roles.CTR_CLINICIAN,
            "an independent clinical expert");
    String expert =
        member(
            in,
            CtrProcesses.VAR_EXPERT_BY_EXPERIENCE,
            Roles.CTR_EXPERT,
            "an expert by experience (a review cannot go ahead without one)");
    if (new HashSet<>(List.of(chair, clinician, expert)).size() < 3) {
      throw new InvalidRequestException(
          "panel",
          "the chair, clinical expert and expert by experience must be three "
              + "different people");
    }
    review.convene(
        chair, clinician, expert, in.instant(CtrProcesses.VAR_MEETING_AT), Instant.now(clock));
  }

  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "ctr-review", id = "#reviewId")
  public void recordConsent(long reviewId, FormValues in) {
    ConsentBasis parsed = in.choice(CtrProcesses.VAR_CONSENT_BASIS, ConsentBasis.class);
    review(reviewId)
        .recordConsent(parsed, in.text(CtrProcesses.VAR_CONSENT_NOTE), actor(), Instant.now(clock));
  }

  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "ctr-review", id = "#reviewId")
  public void sharePapers(long reviewId, FormValues in) {
    review(reviewId)
        .sharePapers(in.instant(CtrProcesses.VAR_MEETING_AT), actor(), Instant.now(clock));
  }

  /**
   * Records the meeting: the four answers and the recommendations (each with an owner and a due
   * date), completes the review and starts the follow-up of each recommendation.
   *
   * @return whether the panel recommended a discharge (the discharge plan follows)
   */
  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "ctr-review", id = "#reviewId")
  public boolean recordMeeting(long reviewId, FormValues in) {
    CtrReview review = review(reviewId);
    MeetingRecord meeting =
        new MeetingRecord(
            in.requiredText(CtrProcesses.VAR_ANSWER_SAFE, "the answer to 'Am I safe?'"),
            in.requiredText(CtrProcesses.VAR_ANSWER_GOOD_CARE, "the answer to 'Is my care good?'"),
            in.requiredText(
                CtrProcesses.VAR_ANSWER_FUTURE_PLAN,
                "the answer to 'Is there a plan for my future?'"),
            in.requiredText(
                CtrProcesses.VAR_ANSWER_NEED_HOSPITAL,
                "the answer to 'Do I need to be in hospital for my care and treatment?'"),
            in.flag(CtrProcesses.VAR_DISCHARGE_RECOMMENDED));
    List<RecommendationInput> given =
        StepInputs.recommendations(in, CtrProcesses.VAR_RECOMMENDATIONS, clock.getZone());
    Instant now = Instant.now(clock);
    LocalDate meetingDay =
        review.getMeetingAt() == null
            ? LocalDate.now(clock)
            : LocalDate.ofInstant(review.getMeetingAt(), clock.getZone());
    for (RecommendationInput recommendation : given) {
      checkRecommendation(recommendation, meetingDay);
    }
    LocalDate plannedDischarge = in.date(CtrProcesses.VAR_PLANNED_DISCHARGE_DATE);
    if (plannedDischarge != null) {
      if (review.getEpisode() == null || !review.getEpisode().isOpen()) {
        throw new InvalidRequestException(
            CtrProcesses.VAR_PLANNED_DISCHARGE_DATE,
            "only someone in hospital has a planned discharge");
      }
      review.getEpisode().planDischarge(plannedDischarge);
    }
    review.complete(meeting, actor(), now);
    List<Recommendation> saved = new ArrayList<>();
    for (RecommendationInput input : given) {
      saved.add(
          recommendations.save(
              new Recommendation(review, input.text(), input.owner(), input.dueDate())));
    }
    recommendations.flush();
    followUp(review, saved);
    return meeting.dischargeRecommended();
  }

  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "ctr-review", id = "#reviewId")
  public void recordOversightVisit(long reviewId, FormValues in) {
    review(reviewId)
        .completeVisit(
            in.instant(CtrProcesses.VAR_VISITED_AT),
            in.text(CtrProcesses.VAR_FINDINGS),
            actor(),
            Instant.now(clock));
  }

  @Transactional
  public void actionEscalated(long actionId) {
    action(actionId).escalated(Instant.now(clock));
  }

  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "ctr-action", id = "#actionId")
  public void actionDone(long actionId, FormValues in) {
    action(actionId).done(in.text(CtrProcesses.VAR_ACTION_NOTE), actor(), Instant.now(clock));
  }

  private void checkRecommendation(RecommendationInput input, LocalDate meetingDay) {
    if (input.text() == null) {
      throw new InvalidRequestException(input.textField(), "is required: what is recommended");
    }
    if (input.owner() == null) {
      throw new InvalidRequestException(
          input.ownerField(), "is required: every recommendation has an owner");
    }
    if (!workflow.userExists(input.owner())) {
      throw new InvalidRequestException(
          input.ownerField(), "is not a known user: '" + input.owner() + "'");
    }
    if (input.dueDate() == null) {
      throw new InvalidRequestException(
          input.dueDateField(), "is required: every recommendation has a due date");
    }
    if (input.dueDate().isBefore(meetingDay)) {
      throw new InvalidRequestException(
          input.dueDateField(), "must not be before the meeting (" + meetingDay + ")");
    }
  }

  private String member(FormValues in, String field, String group, String who) {
    String userId = in.requiredText(field, who);
    if (!workflow.isMember(userId, group)) {
      throw new InvalidRequestException(
          field, "'" + userId + "' is not " + who + " (group " + group + ")");
    }
    return userId;
  }

  /** Starts the follow-up of each recommendation, which chases it from the day after it is due. */
  public void followUp(CtrReview review, List<Recommendation> saved) {
    for (Recommendation action : saved) {
      Map<String, Object> variables = new HashMap<>();
      CtrProcesses.ACTION_ID.put(variables, action.getId());
      CtrProcesses.ACTION_OWNER.put(variables, action.getOwner());
      CtrProcesses.CHAIR.put(variables, review.getChair());
      variables.put(
          CtrProcesses.VAR_ACTION_OVERDUE_AT,
          Date.from(action.getDueDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
      action.trackedBy(
          workflow.start(
              CtrProcesses.ACTION_FOLLOW_UP,
              review.getReference() + "/" + action.getId(),
              variables));
    }
  }

  /** Who takes the step: the user completing its task, or the process itself. */
  private String actor() {
    return workflow.currentUserId().orElse("ctr-process");
  }

  private CtrReview review(long reviewId) {
    return reviews
        .findById(reviewId)
        .orElseThrow(() -> new RecordNotFoundException("review", reviewId));
  }

  private Recommendation action(long actionId) {
    return recommendations
        .findById(actionId)
        .orElseThrow(() -> new RecordNotFoundException("action", actionId));
  }
}

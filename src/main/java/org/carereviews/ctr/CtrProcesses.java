package org.carereviews.ctr;

import org.carereviews.panel.PanelMessages;
import org.carereviews.workflow.ProcessVariable;

/**
 * Ids of the CTR process models, their elements, messages and variables, shared by code and tests.
 * Each process variable is declared once, typed ({@link ProcessVariable}); its name as a string
 * (for BPMN expressions, forms and tests) is derived from it. Names that only a form or the API
 * sends to a step (read with {@code workflow.FormValues}) are plain strings.
 */
final class CtrProcesses {

  public static final String REVIEW = "CareAndTreatmentReview";
  public static final String OVERSIGHT_VISIT = "CtrOversightVisit";
  public static final String ACTION_FOLLOW_UP = "CtrActionFollowUp";
  public static final String DAILY_SCHEDULE = "CtrDailySchedule";

  /** The scheduling policy (DMN decision table). */
  public static final String SCHEDULE_DECISION = "CtrSchedule";

  // CareAndTreatmentReview
  public static final String TASK_CONVENE_PANEL = "Task_ConvenePanel";
  public static final String TASK_RECORD_CONSENT = "Task_RecordConsent";
  public static final String TASK_SHARE_PAPERS = "Task_SharePapers";
  public static final String TASK_RECORD_MEETING = "Task_RecordMeeting";
  public static final String TASK_PLAN_DISCHARGE = "Task_PlanDischarge";
  public static final String TASK_SUBMIT_PACKAGE_REQUEST = "Task_SubmitPackageRequest";
  public static final String TASK_RECORD_GROWTH = "Task_RecordGrowth";
  public static final String EVENT_PANEL_DECISION_RECEIVED = "Event_PanelDecisionReceived";
  public static final String EVENT_REVIEW_COMPLETED = "Event_ReviewCompleted";
  public static final String EVENT_DISCHARGE_FUNDED = "Event_DischargeFunded";
  public static final String EVENT_DISCHARGE_DECLINED = "Event_DischargeDeclined";

  // CtrOversightVisit
  public static final String TASK_RECORD_OVERSIGHT_VISIT = "Task_RecordOversightVisit";

  // CtrActionFollowUp
  public static final String TASK_COMPLETE_ACTION = "Task_CompleteAction";
  public static final String TASK_CHASE_OVERDUE_ACTION = "Task_ChaseOverdueAction";
  public static final String EVENT_ACTION_OVERDUE = "Event_ActionOverdue";
  public static final String EVENT_ACTION_DONE = "Event_ActionDone";

  // Process variables, typed
  /**
   * The review (or oversight visit) a CareAndTreatmentReview or CtrOversightVisit instance runs.
   */
  public static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.ofLong("reviewId");

  /** The recommendation a CtrActionFollowUp instance follows up. */
  public static final ProcessVariable<Long> ACTION_ID = ProcessVariable.ofLong("actionId");

  /** The person's team's group: candidates for the team's steps. */
  public static final ProcessVariable<String> TEAM_GROUP = ProcessVariable.ofString("teamGroup");

  /**
   * The chair (a user id): given when the panel is convened; the follow-up's escalation goes to
   * them.
   */
  public static final ProcessVariable<String> CHAIR = ProcessVariable.ofString("chair");

  /** The recommendation's owner (a user id). */
  public static final ProcessVariable<String> ACTION_OWNER =
      ProcessVariable.ofString("actionOwner");

  /** Set by the meeting's step: whether the panel recommended a discharge. */
  public static final ProcessVariable<Boolean> DISCHARGE_RECOMMENDED =
      ProcessVariable.ofBoolean("dischargeRecommended");

  /** Set by the decision step: whether the spend-control panel approved the discharge package. */
  public static final ProcessVariable<Boolean> PANEL_APPROVED =
      ProcessVariable.ofBoolean("panelApproved");

  /** Set by the decision step: whether the spend-control panel deferred it. */
  public static final ProcessVariable<Boolean> PANEL_DEFERRED =
      ProcessVariable.ofBoolean("panelDeferred");

  /**
   * The discharge package's request to the spend-control panel (named by the panel, {@link
   * PanelMessages}).
   */
  public static final ProcessVariable<Long> PANEL_REQUEST_ID =
      ProcessVariable.ofLong(PanelMessages.VAR_REQUEST_ID);

  public static final String VAR_REVIEW_ID = REVIEW_ID.name();
  public static final String VAR_ACTION_ID = ACTION_ID.name();
  public static final String VAR_TEAM_GROUP = TEAM_GROUP.name();
  public static final String VAR_CHAIR = CHAIR.name();

  // What a step is given (fields of its Tasklist form or of the API, read with workflow.FormValues)
  public static final String VAR_CLINICAL_EXPERT = "clinicalExpert";
  public static final String VAR_EXPERT_BY_EXPERIENCE = "expertByExperience";
  public static final String VAR_MEETING_AT = "meetingAt";
  public static final String VAR_CONSENT_BASIS = "consentBasis";
  public static final String VAR_CONSENT_NOTE = "consentNote";
  public static final String VAR_ANSWER_SAFE = "answerSafe";
  public static final String VAR_ANSWER_GOOD_CARE = "answerGoodCare";
  public static final String VAR_ANSWER_FUTURE_PLAN = "answerFuturePlan";
  public static final String VAR_ANSWER_NEED_HOSPITAL = "answerNeedHospital";

  /** JSON list of {@code {text, owner, dueDate}}. */
  public static final String VAR_RECOMMENDATIONS = "recommendations";

  public static final String VAR_DISCHARGE_RECOMMENDED = DISCHARGE_RECOMMENDED.name();
  public static final String VAR_PLANNED_DISCHARGE_DATE = "plannedDischargeDate";
  public static final String VAR_SERVICE_TYPE = "serviceType";
  public static final String VAR_PROVIDER = "provider";
  public static final String VAR_WEEKLY_GROSS_COST = "weeklyGrossCost";
  public static final String VAR_ASSESSED_CONTRIBUTION = "assessedContribution";
  public static final String VAR_NHS_SHARE_PERCENT = "nhsSharePercent";
  public static final String VAR_DISCHARGE_DATE = "dischargeDate";
  public static final String VAR_DISCHARGE_REASON = "dischargeReason";
  public static final String VAR_PANEL_APPROVED = PANEL_APPROVED.name();
  public static final String VAR_PANEL_DEFERRED = PANEL_DEFERRED.name();
  public static final String VAR_VISITED_AT = "visitedAt";
  public static final String VAR_FINDINGS = "findings";
  public static final String VAR_ACTION_OWNER = ACTION_OWNER.name();

  /**
   * When an open action becomes overdue (start of the day after its due date): a date for the BPMN
   * timer.
   */
  public static final String VAR_ACTION_OVERDUE_AT = "actionOverdueAt";

  public static final String VAR_ACTION_NOTE = "actionNote";

  private CtrProcesses() {}
}

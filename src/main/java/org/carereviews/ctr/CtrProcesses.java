package org.carereviews.ctr;

/** Ids of the CTR process models, their elements, messages and variables, shared by code and tests. */
public final class CtrProcesses {

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

  // Variables
  public static final String VAR_REVIEW_ID = "reviewId";
  public static final String VAR_ACTION_ID = "actionId";
  public static final String VAR_TEAM_GROUP = "teamGroup";
  public static final String VAR_CHAIR = "chair";
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
  public static final String VAR_DISCHARGE_RECOMMENDED = "dischargeRecommended";
  public static final String VAR_SERVICE_TYPE = "serviceType";
  public static final String VAR_PROVIDER = "provider";
  public static final String VAR_WEEKLY_GROSS_COST = "weeklyGrossCost";
  public static final String VAR_ASSESSED_CONTRIBUTION = "assessedContribution";
  public static final String VAR_NHS_SHARE_PERCENT = "nhsSharePercent";
  public static final String VAR_DISCHARGE_DATE = "dischargeDate";
  public static final String VAR_DISCHARGE_REASON = "dischargeReason";
  /** Set by the decision step: whether the panel approved (String outcome is {@code panelOutcome}). */
  public static final String VAR_PANEL_APPROVED = "panelApproved";
  public static final String VAR_PANEL_DEFERRED = "panelDeferred";
  public static final String VAR_VISITED_AT = "visitedAt";
  public static final String VAR_FINDINGS = "findings";
  public static final String VAR_ACTION_OWNER = "actionOwner";
  /** When an open action becomes overdue (start of the day after its due date). */
  public static final String VAR_ACTION_OVERDUE_AT = "actionOverdueAt";
  public static final String VAR_ACTION_NOTE = "actionNote";

  private CtrProcesses() {
  }
}

package org.carereviews.review;

/**
 * Names of the care package review process ({@code processes/review/CarePackageReview.bpmn}): its key,
 * the element ids that code and tests touch, its messages and its variables. Shared by the delegates,
 * the API and the tests.
 */
public final class ReviewProcess {

  public static final String KEY = "CarePackageReview";
  public static final String SAVINGS_LINE_DECISION = "SavingsLineRouting";

  // Elements
  public static final String START = "StartEvent_ReviewStarted";
  public static final String TASK_REGISTER = "Task_RegisterReview";
  public static final String SUBPROCESS_REVIEW = "SubProcess_Review";
  public static final String TASK_CONDUCT = "Task_ConductReview";
  public static final String GATEWAY_PATH = "Gateway_ReviewPath";
  public static final String TASK_SUBMIT_PACKAGE_REQUEST = "Task_SubmitPackageRequest";
  public static final String EVENT_PANEL_DECISION = "Event_PanelDecisionReceived";
  public static final String TASK_READ_PANEL_DECISION = "Task_ReadPanelDecision";
  public static final String GATEWAY_PANEL_OUTCOME = "Gateway_PanelOutcome";
  public static final String TASK_APPLY_PACKAGE_CHANGE = "Task_ApplyPackageChange";
  public static final String TASK_PANEL_DECLINED = "Task_ReadPanelDecline";
  public static final String EVENT_CHC_DECISION = "Event_ChcDecisionReceived";
  public static final String GATEWAY_CHC_ELIGIBLE = "Gateway_ChcEligible";
  public static final String TASK_APPLY_CHC_FUNDING = "Task_ApplyChcFunding";
  public static final String TASK_REASSESS = "Task_Reassess";
  public static final String EVENT_OVERDUE = "Event_ReviewOverdue";
  public static final String TASK_MARK_OVERDUE = "Task_MarkReviewOverdue";
  public static final String TASK_CHASE_OVERDUE = "Task_ChaseOverdueReview";
  public static final String TASK_CLOSE = "Task_CloseReview";
  public static final String END_CLOSED = "EndEvent_ReviewClosed";
  public static final String END_NO_CHANGE = "EndEvent_NoChange";
  public static final String END_PACKAGE_CHANGED = "EndEvent_PackageChanged";
  public static final String END_PANEL_DECLINED = "EndEvent_PanelDeclined";
  public static final String END_CHC_FUNDED = "EndEvent_ChcFunded";
  public static final String END_OVERDUE_CHASED = "EndEvent_OverdueChased";

  // Messages
  /** The NHS decision on a Continuing Healthcare referral, sent through the API. */
  public static final String MESSAGE_CHC_DECISION = "NhsChcDecision";

  // Variables set when the process starts (any route)
  public static final String VAR_PACKAGE_ID = "packageId";
  /** The start form names the package by its reference (PKG-000123) instead of its id. */
  public static final String VAR_PACKAGE_REFERENCE = "packageReference";
  public static final String VAR_ROUTE = "route";
  public static final String VAR_REQUESTED_BY = "requestedBy";
  public static final String VAR_REQUEST_REASON = "requestReason";
  public static final String VAR_INITIATOR = "initiator";
  /** Scheduled and initial routes: the review's due date as the scheduler worked it out (String, ISO date). */
  public static final String VAR_DUE_DATE_REQUESTED = "requestedDueDate";

  // Variables set by Task_RegisterReview
  public static final String VAR_REVIEW_ID = "reviewId";
  /** The review's reference (REV-000123), also the business key; shown in the forms. */
  public static final String VAR_REVIEW_REF = "reviewRef";
  public static final String VAR_TEAM_GROUP = "teamGroup";
  public static final String VAR_ESCALATE_AT = "escalateAt";
  public static final String VAR_REVIEW_WORKER = "reviewWorker";
  public static final String VAR_TASK_DUE_DATE = "taskDueDate";

  // Set when the review outcome is recorded
  public static final String VAR_OUTCOME = "outcome";
  public static final String VAR_REVIEW_PATH = "reviewPath";

  // Panel
  public static final String VAR_PANEL_APPROVED = "panelApproved";
  public static final String VAR_PANEL_DEFERRED = "panelDeferred";
  public static final String VAR_PANEL_QUESTION = "panelQuestion";
  /** Who decided the request: PANEL or TEAM_MANAGER (the form words a deferral's question by it). */
  public static final String VAR_PANEL_DECIDED_BY = "panelDecidedBy";
  public static final String VAR_PANEL_RATIONALE = "panelRationale";

  // Continuing Healthcare (set by the message NhsChcDecision)
  public static final String VAR_CHC_ELIGIBLE = "chcEligible";
  public static final String VAR_CHC_EFFECTIVE_DATE = "chcEffectiveDate";
  public static final String VAR_CHC_REFERENCE = "chcReference";

  // Escalation
  public static final String VAR_ESCALATION_DUE_DATE = "escalationDueDate";

  private ReviewProcess() {
  }
}

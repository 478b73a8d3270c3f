package org.carereviews.review;

import java.util.Date;
import org.carereviews.panel.PanelMessages;
import org.carereviews.workflow.ProcessVariable;

/**
 * Names of the care package review process ({@code processes/review/CarePackageReview.bpmn}): its
 * key, the element ids that code and tests touch, its messages and its variables. Shared by the
 * delegates, the API and the tests.
 */
public final class ReviewProcess {

  public static final String KEY = "CarePackageReview";

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

  // Variables: each declared once, typed; the String names are for tests and models that need the
  // text.

  // Set when the process starts (any route)
  public static final ProcessVariable<Long> PACKAGE_ID = ProcessVariable.ofLong("packageId");
  public static final String VAR_PACKAGE_ID = PACKAGE_ID.name();

  /** The start form names the package by its reference (PKG-000123) instead of its id. */
  public static final ProcessVariable<String> PACKAGE_REFERENCE =
      ProcessVariable.ofString("packageReference");

  public static final String VAR_PACKAGE_REFERENCE = PACKAGE_REFERENCE.name();

  /** A {@link ReviewRoute} by name. */
  public static final ProcessVariable<String> ROUTE = ProcessVariable.ofString("route");

  public static final String VAR_ROUTE = ROUTE.name();

  /** A {@link RequestedBy} by name. */
  public static final ProcessVariable<String> REQUESTED_BY =
      ProcessVariable.ofString("requestedBy");

  public static final String VAR_REQUESTED_BY = REQUESTED_BY.name();
  public static final ProcessVariable<String> REQUEST_REASON =
      ProcessVariable.ofString("requestReason");
  public static final String VAR_REQUEST_REASON = REQUEST_REASON.name();

  /**
   * Who started the process (the start event's {@code camunda:initiator}); null for the daily job.
   */
  public static final ProcessVariable<String> INITIATOR = ProcessVariable.ofString("initiator");

  public static final String VAR_INITIATOR = INITIATOR.name();

  /**
   * Scheduled and initial routes: the review's due date as the scheduler worked it out (ISO date).
   */
  public static final ProcessVariable<String> DUE_DATE_REQUESTED =
      ProcessVariable.ofString("requestedDueDate");

  public static final String VAR_DUE_DATE_REQUESTED = DUE_DATE_REQUESTED.name();

  // Set by Task_RegisterReview
  public static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.ofLong("reviewId");
  public static final String VAR_REVIEW_ID = REVIEW_ID.name();

  /** The review's reference (REV-000123), also the business key; shown in the forms. */
  public static final ProcessVariable<String> REVIEW_REF = ProcessVariable.ofString("reviewRef");

  public static final String VAR_REVIEW_REF = REVIEW_REF.name();
  public static final ProcessVariable<String> TEAM_GROUP = ProcessVariable.ofString("teamGroup");
  public static final String VAR_TEAM_GROUP = TEAM_GROUP.name();

  /** When the timer {@link #EVENT_OVERDUE} fires: see {@link ReviewProperties#overdueChase}. */
  public static final ProcessVariable<Date> ESCALATE_AT = ProcessVariable.ofDate("escalateAt");

  public static final String VAR_ESCALATE_AT = ESCALATE_AT.name();
  public static final ProcessVariable<String> REVIEW_WORKER =
      ProcessVariable.ofString("reviewWorker");
  public static final String VAR_REVIEW_WORKER = REVIEW_WORKER.name();

  /** The worker's task is due then (the review's due date, or a deferral's return-by date). */
  public static final ProcessVariable<Date> TASK_DUE_DATE = ProcessVariable.ofDate("taskDueDate");

  public static final String VAR_TASK_DUE_DATE = TASK_DUE_DATE.name();

  // Set when the review outcome is recorded
  /** A {@link ReviewOutcome} by name. */
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.ofString("outcome");

  public static final String VAR_OUTCOME = OUTCOME.name();

  /** A {@link ReviewPath} by name: the gateway {@link #GATEWAY_PATH} routes on it. */
  public static final ProcessVariable<String> REVIEW_PATH = ProcessVariable.ofString("reviewPath");

  public static final String VAR_REVIEW_PATH = REVIEW_PATH.name();

  // Panel
  /** The package request sent to the panel (named by the panel, which answers with it). */
  public static final ProcessVariable<Long> PANEL_REQUEST_ID = PanelMessages.REQUEST_ID;

  public static final ProcessVariable<Boolean> PANEL_APPROVED =
      ProcessVariable.ofBoolean("panelApproved");
  public static final String VAR_PANEL_APPROVED = PANEL_APPROVED.name();
  public static final ProcessVariable<Boolean> PANEL_DEFERRED =
      ProcessVariable.ofBoolean("panelDeferred");
  public static final String VAR_PANEL_DEFERRED = PANEL_DEFERRED.name();
  public static final ProcessVariable<String> PANEL_QUESTION =
      ProcessVariable.ofString("panelQuestion");
  public static final String VAR_PANEL_QUESTION = PANEL_QUESTION.name();

  /**
   * Who decided the request: PANEL or TEAM_MANAGER (the form words a deferral's question by it).
   */
  public static final ProcessVariable<String> PANEL_DECIDED_BY =
      ProcessVariable.ofString("panelDecidedBy");

  public static final String VAR_PANEL_DECIDED_BY = PANEL_DECIDED_BY.name();
  public static final ProcessVariable<String> PANEL_RATIONALE =
      ProcessVariable.ofString("panelRationale");
  public static final String VAR_PANEL_RATIONALE = PANEL_RATIONALE.name();

  // Continuing Healthcare (set by the message NhsChcDecision)
  public static final ProcessVariable<Boolean> CHC_ELIGIBLE =
      ProcessVariable.ofBoolean("chcEligible");
  public static final String VAR_CHC_ELIGIBLE = CHC_ELIGIBLE.name();

  /** The date NHS funding starts (ISO date). */
  public static final ProcessVariable<String> CHC_EFFECTIVE_DATE =
      ProcessVariable.ofString("chcEffectiveDate");

  public static final String VAR_CHC_EFFECTIVE_DATE = CHC_EFFECTIVE_DATE.name();
  public static final ProcessVariable<String> CHC_REFERENCE =
      ProcessVariable.ofString("chcReference");
  public static final String VAR_CHC_REFERENCE = CHC_REFERENCE.name();

  // Escalation
  /** When the team managers' chasing task is due: see {@link ReviewProperties#overdueChase}. */
  public static final ProcessVariable<Date> ESCALATION_DUE_DATE =
      ProcessVariable.ofDate("escalationDueDate");

  public static final String VAR_ESCALATION_DUE_DATE = ESCALATION_DUE_DATE.name();

  private ReviewProcess() {}
}

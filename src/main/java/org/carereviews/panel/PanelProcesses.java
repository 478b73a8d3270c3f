package org.carereviews.panel;

/** Ids in the panel's models (processes/panel/), used by code and tests. */
public final class PanelProcesses {

  /** One package request from arrival to decision (and, for an urgent start, panel's retrospective look). */
  public static final String REQUEST_PROCESS = "PackageRequest";
  /** One day's panel meeting. */
  public static final String MEETING_PROCESS = "SpendControlPanel";
  public static final String DELEGATED_AUTHORITY_DECISION = "DelegatedAuthority";

  public static final String TASK_DECIDE_UNDER_DELEGATED_AUTHORITY = "Task_DecideUnderDelegatedAuthority";
  public static final String TASK_DECIDE_AT_PANEL = "Task_DecideAtPanel";
  public static final String TASK_APPROVE_URGENT_START = "Task_ApproveUrgentStart";
  public static final String TASK_REVIEW_RETROSPECTIVELY = "Task_ReviewRetrospectively";
  public static final String TASK_ESCALATE_RETROSPECTIVE = "Task_EscalateOverdueRetrospective";
  public static final String TASK_ACT_ON_RETROSPECTIVE = "Task_ActOnRetrospectiveDecision";
  public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";

  /** Request process variables. */
  public static final String VAR_ROUTE = "route";
  public static final String VAR_TEAM_GROUP = "teamGroup";
  public static final String VAR_RETROSPECTIVE_DUE = "retrospectiveDue";
  /** Meeting process variables. */
  public static final String VAR_MEETING_DATE = "meetingDate";
  public static final String VAR_WORKING_DAY = "workingDay";
  public static final String VAR_MEETING_CLOSES = "meetingCloses";

  /** Business keys: a request's process is {@code request-<id>}, a meeting's {@code panel-<date>}. */
  public static String requestBusinessKey(long requestId) {
    return "request-" + requestId;
  }

  public static String meetingBusinessKey(java.time.LocalDate date) {
    return "panel-" + date;
  }

  private PanelProcesses() {
  }
}

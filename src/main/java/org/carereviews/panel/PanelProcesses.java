package org.carereviews.panel;

import java.time.LocalDate;
import java.util.Date;
import org.carereviews.workflow.ProcessVariable;

/**
 * Ids in the panel's models (processes/panel/), used by code and tests; each variable declared
 * once, typed.
 */
public final class PanelProcesses {

  /**
   * One package request from arrival to decision (and, for an urgent start, panel's retrospective
   * look).
   */
  public static final String REQUEST_PROCESS = "PackageRequest";

  /** One day's panel meeting. */
  public static final String MEETING_PROCESS = "SpendControlPanel";

  public static final String DELEGATED_AUTHORITY_DECISION = "DelegatedAuthority";

  public static final String TASK_DECIDE_UNDER_DELEGATED_AUTHORITY =
      "Task_DecideUnderDelegatedAuthority";
  public static final String TASK_DECIDE_AT_PANEL = "Task_DecideAtPanel";
  public static final String TASK_APPROVE_URGENT_START = "Task_ApproveUrgentStart";
  public static final String TASK_REVIEW_RETROSPECTIVELY = "Task_ReviewRetrospectively";
  public static final String TASK_ESCALATE_RETROSPECTIVE = "Task_EscalateOverdueRetrospective";
  public static final String TASK_ACT_ON_RETROSPECTIVE = "Task_ActOnRetrospectiveDecision";
  public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";

  /** Request process: who decides (a {@link PanelRoute} name; the model's gateways test it). */
  public static final ProcessVariable<String> ROUTE = ProcessVariable.ofString("route");

  /** Request process: the team's candidate group for a team manager's task. */
  public static final ProcessVariable<String> TEAM_GROUP = ProcessVariable.ofString("teamGroup");

  /** Request process: when an urgent start's retrospective look is overdue (the timer's date). */
  public static final ProcessVariable<Date> RETROSPECTIVE_DUE =
      ProcessVariable.ofDate("retrospectiveDue");

  /** Request process, a decision task's own: the panel pack the Tasklist form shows. */
  public static final ProcessVariable<String> PANEL_PACK = ProcessVariable.ofString("panelPack");

  /** Meeting process: the meeting's day ({@code yyyy-MM-dd}). */
  public static final ProcessVariable<String> MEETING_DATE =
      ProcessVariable.ofString("meetingDate");

  /** Meeting process: whether the day is a working day (the model's gateway tests it). */
  public static final ProcessVariable<Boolean> WORKING_DAY =
      ProcessVariable.ofBoolean("workingDay");

  /** Meeting process: when a meeting still open closes by itself (the timer's date). */
  public static final ProcessVariable<Date> MEETING_CLOSES =
      ProcessVariable.ofDate("meetingCloses");

  /**
   * Meeting process: the member who closed the meeting (set when the hold-meeting task completes).
   */
  public static final ProcessVariable<String> CLOSED_BY = ProcessVariable.ofString("closedBy");

  /** The names of the variables above, for models and tests that need the string. */
  public static final String VAR_ROUTE = ROUTE.name();

  public static final String VAR_TEAM_GROUP = TEAM_GROUP.name();
  public static final String VAR_RETROSPECTIVE_DUE = RETROSPECTIVE_DUE.name();
  public static final String VAR_MEETING_DATE = MEETING_DATE.name();
  public static final String VAR_WORKING_DAY = WORKING_DAY.name();
  public static final String VAR_MEETING_CLOSES = MEETING_CLOSES.name();

  /**
   * Business keys: a request's process is {@code request-<id>}, a meeting's {@code panel-<date>}.
   */
  public static String requestBusinessKey(long requestId) {
    return "request-" + requestId;
  }

  public static String meetingBusinessKey(LocalDate date) {
    return "panel-" + date;
  }

  private PanelProcesses() {}
}

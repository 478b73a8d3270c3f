package org.carereviews.savings.validation;

/** Keys, element ids, variables and outcomes of the savings processes, shared by delegates and tests. */
public final class SavingsProcesses {

  private SavingsProcesses() {
  }

  /** {@code processes/savings/SavingsValidation.bpmn}: one instance per identified saving. */
  public static final class Validation {
    public static final String KEY = "SavingsValidation";
    public static final String START = "Event_SavingIdentified";
    public static final String TASK_VALIDATE = "Task_ValidateSaving";
    public static final String TASK_SECOND_VALIDATION = "Task_SecondValidation";
    public static final String TASK_CORRECT_OR_WITHDRAW = "Task_CorrectOrWithdraw";
    public static final String GATEWAY_VALIDATION = "Gateway_ValidationOutcome";
    public static final String GATEWAY_SECOND_VALIDATION = "Gateway_SecondValidationOutcome";
    public static final String GATEWAY_RESUBMITTED = "Gateway_Resubmitted";
    public static final String END_VALIDATED = "Event_SavingValidated";
    public static final String END_WITHDRAWN = "Event_SavingWithdrawn";

    /** Long: the change entry of the saving. */
    public static final String VAR_COST_CHANGE_ID = "costChangeId";
    /** String: who recorded the saving (the correct-or-withdraw task is theirs). */
    public static final String VAR_RECORDED_BY = "recordedBy";
    /** String: one of the OUTCOME_ values, set by the task listeners. */
    public static final String VAR_OUTCOME = "validationOutcome";

    public static final String OUTCOME_VALIDATED = "VALIDATED";
    public static final String OUTCOME_SECOND_VALIDATION = "SECOND_VALIDATION";
    public static final String OUTCOME_REJECTED = "REJECTED";
    public static final String OUTCOME_RESUBMITTED = "RESUBMITTED";
    public static final String OUTCOME_WITHDRAWN = "WITHDRAWN";

    /** Form fields of the validation tasks (removed from the process once recorded). */
    public static final String FIELD_DECISION = "validationDecision";
    public static final String FIELD_VALIDATED_WEEKLY_DELTA = "validatedWeeklyDelta";
    public static final String FIELD_NEW_COST_LIVE = "newCostLive";
    public static final String FIELD_REASON = "validationReason";
    /** Form fields of the recorder's task. */
    public static final String FIELD_RECORDER_DECISION = "recorderDecision";
    public static final String FIELD_RECORDER_NOTE = "recorderNote";

    public static String businessKey(long costChangeId) {
      return "saving-" + costChangeId;
    }

    private Validation() {
    }
  }

  /** {@code processes/savings/ChangeAndEfficiencyBoard.bpmn}: one instance per monthly list. */
  public static final class Board {
    public static final String KEY = "ChangeAndEfficiencyBoard";
    public static final String START = "Event_BoardListDue";
    public static final String TASK_GATHER = "Task_GatherValidatedSavings";
    public static final String GATEWAY_ANYTHING = "Gateway_AnythingToRatify";
    public static final String TASK_RATIFY = "Task_RatifyBoardList";
    public static final String END_DECIDED = "Event_BoardListDecided";
    public static final String END_NOTHING = "Event_NothingToRatify";

    /** String (yyyy-MM): the month of the meeting whose list is gathered. */
    public static final String VAR_MONTH = "boardMonth";
    /** String: who asked for the list (the schedule, or a user). */
    public static final String VAR_GATHERED_BY = "gatheredBy";
    /** Long: the board meeting. */
    public static final String VAR_MEETING_ID = "boardMeetingId";
    /** Integer: how many savings are on the list. */
    public static final String VAR_ITEM_COUNT = "boardItemCount";
    /**
     * String, local to the ratification task: what the list holds, per kind (count and validated
     * totals), for the Tasklist form. Bounded by the number of kinds: the list itself stays in
     * {@code board_item}, never in a process variable.
     */
    public static final String VAR_SUMMARY = "boardSummary";
    /**
     * Form field: the savings held back, one a line: {@code <cost change id>: <reason>}. From a
     * Tasklist form it is at most {@link #HOLD_BACKS_FORM_MAX} characters; the API passes it as a
     * transient variable, never stored.
     */
    public static final String FIELD_HOLD_BACKS = "boardHoldBacks";
    /** The most a Tasklist form's hold-backs may hold (the engine keeps form fields in its history). */
    public static final int HOLD_BACKS_FORM_MAX = 3000;

    public static String businessKey(String month) {
      return "board-" + month;
    }

    private Board() {
    }
  }

  /** {@code processes/savings/EfficiencyProposal.bpmn}: a new savings line checked for achievability. */
  public static final class Proposal {
    public static final String KEY = "EfficiencyProposal";
    public static final String START = "Event_EfficiencyProposed";
    public static final String TASK_CHECK = "Task_CheckAchievability";
    public static final String GATEWAY_ACHIEVABLE = "Gateway_Achievable";
    public static final String TASK_ADD = "Task_AddToProgramme";
    public static final String END_ADDED = "Event_AddedToProgramme";
    public static final String END_NOT_ACHIEVABLE = "Event_NotAchievable";

    /** Long: the proposal. */
    public static final String VAR_PROPOSAL_ID = "proposalId";
    /** String: who proposed it (may not check it). */
    public static final String VAR_PROPOSED_BY = "proposedBy";
    /** Boolean: set by the check's listener. */
    public static final String VAR_ACHIEVABLE = "achievable";
    /** Form fields of the check. */
    public static final String FIELD_ACHIEVABLE = "checkAchievable";
    public static final String FIELD_NOTE = "checkNote";

    public static String businessKey(long proposalId) {
      return "proposal-" + proposalId;
    }

    private Proposal() {
    }
  }
}

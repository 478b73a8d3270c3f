package org.carereviews.savings.validation;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.carereviews.savings.CostChangeId;
import org.carereviews.workflow.ProcessVariable;

/**
 * Keys, element ids, variables and outcomes of the savings processes, shared by delegates and
 * tests. Each process variable is declared once, typed; its {@code VAR_} name is derived from it
 * for the tests and the models' expressions.
 */
final class SavingsProcesses {

  private SavingsProcesses() {}

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

    /** The change entry of the saving (a {@code CostChangeId}'s value). */
    public static final ProcessVariable<Long> COST_CHANGE_ID =
        ProcessVariable.ofLong("costChangeId");

    public static final String VAR_COST_CHANGE_ID = COST_CHANGE_ID.name();

    /** Who recorded the saving (the correct-or-withdraw task is theirs: {@code ${recordedBy}}). */
    public static final ProcessVariable<String> RECORDED_BY =
        ProcessVariable.ofString("recordedBy");

    public static final String VAR_RECORDED_BY = RECORDED_BY.name();

    /** One of the OUTCOME_ values, set by the task listeners. */
    public static final ProcessVariable<String> OUTCOME =
        ProcessVariable.ofString("validationOutcome");

    public static final String VAR_OUTCOME = OUTCOME.name();

    /** Local to a validation task: the saving's evidence as Markdown, for the Tasklist form. */
    public static final ProcessVariable<String> EVIDENCE =
        ProcessVariable.ofString("savingEvidence");

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

    /** What a saving's validation starts with. */
    public static Map<String, Object> startVariables(CostChangeId costChangeId, String recordedBy) {
      Map<String, Object> variables = new HashMap<>();
      COST_CHANGE_ID.put(variables, costChangeId.value());
      return RECORDED_BY.put(variables, recordedBy);
    }

    private Validation() {}
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

    /** The month (yyyy-MM) of the meeting whose list is gathered. */
    public static final ProcessVariable<String> MONTH = ProcessVariable.ofString("boardMonth");

    public static final String VAR_MONTH = MONTH.name();

    /** Who asked for the list (the schedule, or a user). */
    public static final ProcessVariable<String> GATHERED_BY =
        ProcessVariable.ofString("gatheredBy");

    public static final String VAR_GATHERED_BY = GATHERED_BY.name();

    /** The board meeting. */
    public static final ProcessVariable<Long> MEETING_ID = ProcessVariable.ofLong("boardMeetingId");

    public static final String VAR_MEETING_ID = MEETING_ID.name();

    /** How many savings are on the list ({@code ${boardItemCount > 0}}). */
    public static final ProcessVariable<Integer> ITEM_COUNT =
        ProcessVariable.ofInteger("boardItemCount");

    public static final String VAR_ITEM_COUNT = ITEM_COUNT.name();

    /**
     * Local to the ratification task: what the list holds, per kind (count and validated totals),
     * for the Tasklist form. Bounded by the number of kinds: the list itself stays in {@code
     * board_item}, never in a process variable.
     */
    public static final ProcessVariable<String> SUMMARY = ProcessVariable.ofString("boardSummary");

    public static final String VAR_SUMMARY = SUMMARY.name();

    /**
     * Form field: the savings held back, one a line: {@code <cost change id>: <reason>}. From a
     * Tasklist form it is at most {@link #HOLD_BACKS_FORM_MAX} characters; the API passes it as a
     * transient variable, never stored.
     */
    public static final String FIELD_HOLD_BACKS = "boardHoldBacks";

    /**
     * The most a Tasklist form's hold-backs may hold (the engine keeps form fields in its history).
     */
    public static final int HOLD_BACKS_FORM_MAX = 3000;

    public static String businessKey(String month) {
      return "board-" + month;
    }

    /** What the gathering of a month's list starts with. */
    public static Map<String, Object> startVariables(YearMonth month, String gatheredBy) {
      Map<String, Object> variables = new HashMap<>();
      MONTH.put(variables, month.toString());
      return GATHERED_BY.put(variables, gatheredBy);
    }

    private Board() {}
  }

  /**
   * {@code processes/savings/EfficiencyProposal.bpmn}: a new savings line checked for
   * achievability.
   */
  public static final class Proposal {
    public static final String KEY = "EfficiencyProposal";
    public static final String START = "Event_EfficiencyProposed";
    public static final String TASK_CHECK = "Task_CheckAchievability";
    public static final String GATEWAY_ACHIEVABLE = "Gateway_Achievable";
    public static final String TASK_ADD = "Task_AddToProgramme";
    public static final String END_ADDED = "Event_AddedToProgramme";
    public static final String END_NOT_ACHIEVABLE = "Event_NotAchievable";

    /** The proposal. */
    public static final ProcessVariable<Long> PROPOSAL_ID = ProcessVariable.ofLong("proposalId");

    public static final String VAR_PROPOSAL_ID = PROPOSAL_ID.name();

    /** Who proposed it (may not check it). */
    public static final ProcessVariable<String> PROPOSED_BY =
        ProcessVariable.ofString("proposedBy");

    public static final String VAR_PROPOSED_BY = PROPOSED_BY.name();

    /** Set by the check's listener ({@code ${achievable}}). */
    public static final ProcessVariable<Boolean> ACHIEVABLE =
        ProcessVariable.ofBoolean("achievable");

    public static final String VAR_ACHIEVABLE = ACHIEVABLE.name();

    /** Local to the check: the proposal as Markdown, for the Tasklist form. */
    public static final ProcessVariable<String> SUMMARY =
        ProcessVariable.ofString("proposalSummary");

    /** Form fields of the check. */
    public static final String FIELD_ACHIEVABLE = "checkAchievable";

    public static final String FIELD_NOTE = "checkNote";

    public static String businessKey(long proposalId) {
      return "proposal-" + proposalId;
    }

    /** What a proposal's check starts with. */
    public static Map<String, Object> startVariables(long proposalId, String proposedBy) {
      Map<String, Object> variables = new HashMap<>();
      PROPOSAL_ID.put(variables, proposalId);
      return PROPOSED_BY.put(variables, proposedBy);
    }

    private Proposal() {}
  }
}

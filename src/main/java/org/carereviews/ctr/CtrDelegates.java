package org.carereviews.ctr;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carereviews.panel.PanelMessages;
import org.carereviews.panel.PanelOutcome;
import org.springframework.stereotype.Component;

/**
 * The thin delegates of the CTR process models: each reads its typed variables, calls one step
 * and writes back at most a flag. A refused step throws, so the task it follows stays open and
 * nothing is recorded.
 */
final class CtrDelegates {

  private CtrDelegates() {
  }

  private static long reviewId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CtrProcesses.VAR_REVIEW_ID)).longValue();
  }

  private static long actionId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CtrProcesses.VAR_ACTION_ID)).longValue();
  }

  private static String actor(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? "ctr-process" : authentication.getUserId();
  }

  private static StepInputs inputs(DelegateExecution execution, Clock clock) {
    return new StepInputs(execution.getVariables(), clock.getZone());
  }

  /** {@code ${ctrRecordPanel}}: after Task_ConvenePanel. */
  @Component("ctrRecordPanel")
  static class RecordPanel implements JavaDelegate {
    private final CtrReviewSteps steps;
    private final Clock clock;

    RecordPanel(CtrReviewSteps steps, Clock clock) {
      this.steps = steps;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.convene(reviewId(execution), inputs(execution, clock));
    }
  }

  /** {@code ${ctrRecordConsent}}: after Task_RecordConsent. */
  @Component("ctrRecordConsent")
  static class RecordConsent implements JavaDelegate {
    private final CtrReviewSteps steps;
    private final Clock clock;

    RecordConsent(CtrReviewSteps steps, Clock clock) {
      this.steps = steps;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.recordConsent(reviewId(execution), inputs(execution, clock), actor(execution));
    }
  }

  /** {@code ${ctrSharePapers}}: after Task_SharePapers. */
  @Component("ctrSharePapers")
  static class SharePapers implements JavaDelegate {
    private final CtrReviewSteps steps;
    private final Clock clock;

    SharePapers(CtrReviewSteps steps, Clock clock) {
      this.steps = steps;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.sharePapers(reviewId(execution), inputs(execution, clock), actor(execution));
    }
  }

  /** {@code ${ctrRecordMeeting}}: after Task_RecordMeeting; sets {@code dischargeRecommended}. */
  @Component("ctrRecordMeeting")
  static class RecordMeeting implements JavaDelegate {
    private final CtrReviewSteps steps;
    private final Clock clock;

    RecordMeeting(CtrReviewSteps steps, Clock clock) {
      this.steps = steps;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      boolean discharge = steps.recordMeeting(reviewId(execution), inputs(execution, clock), actor(execution));
      execution.setVariable(CtrProcesses.VAR_DISCHARGE_RECOMMENDED, discharge);
    }
  }

  /** {@code ${ctrRecordDischargePlan}}: after Task_PlanDischarge. */
  @Component("ctrRecordDischargePlan")
  static class RecordDischargePlan implements JavaDelegate {
    private final CtrDischarge discharge;
    private final Clock clock;

    RecordDischargePlan(CtrDischarge discharge, Clock clock) {
      this.discharge = discharge;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      discharge.plan(reviewId(execution), inputs(execution, clock), actor(execution));
    }
  }

  /** {@code ${ctrSubmitPackageRequest}}: Task_SubmitPackageRequest. */
  @Component("ctrSubmitPackageRequest")
  static class SubmitPackageRequest implements JavaDelegate {
    private final CtrDischarge discharge;

    SubmitPackageRequest(CtrDischarge discharge) {
      this.discharge = discharge;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long requestId = discharge.submit(reviewId(execution), execution.getProcessInstanceId());
      execution.setVariable(PanelMessages.VAR_REQUEST_ID, requestId);
    }
  }

  /** {@code ${ctrApplyPanelDecision}}: after Event_PanelDecisionReceived; sets {@code panelApproved}, {@code panelDeferred}. */
  @Component("ctrApplyPanelDecision")
  static class ApplyPanelDecision implements JavaDelegate {
    private final CtrDischarge discharge;

    ApplyPanelDecision(CtrDischarge discharge) {
      this.discharge = discharge;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long requestId = ((Number) execution.getVariable(PanelMessages.VAR_REQUEST_ID)).longValue();
      PanelOutcome outcome = discharge.decided(reviewId(execution), requestId);
      execution.setVariable(CtrProcesses.VAR_PANEL_APPROVED, outcome.approves());
      execution.setVariable(CtrProcesses.VAR_PANEL_DEFERRED, outcome == PanelOutcome.DEFERRED);
    }
  }

  /** {@code ${ctrRecordGrowth}}: Task_RecordGrowth. */
  @Component("ctrRecordGrowth")
  static class RecordGrowth implements JavaDelegate {
    private final CtrDischarge discharge;

    RecordGrowth(CtrDischarge discharge) {
      this.discharge = discharge;
    }

    @Override
    public void execute(DelegateExecution execution) {
      discharge.recordGrowth(reviewId(execution), actor(execution));
    }
  }

  /** {@code ${ctrRecordOversightVisit}}: after Task_RecordOversightVisit. */
  @Component("ctrRecordOversightVisit")
  static class RecordOversightVisit implements JavaDelegate {
    private final CtrReviewSteps steps;
    private final Clock clock;

    RecordOversightVisit(CtrReviewSteps steps, Clock clock) {
      this.steps = steps;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.recordOversightVisit(reviewId(execution), inputs(execution, clock), actor(execution));
    }
  }

  /** {@code ${ctrEscalateAction}}: when an action becomes overdue. */
  @Component("ctrEscalateAction")
  static class EscalateAction implements JavaDelegate {
    private final CtrReviewSteps steps;

    EscalateAction(CtrReviewSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.actionEscalated(actionId(execution));
    }
  }

  /** {@code ${ctrCompleteAction}}: after Task_CompleteAction. */
  @Component("ctrCompleteAction")
  static class CompleteAction implements JavaDelegate {
    private final CtrReviewSteps steps;
    private final Clock clock;

    CompleteAction(CtrReviewSteps steps, Clock clock) {
      this.steps = steps;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.actionDone(actionId(execution), inputs(execution, clock), actor(execution));
    }
  }

  /** {@code ${ctrStartDueReviews}}: the daily job. */
  @Component("ctrStartDueReviews")
  static class StartDueReviews implements JavaDelegate {
    private final CtrSchedule schedule;

    StartDueReviews(CtrSchedule schedule) {
      this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
      schedule.startDue();
    }
  }
}

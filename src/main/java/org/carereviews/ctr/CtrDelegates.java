package org.carereviews.ctr;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carereviews.panel.PanelMessages;
import org.carereviews.panel.PanelOutcome;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of the CTR process models, referenced by bean name from the BPMN
 * ({@code camunda:delegateExpression="${...}"}): each reads its typed variables, calls one step and
 * writes back at most a flag. A refused step throws, so the task it follows stays open and nothing
 * is recorded.
 */
@Configuration
class CtrDelegates {

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

  /** After Task_ConvenePanel. */
  @Bean
  JavaDelegate ctrRecordPanel(CtrReviewSteps steps, Clock clock) {
    return execution -> steps.convene(reviewId(execution), inputs(execution, clock));
  }

  /** After Task_RecordConsent. */
  @Bean
  JavaDelegate ctrRecordConsent(CtrReviewSteps steps, Clock clock) {
    return execution -> steps.recordConsent(reviewId(execution), inputs(execution, clock), actor(execution));
  }

  /** After Task_SharePapers. */
  @Bean
  JavaDelegate ctrSharePapers(CtrReviewSteps steps, Clock clock) {
    return execution -> steps.sharePapers(reviewId(execution), inputs(execution, clock), actor(execution));
  }

  /** After Task_RecordMeeting; sets {@code dischargeRecommended}. */
  @Bean
  JavaDelegate ctrRecordMeeting(CtrReviewSteps steps, Clock clock) {
    return execution -> {
      boolean discharge = steps.recordMeeting(reviewId(execution), inputs(execution, clock), actor(execution));
      execution.setVariable(CtrProcesses.VAR_DISCHARGE_RECOMMENDED, discharge);
      // recorded in our tables: the process keeps ids and flags, not the answers or the recommendations list
      execution.removeVariables(java.util.List.of(CtrProcesses.VAR_ANSWER_SAFE, CtrProcesses.VAR_ANSWER_GOOD_CARE,
          CtrProcesses.VAR_ANSWER_FUTURE_PLAN, CtrProcesses.VAR_ANSWER_NEED_HOSPITAL, CtrProcesses.VAR_RECOMMENDATIONS));
    };
  }

  /** After Task_PlanDischarge. */
  @Bean
  JavaDelegate ctrRecordDischargePlan(CtrDischarge discharge, Clock clock) {
    return execution -> discharge.plan(reviewId(execution), inputs(execution, clock), actor(execution));
  }

  /** Task_SubmitPackageRequest: the discharge package goes to the spend-control panel. */
  @Bean
  JavaDelegate ctrSubmitPackageRequest(CtrDischarge discharge) {
    return execution -> execution.setVariable(PanelMessages.VAR_REQUEST_ID,
        discharge.submit(reviewId(execution), execution.getProcessInstanceId()));
  }

  /** After Event_PanelDecisionReceived; sets {@code panelApproved} and {@code panelDeferred}. */
  @Bean
  JavaDelegate ctrApplyPanelDecision(CtrDischarge discharge) {
    return execution -> {
      long requestId = ((Number) execution.getVariable(PanelMessages.VAR_REQUEST_ID)).longValue();
      PanelOutcome outcome = discharge.decided(reviewId(execution), requestId);
      execution.setVariable(CtrProcesses.VAR_PANEL_APPROVED, outcome.approves());
      execution.setVariable(CtrProcesses.VAR_PANEL_DEFERRED, outcome == PanelOutcome.DEFERRED);
    };
  }

  /** Task_RecordGrowth. */
  @Bean
  JavaDelegate ctrRecordGrowth(CtrDischarge discharge) {
    return execution -> discharge.recordGrowth(reviewId(execution), actor(execution));
  }

  /** After Task_RecordOversightVisit. */
  @Bean
  JavaDelegate ctrRecordOversightVisit(CtrReviewSteps steps, Clock clock) {
    return execution -> steps.recordOversightVisit(reviewId(execution), inputs(execution, clock), actor(execution));
  }

  /** When an action becomes overdue. */
  @Bean
  JavaDelegate ctrEscalateAction(CtrReviewSteps steps) {
    return execution -> steps.actionEscalated(actionId(execution));
  }

  /** After Task_CompleteAction. */
  @Bean
  JavaDelegate ctrCompleteAction(CtrReviewSteps steps, Clock clock) {
    return execution -> steps.actionDone(actionId(execution), inputs(execution, clock), actor(execution));
  }

  /** The daily job. */
  @Bean
  JavaDelegate ctrStartDueReviews(CtrSchedule schedule) {
    return execution -> schedule.startDue();
  }
}

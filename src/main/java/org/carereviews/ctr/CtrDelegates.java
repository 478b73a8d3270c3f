package org.carereviews.ctr;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.workflow.FormValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of the CTR process models, referenced by bean name from the BPMN ({@code
 * camunda:delegateExpression="${...}"}): each reads its typed variables (and what the step was
 * given), calls one step and writes back at most its result. A refused step throws, so the task it
 * follows stays open and nothing is recorded.
 */
@Configuration
class CtrDelegates {

  /** The recorded meeting's fields: kept in our tables, not in the process. */
  private static final List<String> MEETING_FIELDS =
      List.of(
          CtrProcesses.VAR_ANSWER_SAFE,
          CtrProcesses.VAR_ANSWER_GOOD_CARE,
          CtrProcesses.VAR_ANSWER_FUTURE_PLAN,
          CtrProcesses.VAR_ANSWER_NEED_HOSPITAL,
          CtrProcesses.VAR_RECOMMENDATIONS);

  private static FormValues given(VariableScope execution, Clock clock) {
    return FormValues.of(execution, clock.getZone());
  }

  /** After Task_ConvenePanel. */
  @Bean
  JavaDelegate ctrRecordPanel(CtrReviewSteps steps, Clock clock) {
    return execution ->
        steps.convene(CtrProcesses.REVIEW_ID.require(execution), given(execution, clock));
  }

  /** After Task_RecordConsent. */
  @Bean
  JavaDelegate ctrRecordConsent(CtrReviewSteps steps, Clock clock) {
    return execution ->
        steps.recordConsent(CtrProcesses.REVIEW_ID.require(execution), given(execution, clock));
  }

  /** After Task_SharePapers. */
  @Bean
  JavaDelegate ctrSharePapers(CtrReviewSteps steps, Clock clock) {
    return execution ->
        steps.sharePapers(CtrProcesses.REVIEW_ID.require(execution), given(execution, clock));
  }

  /** After Task_RecordMeeting; sets {@code dischargeRecommended} and drops the meeting's fields. */
  @Bean
  JavaDelegate ctrRecordMeeting(CtrReviewSteps steps, Clock clock) {
    return execution -> {
      boolean discharge =
          steps.recordMeeting(CtrProcesses.REVIEW_ID.require(execution), given(execution, clock));
      CtrProcesses.DISCHARGE_RECOMMENDED.write(execution, discharge);
      execution.removeVariables(MEETING_FIELDS);
    };
  }

  /** After Task_PlanDischarge. */
  @Bean
  JavaDelegate ctrRecordDischargePlan(CtrDischarge discharge, Clock clock) {
    return execution ->
        discharge.plan(CtrProcesses.REVIEW_ID.require(execution), given(execution, clock));
  }

  /** Task_SubmitPackageRequest: the discharge package goes to the spend-control panel. */
  @Bean
  JavaDelegate ctrSubmitPackageRequest(CtrDischarge discharge) {
    return execution ->
        CtrProcesses.PANEL_REQUEST_ID.write(
            execution,
            discharge.submit(
                CtrProcesses.REVIEW_ID.require(execution), execution.getProcessInstanceId()));
  }

  /** After Event_PanelDecisionReceived; sets {@code panelApproved} and {@code panelDeferred}. */
  @Bean
  JavaDelegate ctrApplyPanelDecision(CtrDischarge discharge) {
    return execution -> {
      PanelOutcome outcome =
          discharge.decided(
              CtrProcesses.REVIEW_ID.require(execution),
              CtrProcesses.PANEL_REQUEST_ID.require(execution));
      CtrProcesses.PANEL_APPROVED.write(execution, outcome.approves());
      CtrProcesses.PANEL_DEFERRED.write(execution, outcome == PanelOutcome.DEFERRED);
    };
  }

  /** Task_RecordGrowth. */
  @Bean
  JavaDelegate ctrRecordGrowth(CtrDischarge discharge) {
    return execution -> discharge.recordGrowth(CtrProcesses.REVIEW_ID.require(execution));
  }

  /** After Task_RecordOversightVisit. */
  @Bean
  JavaDelegate ctrRecordOversightVisit(CtrReviewSteps steps, Clock clock) {
    return execution ->
        steps.recordOversightVisit(
            CtrProcesses.REVIEW_ID.require(execution), given(execution, clock));
  }

  /** When an action becomes overdue. */
  @Bean
  JavaDelegate ctrEscalateAction(CtrReviewSteps steps) {
    return execution -> steps.actionEscalated(CtrProcesses.ACTION_ID.require(execution));
  }

  /** After Task_CompleteAction. */
  @Bean
  JavaDelegate ctrCompleteAction(CtrReviewSteps steps, Clock clock) {
    return execution ->
        steps.actionDone(CtrProcesses.ACTION_ID.require(execution), given(execution, clock));
  }

  /** The daily job. */
  @Bean
  JavaDelegate ctrStartDueReviews(CtrSchedule schedule) {
    return execution -> schedule.startDue();
  }
}

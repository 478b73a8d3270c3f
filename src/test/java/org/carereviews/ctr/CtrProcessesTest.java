package org.carereviews.ctr;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.panel.PanelMessages;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the CTR process models, with the delegates mocked. */
@Deployment(
    resources = {
      "processes/ctr/CareAndTreatmentReview.bpmn",
      "processes/ctr/CtrActionFollowUp.bpmn",
      "processes/ctr/CtrOversightVisit.bpmn",
      "processes/ctr/CtrDailySchedule.bpmn"
    })
class CtrProcessesTest {

  @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.fullCoverage();

  ProcessEngine processEngine;

  private final JavaDelegate recordPanel = mock(JavaDelegate.class);
  private final JavaDelegate recordConsent = mock(JavaDelegate.class);
  private final JavaDelegate sharePapers = mock(JavaDelegate.class);
  private final JavaDelegate recordMeeting = mock(JavaDelegate.class);
  private final JavaDelegate recordDischargePlan = mock(JavaDelegate.class);
  private final JavaDelegate submitPackageRequest = mock(JavaDelegate.class);
  private final JavaDelegate applyPanelDecision = mock(JavaDelegate.class);
  private final JavaDelegate recordGrowth = mock(JavaDelegate.class);
  private final JavaDelegate recordOversightVisit = mock(JavaDelegate.class);
  private final JavaDelegate escalateAction = mock(JavaDelegate.class);
  private final JavaDelegate completeAction = mock(JavaDelegate.class);
  private final JavaDelegate startDueReviews = mock(JavaDelegate.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("ctrRecordPanel", recordPanel);
    Mocks.register("ctrRecordConsent", recordConsent);
    Mocks.register("ctrSharePapers", sharePapers);
    Mocks.register("ctrRecordMeeting", recordMeeting);
    Mocks.register("ctrRecordDischargePlan", recordDischargePlan);
    Mocks.register("ctrSubmitPackageRequest", submitPackageRequest);
    Mocks.register("ctrApplyPanelDecision", applyPanelDecision);
    Mocks.register("ctrRecordGrowth", recordGrowth);
    Mocks.register("ctrRecordOversightVisit", recordOversightVisit);
    Mocks.register("ctrEscalateAction", escalateAction);
    Mocks.register("ctrCompleteAction", completeAction);
    Mocks.register("ctrStartDueReviews", startDueReviews);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance reviewAtMeeting(boolean dischargeRecommended) throws Exception {
    doAnswer(
            call -> {
              ((DelegateExecution) call.getArgument(0))
                  .setVariable(CtrProcesses.VAR_DISCHARGE_RECOMMENDED, dischargeRecommended);
              return null;
            })
        .when(recordMeeting)
        .execute(any());
    ProcessInstance review =
        runtimeService()
            .startProcessInstanceByKey(
                CtrProcesses.REVIEW,
                "CTR-000001",
                withVariables(
                    CtrProcesses.VAR_REVIEW_ID, 1L, CtrProcesses.VAR_TEAM_GROUP, "team-north"));
    assertThat(review).isWaitingAt(CtrProcesses.TASK_CONVENE_PANEL);
    assertThat(task()).hasCandidateGroup("ctr-chair");
    complete(task(), withVariables(CtrProcesses.VAR_CHAIR, "ctr.chair"));
    assertThat(review).isWaitingAt(CtrProcesses.TASK_RECORD_CONSENT);
    assertThat(task()).hasCandidateGroup("team-north");
    complete(task());
    assertThat(review).isWaitingAt(CtrProcesses.TASK_SHARE_PAPERS);
    complete(task());
    assertThat(review).isWaitingAt(CtrProcesses.TASK_RECORD_MEETING);
    assertThat(task()).isAssignedTo("ctr.chair");
    complete(task());
    return review;
  }

  private void decisionSays(boolean approved, boolean deferred) throws Exception {
    doAnswer(
            call -> {
              DelegateExecution execution = call.getArgument(0);
              execution.setVariable(CtrProcesses.VAR_PANEL_APPROVED, approved);
              execution.setVariable(CtrProcesses.VAR_PANEL_DEFERRED, deferred);
              return null;
            })
        .when(applyPanelDecision)
        .execute(any());
  }

  private void panelDecides(ProcessInstance review, String outcome) {
    runtimeService()
        .createMessageCorrelation(PanelMessages.DECISION)
        .processInstanceId(review.getId())
        .setVariable(PanelMessages.VAR_REQUEST_ID, 7L)
        .setVariable(PanelMessages.VAR_OUTCOME, outcome)
        .correlate();
  }

  @Test
  void reviewWithoutDischargeEndsWhenTheMeetingIsRecorded() throws Exception {
    ProcessInstance review = reviewAtMeeting(false);

    assertThat(review)
        .isEnded()
        .hasPassedInOrder(
            CtrProcesses.TASK_CONVENE_PANEL,
            "Task_SavePanel",
            CtrProcesses.TASK_RECORD_CONSENT,
            "Task_SaveConsent",
            CtrProcesses.TASK_SHARE_PAPERS,
            "Task_SavePapersShared",
            CtrProcesses.TASK_RECORD_MEETING,
            "Task_SaveMeeting",
            CtrProcesses.EVENT_REVIEW_COMPLETED);
    verifyNoInteractions(recordDischargePlan, submitPackageRequest);
  }

  @Test
  void refusedStepLeavesTheTaskOpen() throws Exception {
    doThrow(new InvalidRequestException("expertByExperience", "is required"))
        .when(recordPanel)
        .execute(any());
    ProcessInstance review =
        runtimeService()
            .startProcessInstanceByKey(
                CtrProcesses.REVIEW,
                withVariables(
                    CtrProcesses.VAR_REVIEW_ID, 1L, CtrProcesses.VAR_TEAM_GROUP, "team-north"));
    assertThat(review).isWaitingAt(CtrProcesses.TASK_CONVENE_PANEL);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task()))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(review).isWaitingAt(CtrProcesses.TASK_CONVENE_PANEL);
  }

  @Test
  void approvedDischargeRecordsTheGrowth() throws Exception {
    ProcessInstance review = reviewAtMeeting(true);
    assertThat(review).isWaitingAt(CtrProcesses.TASK_PLAN_DISCHARGE);
    assertThat(task()).hasCandidateGroup("team-north");
    complete(task());
    assertThat(review).isWaitingAt(CtrProcesses.EVENT_PANEL_DECISION_RECEIVED);
    verify(submitPackageRequest).execute(any());
    decisionSays(true, false);

    panelDecides(review, "APPROVED");

    assertThat(review)
        .isEnded()
        .hasPassed(CtrProcesses.TASK_RECORD_GROWTH, CtrProcesses.EVENT_DISCHARGE_FUNDED);
    verify(recordGrowth).execute(any());
  }

  @Test
  void deferredDischargeGoesBackToThePlanAndIsSentAgain() throws Exception {
    ProcessInstance review = reviewAtMeeting(true);
    complete(task());
    decisionSays(false, true);

    panelDecides(review, "DEFERRED");

    assertThat(review).isWaitingAt(CtrProcesses.TASK_PLAN_DISCHARGE);
    complete(task());
    assertThat(review).isWaitingAt(CtrProcesses.EVENT_PANEL_DECISION_RECEIVED);
  }

  @Test
  void declinedDischargeEndsWithoutGrowth() throws Exception {
    ProcessInstance review = reviewAtMeeting(true);
    complete(task());
    decisionSays(false, false);

    panelDecides(review, "DECLINED");

    assertThat(review).isEnded().hasPassed(CtrProcesses.EVENT_DISCHARGE_DECLINED);
    verifyNoInteractions(recordGrowth);
  }

  private ProcessInstance action(Date overdueAt) {
    return runtimeService()
        .startProcessInstanceByKey(
            CtrProcesses.ACTION_FOLLOW_UP,
            withVariables(
                CtrProcesses.VAR_ACTION_ID,
                3L,
                CtrProcesses.VAR_ACTION_OWNER,
                "sw.north",
                CtrProcesses.VAR_CHAIR,
                "ctr.chair",
                CtrProcesses.VAR_ACTION_OVERDUE_AT,
                overdueAt));
  }

  @Test
  void actionDoneByItsOwnerEndsTheFollowUp() throws Exception {
    ProcessInstance action = action(new Date(System.currentTimeMillis() + 86_400_000L));
    assertThat(action).isWaitingAt(CtrProcesses.TASK_COMPLETE_ACTION);
    assertThat(task()).isAssignedTo("sw.north");

    complete(task(), withVariables(CtrProcesses.VAR_ACTION_NOTE, "done"));

    assertThat(action).isEnded().hasPassed(CtrProcesses.EVENT_ACTION_DONE);
    verify(completeAction).execute(any());
    verifyNoInteractions(escalateAction);
  }

  @Test
  void overdueActionIsEscalatedToTheChairAndStaysOpen() throws Exception {
    ProcessInstance action = action(new Date(System.currentTimeMillis() + 86_400_000L));
    assertThat(action).isWaitingAt(CtrProcesses.TASK_COMPLETE_ACTION);
    assertThat(job()).isNotNull();

    execute(job());

    verify(escalateAction).execute(any());
    assertThat(action)
        .isWaitingAt(CtrProcesses.TASK_COMPLETE_ACTION, CtrProcesses.TASK_CHASE_OVERDUE_ACTION);
    assertThat(task(CtrProcesses.TASK_CHASE_OVERDUE_ACTION)).isAssignedTo("ctr.chair");
    complete(task(CtrProcesses.TASK_CHASE_OVERDUE_ACTION));
    assertThat(action)
        .hasPassed("Event_OverdueActionChased")
        .isWaitingAt(CtrProcesses.TASK_COMPLETE_ACTION);
    complete(task(CtrProcesses.TASK_COMPLETE_ACTION));
    assertThat(action).isEnded();
  }

  @Test
  void oversightVisitIsRecorded() throws Exception {
    ProcessInstance visit =
        runtimeService()
            .startProcessInstanceByKey(
                CtrProcesses.OVERSIGHT_VISIT,
                withVariables(
                    CtrProcesses.VAR_REVIEW_ID, 2L, CtrProcesses.VAR_TEAM_GROUP, "team-south"));
    assertThat(visit).isWaitingAt(CtrProcesses.TASK_RECORD_OVERSIGHT_VISIT);
    assertThat(task()).hasCandidateGroup("ctr-chair").hasCandidateGroup("team-south");

    complete(task());

    assertThat(visit).isEnded().hasPassed("Task_SaveOversightVisit", "Event_VisitRecorded");
    verify(recordOversightVisit).execute(any());
  }

  @Test
  void dailyScheduleStartsWhatFallsDue() throws Exception {
    processEngine.getRuntimeService().startProcessInstanceByKey(CtrProcesses.DAILY_SCHEDULE);

    verify(startDueReviews).execute(any());
    org.assertj.core.api.Assertions.assertThat(
            processEngine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CtrProcesses.DAILY_SCHEDULE)
                .finished()
                .count())
        .isEqualTo(1);
  }
}

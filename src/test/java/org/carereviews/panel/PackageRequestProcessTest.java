package org.carereviews.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carereviews.support.ProcessTests.candidateGroups;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of PackageRequest.bpmn, with the delegates standing in for the panel's services. */
@Deployment(resources = "processes/panel/PackageRequest.bpmn")
class PackageRequestProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessTests.fullCoverage();

  private final JavaDelegate sendPanelDecision = mock(JavaDelegate.class);
  private final TaskListener preparePanelPack = mock(TaskListener.class);
  private final TaskListener recordPanelDecision = mock(TaskListener.class);

  @BeforeEach
  void registerDelegates() {
    init(ENGINE.getProcessEngine());
    Mocks.register("sendPanelDecision", sendPanelDecision);
    Mocks.register("preparePanelPack", preparePanelPack);
    Mocks.register("recordPanelDecision", recordPanelDecision);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private static ProcessInstance start(String route) {
    return runtimeService()
        .startProcessInstanceByKey(
            PanelProcesses.REQUEST_PROCESS,
            "request-1",
            Map.of(
                PanelMessages.VAR_REQUEST_ID,
                1L,
                PanelProcesses.VAR_ROUTE,
                route,
                PanelProcesses.VAR_TEAM_GROUP,
                "team-north",
                PanelProcesses.VAR_RETROSPECTIVE_DUE,
                Date.from(Instant.now().plus(7, ChronoUnit.DAYS))));
  }

  private static Map<String, Object> outcome(PanelOutcome outcome) {
    return withVariables(PanelMessages.VAR_OUTCOME, outcome.name());
  }

  @Test
  void aTeamManagerDecidesUnderDelegatedAuthorityAndTheDecisionIsSentOnce() throws Exception {
    ProcessInstance request = start("TEAM_MANAGER");
    assertThat(request).isWaitingAt(PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY);
    assertThat(task(request)).hasCandidateGroup("team-north-manager");
    assertThat(candidateGroups(task(request)))
        .as("offered to the team's managers only")
        .containsExactly("team-north-manager");
    complete(task(request), outcome(PanelOutcome.DECLINED));
    assertThat(request).isWaitingAt("Task_SendDecision");
    execute(job(request));
    assertThat(request).hasPassed("Task_SendDecision").isEnded().hasPassed("End_DecisionSent");
    verify(sendPanelDecision, times(1)).execute(any(DelegateExecution.class));
    verify(preparePanelPack, times(1)).notify(any());
    verify(recordPanelDecision, times(1)).notify(any());
  }

  @Test
  void thePanelDecidesAndTheDecisionIsSentOnce() throws Exception {
    ProcessInstance request = start("PANEL");
    assertThat(request).isWaitingAt(PanelProcesses.TASK_DECIDE_AT_PANEL);
    assertThat(task(request))
        .hasCandidateGroup("panel-asc")
        .hasCandidateGroup("panel-finance")
        .hasCandidateGroup("panel-commissioning");
    complete(task(request), outcome(PanelOutcome.APPROVED_WITH_AMENDMENT));
    execute(job(request));
    assertThat(request).isEnded().hasPassed("End_DecisionSent");
    verify(sendPanelDecision, times(1)).execute(any(DelegateExecution.class));
  }

  @Test
  void anUrgentStartApprovedByATeamManagerIsSentAtOnceAndPanelThenApprovesIt() throws Exception {
    ProcessInstance request = start("URGENT");
    assertThat(request).isWaitingAt(PanelProcesses.TASK_APPROVE_URGENT_START);
    assertThat(task(request)).hasCandidateGroup("team-north-manager");
    assertThat(candidateGroups(task(request)))
        .as("offered to the team's managers only")
        .containsExactly("team-north-manager");
    complete(task(request), outcome(PanelOutcome.APPROVED));
    execute(job(request));
    verify(sendPanelDecision, times(1)).execute(any(DelegateExecution.class));
    assertThat(request).isWaitingAt(PanelProcesses.TASK_REVIEW_RETROSPECTIVELY);
    complete(task(request), outcome(PanelOutcome.APPROVED));
    assertThat(request).isEnded().hasPassed("End_RetrospectivelyApproved");
    verify(sendPanelDecision, times(1)).execute(any(DelegateExecution.class));
  }

  @Test
  void anUrgentStartTheTeamManagerDoesNotApproveEndsWithoutPanel() throws Exception {
    ProcessInstance request = start("URGENT");
    complete(task(request), outcome(PanelOutcome.DECLINED));
    execute(job(request));
    assertThat(request)
        .isEnded()
        .hasPassed("End_UrgentNotStarted")
        .hasNotPassed(PanelProcesses.TASK_REVIEW_RETROSPECTIVELY);
  }

  @Test
  void aRetrospectiveAmendmentGoesBackToTheTeamManagerToActOn() {
    ProcessInstance request = start("URGENT");
    complete(task(request), outcome(PanelOutcome.APPROVED_WITH_AMENDMENT));
    execute(job(request));
    complete(task(request), outcome(PanelOutcome.DECLINED));
    assertThat(request).isWaitingAt(PanelProcesses.TASK_ACT_ON_RETROSPECTIVE);
    assertThat(task(request)).hasCandidateGroup("team-north-manager");
    assertThat(candidateGroups(task(request)))
        .as("offered to the team's managers only")
        .containsExactly("team-north-manager");
    complete(task(request), withVariables("actionTaken", "package reduced back"));
    assertThat(request).isEnded().hasPassed("End_RetrospectiveActedOn");
  }

  @Test
  void anUrgentStartNotReviewedInTimeEscalatesAndStaysOnPanelsList() {
    ProcessInstance request = start("URGENT");
    complete(task(request), outcome(PanelOutcome.APPROVED));
    execute(job(request));
    assertThat(request).isWaitingAt(PanelProcesses.TASK_REVIEW_RETROSPECTIVELY);
    execute(job(request));
    assertThat(request)
        .isWaitingAt(
            PanelProcesses.TASK_REVIEW_RETROSPECTIVELY, PanelProcesses.TASK_ESCALATE_RETROSPECTIVE);
    assertThat(
            taskQuery()
                .taskDefinitionKey(PanelProcesses.TASK_ESCALATE_RETROSPECTIVE)
                .singleResult())
        .hasCandidateGroup("panel-asc");
    complete(
        taskQuery().taskDefinitionKey(PanelProcesses.TASK_ESCALATE_RETROSPECTIVE).singleResult(),
        withVariables("escalationNote", "listed for tomorrow"));
    assertThat(request)
        .hasPassed("End_EscalationHandled")
        .isWaitingAt(PanelProcesses.TASK_REVIEW_RETROSPECTIVELY);
    complete(task(request), outcome(PanelOutcome.APPROVED));
    assertThat(request).isEnded();
  }
}

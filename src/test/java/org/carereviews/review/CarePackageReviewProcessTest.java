package org.carereviews.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carereviews.support.ProcessTests.candidateGroups;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.panel.PanelMessages;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of CarePackageReview.bpmn on the in-memory engine, the delegates replaced by fakes
 * (what they do is tested in CarePackageReviewIT). The class must cover every element and flow of
 * the process.
 */
@Deployment(
    resources = {
      "processes/review/CarePackageReview.bpmn",
      "forms/review/review-request.form",
      "forms/review/review-conduct.form",
      "forms/review/review-panel-declined.form",
      "forms/review/review-reassessment.form",
      "forms/review/review-overdue.form"
    })
class CarePackageReviewProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension engine = ProcessTests.fullCoverage();

  private static final Date DUE = Date.from(Instant.now().plus(14, ChronoUnit.DAYS));
  private static final Date ESCALATE = Date.from(Instant.now().plus(15, ChronoUnit.DAYS));

  private final TaskListener recordReviewOutcome = mock(TaskListener.class);
  private final JavaDelegate submitPackageRequest = mock(JavaDelegate.class);
  private final JavaDelegate applyPackageChange = mock(JavaDelegate.class);
  private final JavaDelegate applyChcFunding = mock(JavaDelegate.class);
  private final JavaDelegate closeReview = mock(JavaDelegate.class);

  @BeforeEach
  void fakes() {
    Mocks.register(
        "registerReview",
        (JavaDelegate)
            execution -> {
              execution.setVariable(ReviewProcess.VAR_REVIEW_ID, 41L);
              execution.setVariable(ReviewProcess.VAR_TEAM_GROUP, "team-north");
              execution.setVariable(ReviewProcess.VAR_TASK_DUE_DATE, DUE);
              execution.setVariable(ReviewProcess.VAR_ESCALATE_AT, ESCALATE);
              execution.setVariable(ReviewProcess.VAR_REVIEW_WORKER, null);
            });
    Mocks.register("recordReviewOutcome", recordReviewOutcome);
    Mocks.register("submitPackageRequest", submitPackageRequest);
    Mocks.register(
        "readPanelDecision",
        (JavaDelegate)
            execution -> {
              PanelOutcome outcome =
                  PanelOutcome.valueOf((String) execution.getVariable(PanelMessages.VAR_OUTCOME));
              execution.setVariable(ReviewProcess.VAR_PANEL_APPROVED, outcome.approves());
              execution.setVariable(
                  ReviewProcess.VAR_PANEL_DEFERRED, outcome == PanelOutcome.DEFERRED);
            });
    Mocks.register("applyPackageChange", applyPackageChange);
    Mocks.register("applyChcFunding", applyChcFunding);
    Mocks.register(
        "markReviewOverdue",
        (JavaDelegate)
            execution -> {
              execution.setVariable(ReviewProcess.VAR_ESCALATION_DUE_DATE, ESCALATE);
            });
    Mocks.register("closeReview", closeReview);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void reviewLandsWithThePersonsTeamUnallocatedAndDueOnItsDueDate() {
    ProcessInstance review = start();

    assertThat(review).isWaitingAt(ReviewProcess.TASK_CONDUCT);
    assertThat(task(review)).hasCandidateGroup("team-north").isNotAssigned().hasDueDate(DUE);
  }

  @Test
  void noChangeCompletesTheReviewAndClosesIt() throws Exception {
    ProcessInstance review = start();

    complete(task(review), withVariables(ReviewProcess.VAR_REVIEW_PATH, "NO_CHANGE"));
    step(review);

    verify(recordReviewOutcome).notify(any());
    verify(closeReview).execute(any());
    verify(submitPackageRequest, never()).execute(any());
    assertThat(review).hasPassed(ReviewProcess.END_NO_CHANGE, ReviewProcess.END_CLOSED).isEnded();
  }

  @Test
  void costChangeWaitsForThePanelAndAnApprovalAppliesTheChange() throws Exception {
    ProcessInstance review = outcome("COST_CHANGE");
    step(review);
    verify(submitPackageRequest).execute(any());
    assertThat(review).isWaitingAt(ReviewProcess.EVENT_PANEL_DECISION);

    panelDecides(review, PanelOutcome.APPROVED);

    verify(applyPackageChange).execute(any());
    assertThat(review)
        .hasPassed(ReviewProcess.END_PACKAGE_CHANGED, ReviewProcess.END_CLOSED)
        .isEnded();
  }

  @Test
  void approvalWithAmendmentAlsoAppliesTheChange() throws Exception {
    ProcessInstance review = outcome("COST_CHANGE");
    step(review);

    panelDecides(review, PanelOutcome.APPROVED_WITH_AMENDMENT);

    verify(applyPackageChange).execute(any());
    assertThat(review).hasPassed(ReviewProcess.END_PACKAGE_CHANGED).isEnded();
  }

  @Test
  void deferralReturnsTheTaskToTheWorkerWithTheReturnByDate() throws Exception {
    ProcessInstance review = outcome("COST_CHANGE");
    step(review);
    Date returnBy =
        Date.from(Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    runtimeService().setVariable(review.getId(), ReviewProcess.VAR_REVIEW_WORKER, "sw.north");
    runtimeService().setVariable(review.getId(), ReviewProcess.VAR_TASK_DUE_DATE, returnBy);

    panelDecides(review, PanelOutcome.DEFERRED);

    assertThat(review).isWaitingAt(ReviewProcess.TASK_CONDUCT);
    assertThat(task(review)).isAssignedTo("sw.north").hasDueDate(returnBy);
    verify(applyPackageChange, never()).execute(any());
  }

  @Test
  void declineLeavesThePackageUnchangedAndTellsTheWorker() throws Exception {
    ProcessInstance review = outcome("COST_CHANGE");
    step(review);
    runtimeService().setVariable(review.getId(), ReviewProcess.VAR_REVIEW_WORKER, "sw.north");

    panelDecides(review, PanelOutcome.DECLINED);

    assertThat(review).isWaitingAt(ReviewProcess.TASK_PANEL_DECLINED);
    assertThat(task(review)).isAssignedTo("sw.north");
    complete(task(review), withVariables("declineRead", true));
    step(review);
    verify(applyPackageChange, never()).execute(any());
    assertThat(review)
        .hasPassed(ReviewProcess.END_PANEL_DECLINED, ReviewProcess.END_CLOSED)
        .isEnded();
  }

  @Test
  void sameCostChangeIsAppliedWithoutPanel() throws Exception {
    ProcessInstance review = outcome("SAME_COST_CHANGE");
    step(review);

    verify(applyPackageChange).execute(any());
    verify(submitPackageRequest, never()).execute(any());
    assertThat(review).hasPassed(ReviewProcess.END_PACKAGE_CHANGED).isEnded();
  }

  @Test
  void continuingHealthcareEligibleMovesFundingToTheNhs() throws Exception {
    ProcessInstance review = outcome("CHC_REFERRAL");
    assertThat(review).isWaitingAt(ReviewProcess.EVENT_CHC_DECISION);

    nhsDecides(review, true);
    step(review);
    step(review);

    verify(applyChcFunding).execute(any());
    assertThat(review).hasPassed(ReviewProcess.END_CHC_FUNDED, ReviewProcess.END_CLOSED).isEnded();
  }

  @Test
  void continuingHealthcareNotEligibleGoesBackToTheOutcome() throws Exception {
    ProcessInstance review = outcome("CHC_REFERRAL");

    nhsDecides(review, false);

    assertThat(review).isWaitingAt(ReviewProcess.TASK_CONDUCT);
    verify(applyChcFunding, never()).execute(any());
  }

  @Test
  void reassessmentThenBackToTheOutcome() {
    ProcessInstance review = outcome("REASSESSMENT");
    assertThat(review).isWaitingAt(ReviewProcess.TASK_REASSESS);
    assertThat(task(review)).hasCandidateGroup("team-north");

    complete(
        task(review),
        withVariables(
            "reassessmentSummary", "Needs reassessed after a fall", "eligibleNeedsChanged", true));

    assertThat(review).isWaitingAt(ReviewProcess.TASK_CONDUCT);
  }

  @Test
  void overdueReviewRaisesAChasingTaskForTheTeamManagers() throws Exception {
    ProcessInstance review = start();
    assertThat(job(ReviewProcess.EVENT_OVERDUE, review)).isNotNull();
    assertThat(job(ReviewProcess.EVENT_OVERDUE, review).getDuedate()).isEqualTo(ESCALATE);

    execute(job(ReviewProcess.EVENT_OVERDUE, review));

    assertThat(review).isWaitingAt(ReviewProcess.TASK_CONDUCT, ReviewProcess.TASK_CHASE_OVERDUE);
    assertThat(task(ReviewProcess.TASK_CHASE_OVERDUE, review))
        .hasCandidateGroup("team-north-manager")
        .hasDueDate(ESCALATE);
    assertThat(candidateGroups(task(ReviewProcess.TASK_CHASE_OVERDUE, review)))
        .containsExactly("team-north-manager");
    complete(
        task(ReviewProcess.TASK_CHASE_OVERDUE, review),
        withVariables("chaseAction", "Allocated to sw.north"));
    assertThat(review)
        .hasPassed(ReviewProcess.END_OVERDUE_CHASED)
        .isWaitingAt(ReviewProcess.TASK_CONDUCT);
  }

  @Test
  void closingTheReviewEndsAnOpenChasingTask() throws Exception {
    ProcessInstance review = start();
    execute(job(ReviewProcess.EVENT_OVERDUE, review));

    complete(
        task(ReviewProcess.TASK_CONDUCT, review),
        withVariables(ReviewProcess.VAR_REVIEW_PATH, "NO_CHANGE"));
    step(review);

    assertThat(review).isEnded();
  }

  /** Runs the one asynchronous continuation the review is at (not the overdue timer). */
  private static void step(ProcessInstance review) {
    execute(jobQuery().processInstanceId(review.getId()).messages().singleResult());
  }

  private ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            ReviewProcess.KEY,
            Map.of(ReviewProcess.VAR_PACKAGE_ID, 7L, ReviewProcess.VAR_ROUTE, "SCHEDULED"));
  }

  private ProcessInstance outcome(String path) {
    ProcessInstance review = start();
    complete(
        task(ReviewProcess.TASK_CONDUCT, review),
        withVariables(ReviewProcess.VAR_REVIEW_PATH, path));
    return review;
  }

  /**
   * What the panel does when it decides: the message, then the review reads the decision (async).
   */
  private static void panelDecides(ProcessInstance review, PanelOutcome outcome) {
    runtimeService()
        .createMessageCorrelation(PanelMessages.DECISION)
        .processInstanceId(review.getId())
        .setVariable(PanelMessages.VAR_REQUEST_ID, 9L)
        .setVariable(PanelMessages.VAR_OUTCOME, outcome.name())
        .correlate();
    step(review);
    if (outcome.approves()) {
      step(review);
    }
  }

  private static void nhsDecides(ProcessInstance review, boolean eligible) {
    runtimeService()
        .createMessageCorrelation(ReviewProcess.MESSAGE_CHC_DECISION)
        .processInstanceId(review.getId())
        .setVariable(ReviewProcess.VAR_CHC_ELIGIBLE, eligible)
        .setVariable(ReviewProcess.VAR_CHC_EFFECTIVE_DATE, eligible ? "2026-05-01" : null)
        .correlate();
  }
}

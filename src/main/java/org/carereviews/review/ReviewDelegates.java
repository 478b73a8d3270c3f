package org.carereviews.review;

import static org.carereviews.review.ReviewProcess.CHC_EFFECTIVE_DATE;
import static org.carereviews.review.ReviewProcess.DUE_DATE_REQUESTED;
import static org.carereviews.review.ReviewProcess.ESCALATE_AT;
import static org.carereviews.review.ReviewProcess.ESCALATION_DUE_DATE;
import static org.carereviews.review.ReviewProcess.INITIATOR;
import static org.carereviews.review.ReviewProcess.OUTCOME;
import static org.carereviews.review.ReviewProcess.PACKAGE_ID;
import static org.carereviews.review.ReviewProcess.PACKAGE_REFERENCE;
import static org.carereviews.review.ReviewProcess.PANEL_APPROVED;
import static org.carereviews.review.ReviewProcess.PANEL_DECIDED_BY;
import static org.carereviews.review.ReviewProcess.PANEL_DEFERRED;
import static org.carereviews.review.ReviewProcess.PANEL_QUESTION;
import static org.carereviews.review.ReviewProcess.PANEL_RATIONALE;
import static org.carereviews.review.ReviewProcess.PANEL_REQUEST_ID;
import static org.carereviews.review.ReviewProcess.REQUESTED_BY;
import static org.carereviews.review.ReviewProcess.REQUEST_REASON;
import static org.carereviews.review.ReviewProcess.REVIEW_ID;
import static org.carereviews.review.ReviewProcess.REVIEW_PATH;
import static org.carereviews.review.ReviewProcess.REVIEW_REF;
import static org.carereviews.review.ReviewProcess.REVIEW_WORKER;
import static org.carereviews.review.ReviewProcess.ROUTE;
import static org.carereviews.review.ReviewProcess.TASK_DUE_DATE;
import static org.carereviews.review.ReviewProcess.TEAM_GROUP;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.review.ReviewConduct.Submitted;
import org.carereviews.review.ReviewRegistration.Registered;
import org.carereviews.review.ReviewRegistration.Registration;
import org.carereviews.workflow.FormValues;
import org.carereviews.workflow.Workflow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and the task listener of {@code CarePackageReview.bpmn}, each bound by {@code
 * camunda:delegateExpression="${beanName}"}: each reads its typed variables, calls one of the
 * review's services, and writes the variables the process routes on.
 */
@Configuration
class ReviewDelegates {

  private final Workflow workflow;
  private final Clock clock;

  ReviewDelegates(Workflow workflow, Clock clock) {
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * Task_RegisterReview: the review record (one open per package), its team, due date and overdue
   * chase.
   */
  @Bean
  JavaDelegate registerReview(ReviewRegistration registrations) {
    return execution -> registered(execution, registrations.register(registration(execution)));
  }

  /**
   * Task_ConductReview, on complete: the outcome is checked and recorded on the server (the same
   * rules as the API); a refusal leaves the task where it was. Only the person's team may complete
   * it.
   */
  @Bean
  TaskListener recordReviewOutcome(ReviewConduct conduct) {
    return task -> {
      Submitted submitted = submitted(task);
      ValidOutcome valid =
          conduct.recordOutcome(submitted.reviewId(), submitted.form(), submitted.worker());
      recorded(task, valid, submitted.worker());
    };
  }

  /** Task_SubmitPackageRequest: the package request to the spend-control panel. */
  @Bean
  JavaDelegate submitPackageRequest(ReviewPanelRoundTrip panel) {
    return execution ->
        PANEL_REQUEST_ID.write(
            execution,
            panel.submitToPanel(reviewId(execution), execution.getProcessInstanceId()).value());
  }

  /**
   * Task_ReadPanelDecision: the decision's details; a deferral brings the question and return-by
   * date back to the worker.
   */
  @Bean
  JavaDelegate readPanelDecision(ReviewPanelRoundTrip panel) {
    return execution ->
        decided(
            execution,
            panel.readPanelDecision(
                reviewId(execution), PackageRequestId.of(PANEL_REQUEST_ID.require(execution))));
  }

  /**
   * Task_ApplyPackageChange: the approved package (or a same-cost change) as a new version, and its
   * cost change.
   */
  @Bean
  JavaDelegate applyPackageChange(ReviewPackageChanges changes) {
    return execution ->
        changes.applyOutcome(
            reviewId(execution),
            ReviewPath.valueOf(REVIEW_PATH.require(execution)),
            PANEL_REQUEST_ID.read(execution));
  }

  /** Task_ApplyChcFunding: funding moves to the NHS; the council's cost change is recorded. */
  @Bean
  JavaDelegate applyChcFunding(ReviewPackageChanges changes) {
    return execution ->
        changes.applyChcFunding(
            reviewId(execution), LocalDate.parse(CHC_EFFECTIVE_DATE.require(execution)));
  }

  /**
   * Task_MarkReviewOverdue: the review is overdue; its team's managers ({@code
   * team-<code>-manager}, the chasing task's candidate group) are to chase it by the date {@link
   * ReviewProperties#overdueChase} gives.
   */
  @Bean
  JavaDelegate markReviewOverdue(ReviewConduct conduct) {
    return execution ->
        ESCALATION_DUE_DATE.write(execution, date(conduct.markOverdue(reviewId(execution))));
  }

  /** Task_CloseReview: completed, with the next review date. */
  @Bean
  JavaDelegate closeReview(ReviewClosing closing) {
    return execution -> closing.close(reviewId(execution));
  }

  // --- reads

  /**
   * The start's variables (the API, the daily job or Tasklist's start form) and who started it in
   * Tasklist.
   */
  private Registration registration(DelegateExecution execution) {
    FormValues start = FormValues.of(execution, clock.getZone());
    ReviewRoute route = start.choice(ROUTE.name(), ReviewRoute.class);
    return new Registration(
        PACKAGE_ID.read(execution),
        PACKAGE_REFERENCE.read(execution),
        route == null ? ReviewRoute.REQUESTED : route,
        start.choice(REQUESTED_BY.name(), RequestedBy.class),
        start.text(REQUEST_REASON.name()),
        start.date(DUE_DATE_REQUESTED.name()),
        INITIATOR.read(execution),
        workflow.currentActor(),
        execution.getProcessInstanceId());
  }

  /**
   * The outcome form as submitted, by whom: refused unless the signed-in user is of the person's
   * team.
   */
  private Submitted submitted(DelegateTask task) {
    return Submitted.by(
        workflow.currentActor(),
        TEAM_GROUP.read(task),
        task.getAssignee(),
        reviewId(task),
        () -> OutcomeForm.from(FormValues.of(task, clock.getZone())));
  }

  private static ReviewId reviewId(VariableScope scope) {
    return new ReviewId(REVIEW_ID.require(scope));
  }

  // --- writes

  private void registered(DelegateExecution execution, Registered registered) {
    execution.setProcessBusinessKey(registered.reference());
    PACKAGE_ID.write(execution, registered.packageId());
    REVIEW_ID.write(execution, registered.reviewId().value());
    REVIEW_REF.write(execution, registered.reference());
    TEAM_GROUP.write(execution, registered.teamGroup());
    TASK_DUE_DATE.write(execution, date(registered.dueDate()));
    ESCALATE_AT.write(execution, date(registered.chase().chaseOn()));
    REVIEW_WORKER.write(execution, null);
  }

  private static void recorded(DelegateTask task, ValidOutcome valid, String worker) {
    OUTCOME.write(task, valid.form().outcome().name());
    REVIEW_PATH.write(task, valid.path().name());
    REVIEW_WORKER.write(task, worker);
  }

  private void decided(DelegateExecution execution, PanelDecisionView decision) {
    PANEL_APPROVED.write(execution, decision.outcome().approves());
    PANEL_DEFERRED.write(execution, decision.outcome() == PanelOutcome.DEFERRED);
    PANEL_RATIONALE.write(execution, decision.rationale());
    PANEL_QUESTION.write(execution, decision.question());
    PANEL_DECIDED_BY.write(execution, decision.byPanel() ? "PANEL" : "TEAM_MANAGER");
    if (decision.returnBy() != null) {
      TASK_DUE_DATE.write(execution, date(decision.returnBy()));
    }
  }

  private Date date(LocalDate date) {
    return Date.from(date.atStartOfDay(clock.getZone()).toInstant());
  }
}

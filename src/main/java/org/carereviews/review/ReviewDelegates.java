package org.carereviews.review;

import static org.carereviews.review.ReviewProcess.VAR_CHC_EFFECTIVE_DATE;
import static org.carereviews.review.ReviewProcess.VAR_DUE_DATE_REQUESTED;
import static org.carereviews.review.ReviewProcess.VAR_ESCALATE_AT;
import static org.carereviews.review.ReviewProcess.VAR_ESCALATION_DUE_DATE;
import static org.carereviews.review.ReviewProcess.VAR_INITIATOR;
import static org.carereviews.review.ReviewProcess.VAR_OUTCOME;
import static org.carereviews.review.ReviewProcess.VAR_PACKAGE_ID;
import static org.carereviews.review.ReviewProcess.VAR_PACKAGE_REFERENCE;
import static org.carereviews.review.ReviewProcess.VAR_PANEL_APPROVED;
import static org.carereviews.review.ReviewProcess.VAR_PANEL_DEFERRED;
import static org.carereviews.review.ReviewProcess.VAR_PANEL_QUESTION;
import static org.carereviews.review.ReviewProcess.VAR_PANEL_RATIONALE;
import static org.carereviews.review.ReviewProcess.VAR_REQUESTED_BY;
import static org.carereviews.review.ReviewProcess.VAR_REQUEST_REASON;
import static org.carereviews.review.ReviewProcess.VAR_REVIEW_ID;
import static org.carereviews.review.ReviewProcess.VAR_REVIEW_PATH;
import static org.carereviews.review.ReviewProcess.VAR_REVIEW_WORKER;
import static org.carereviews.review.ReviewProcess.VAR_ROUTE;
import static org.carereviews.review.ReviewProcess.VAR_TASK_DUE_DATE;
import static org.carereviews.review.ReviewProcess.VAR_TEAM_GROUP;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelMessages;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.review.ReviewService.Registered;
import org.carereviews.review.ReviewService.Registration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;

/**
 * The delegates and the task listener of {@code CarePackageReview.bpmn}, each bound by
 * {@code camunda:delegateExpression="${beanName}"}: read typed variables, call {@link ReviewService}, write
 * the few variables the process routes on.
 */
@Configuration
class ReviewDelegates {

  private final ReviewService reviews;
  private final Clock clock;

  ReviewDelegates(ReviewService reviews, Clock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  /** Task_RegisterReview: the review record (one open per package), its team and due date. */
  @Bean
  JavaDelegate registerReview(IdentityService identity) {
    return execution -> {
      String initiator = (String) execution.getVariable(VAR_INITIATOR);
      Authentication authentication = identity.getCurrentAuthentication();
      ReviewRoute route = choice(VAR_ROUTE, text(execution, VAR_ROUTE, ReviewRoute.REQUESTED.name()), ReviewRoute.class);
      String requestedBy = text(execution, VAR_REQUESTED_BY, null);
      String dueDate = text(execution, VAR_DUE_DATE_REQUESTED, null);
      long packageId = packageId(execution);
      Registered registered = reviews.register(new Registration(packageId, route,
          requestedBy == null ? null : choice(VAR_REQUESTED_BY, requestedBy, RequestedBy.class),
          text(execution, VAR_REQUEST_REASON, null), dueDate == null ? null : dueDate(dueDate), initiator,
          authentication == null ? null : new HashSet<>(authentication.getGroupIds()),
          execution.getProcessInstanceId()));
      execution.setProcessBusinessKey(registered.reference());
      execution.setVariable(VAR_PACKAGE_ID, packageId);
      execution.setVariable(VAR_REVIEW_ID, registered.reviewId());
      execution.setVariable(ReviewProcess.VAR_REVIEW_REF, registered.reference());
      execution.setVariable(VAR_TEAM_GROUP, registered.teamGroup());
      execution.setVariable(VAR_TASK_DUE_DATE, date(registered.dueDate()));
      execution.setVariable(VAR_ESCALATE_AT, date(registered.escalateOn()));
      execution.setVariable(VAR_REVIEW_WORKER, null);
    };
  }

  /**
   * Task_ConductReview, on complete: the outcome is checked and recorded on the server (the same rules
   * as the API); a refusal leaves the task where it was. Only the person's team may complete it.
   */
  @Bean
  TaskListener recordReviewOutcome(IdentityService identity) {
    return task -> {
      String teamGroup = (String) task.getVariable(VAR_TEAM_GROUP);
      Authentication authentication = identity.getCurrentAuthentication();
      if (authentication != null && !authentication.getGroupIds().contains(teamGroup)) {
        throw new AccessDeniedException("only " + teamGroup + " may record this review's outcome");
      }
      String worker = task.getAssignee() != null ? task.getAssignee()
          : authentication != null ? authentication.getUserId() : ReviewService.SYSTEM;
      ValidOutcome valid = reviews.recordOutcome(reviewId(task), OutcomeForm.fromVariables(task.getVariables()), worker);
      task.setVariable(VAR_OUTCOME, valid.form().outcome().name());
      task.setVariable(VAR_REVIEW_PATH, valid.path().name());
      task.setVariable(VAR_REVIEW_WORKER, worker);
    };
  }

  /** Task_SubmitPackageRequest: the package request to the spend-control panel. */
  @Bean
  JavaDelegate submitPackageRequest() {
    return execution -> execution.setVariable(PanelMessages.VAR_REQUEST_ID,
        reviews.submitToPanel(reviewId(execution), execution.getProcessInstanceId()));
  }

  /** Task_ReadPanelDecision: the decision's details; a deferral brings the question and return-by date back to the worker. */
  @Bean
  JavaDelegate readPanelDecision() {
    return execution -> {
      PanelDecisionView decision = reviews.readPanelDecision(reviewId(execution), requestId(execution));
      execution.setVariable(VAR_PANEL_APPROVED, decision.outcome().approves());
      execution.setVariable(VAR_PANEL_DEFERRED, decision.outcome() == PanelOutcome.DEFERRED);
      execution.setVariable(VAR_PANEL_RATIONALE, decision.rationale());
      execution.setVariable(VAR_PANEL_QUESTION, decision.question());
      execution.setVariable(ReviewProcess.VAR_PANEL_DECIDED_BY, decision.byPanel() ? "PANEL" : "TEAM_MANAGER");
      if (decision.returnBy() != null) {
        execution.setVariable(VAR_TASK_DUE_DATE, date(decision.returnBy()));
      }
    };
  }

  /** Task_ApplyPackageChange: the approved package (or a same-cost change) as a new version, and its cost change. */
  @Bean
  JavaDelegate applyPackageChange() {
    return execution -> {
      if (execution.getVariable(PanelMessages.VAR_REQUEST_ID) != null
          && ReviewPath.COST_CHANGE.name().equals(execution.getVariable(VAR_REVIEW_PATH))) {
        reviews.applyPanelApproval(reviewId(execution), requestId(execution));
      } else {
        reviews.applySameCostChange(reviewId(execution));
      }
    };
  }

  /** Task_ApplyChcFunding: funding moves to the NHS; the council's cost change is recorded. */
  @Bean
  JavaDelegate applyChcFunding() {
    return execution -> reviews.applyChcFunding(reviewId(execution),
        LocalDate.parse((String) execution.getVariable(VAR_CHC_EFFECTIVE_DATE)));
  }

  /**
   * Task_MarkReviewOverdue: the review is overdue; its team's managers ({@code team-<code>-manager},
   * the chasing task's candidate group) are to chase it.
   */
  @Bean
  JavaDelegate markReviewOverdue(ReviewProperties properties) {
    return execution -> {
      reviews.markOverdue(reviewId(execution));
      execution.setVariable(VAR_ESCALATION_DUE_DATE, date(LocalDate.now(clock).plus(properties.escalationResponse())));
    };
  }

  /** Task_CloseReview: completed, with the next review date. */
  @Bean
  JavaDelegate closeReview() {
    return execution -> reviews.close(reviewId(execution));
  }

  /** A start variable naming one of an enum's values; anything else is refused naming the variable. */
  private static <E extends Enum<E>> E choice(String variable, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(variable, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static LocalDate dueDate(String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(VAR_DUE_DATE_REQUESTED, "must be a date written yyyy-mm-dd");
    }
    String outside = org.carereviews.common.DateWindows.careDateProblem(date);
    if (outside != null) {
      throw new InvalidRequestException(VAR_DUE_DATE_REQUESTED, outside);
    }
    return date;
  }

  /** The package by id (API and daily job) or by its reference as typed in the start form (e.g. PKG-000123). */
  private long packageId(DelegateExecution execution) {
    Object packageId = execution.getVariable(VAR_PACKAGE_ID);
    if (packageId instanceof Number number) {
      return number.longValue();
    }
    String reference = text(execution, VAR_PACKAGE_REFERENCE, null);
    if (reference == null) {
      throw new InvalidRequestException(VAR_PACKAGE_REFERENCE, "is required: which package to review");
    }
    return reviews.packageIdOf(reference.strip().toUpperCase(java.util.Locale.ROOT));
  }

  private Date date(LocalDate date) {
    return Date.from(date.atStartOfDay(clock.getZone()).toInstant());
  }

  private static long reviewId(DelegateExecution execution) {
    return ((Number) execution.getVariable(VAR_REVIEW_ID)).longValue();
  }

  private static long reviewId(DelegateTask task) {
    return ((Number) task.getVariable(VAR_REVIEW_ID)).longValue();
  }

  private static long requestId(DelegateExecution execution) {
    return ((Number) execution.getVariable(PanelMessages.VAR_REQUEST_ID)).longValue();
  }

  private static String text(DelegateExecution execution, String name, String otherwise) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? otherwise : value.toString();
  }
}

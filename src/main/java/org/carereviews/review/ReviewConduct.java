package org.carereviews.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.identity.CareUser;
import org.carereviews.panel.PackageRequests;
import org.carereviews.review.ReviewEvent.Kind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLineRouting.Direction;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens while the team carries out a review: the outcome is checked and recorded (and the
 * review waits as its path says), the NHS decision on a Continuing Healthcare referral is recorded,
 * and an overdue review is marked for its managers to chase.
 */
@Service
class ReviewConduct {

  /**
   * An outcome submitted through Tasklist's form, and who submitted it: the task's assignee, else
   * the signed-in user (the service itself when nobody is).
   */
  record Submitted(ReviewId reviewId, OutcomeForm form, String worker) {

    /**
     * Refused unless the signed-in user, if any, is of the person's team; the form is read after
     * that check.
     */
    static Submitted by(
        CareUser actor,
        String teamGroup,
        String assignee,
        ReviewId reviewId,
        Supplier<OutcomeForm> form) {
      if (actor != null && !actor.groupIds().contains(teamGroup)) {
        throw new AccessDeniedException("only " + teamGroup + " may record this review's outcome");
      }
      String worker =
          assignee != null ? assignee : actor != null ? actor.userId() : ReviewRecords.SYSTEM;
      return new Submitted(reviewId, form.get(), worker);
    }
  }

  private final ReviewRecords records;
  private final ReviewOutcomeRecords outcomes;
  private final CasebookService casebook;
  private final SavingsLedger ledger;
  private final SavingsLineRouter savingsLines;
  private final PackageRequests packageRequests;
  private final OutcomeRules rules;
  private final ReviewProperties properties;
  private final Clock clock;

  ReviewConduct(
      ReviewRecords records,
      ReviewOutcomeRecords outcomes,
      CasebookService casebook,
      SavingsLedger ledger,
      SavingsLineRouter savingsLines,
      PackageRequests packageRequests,
      OutcomeRules rules,
      ReviewProperties properties,
      Clock clock) {
    this.records = records;
    this.outcomes = outcomes;
    this.casebook = casebook;
    this.ledger = ledger;
    this.savingsLines = savingsLines;
    this.packageRequests = packageRequests;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Records a review's outcome, from the API or Tasklist alike (both complete the task; its
   * listener calls this).
   */
  @Transactional
  @Audited(action = AuditAction.DECIDE, record = "review", id = "#reviewId")
  public ValidOutcome recordOutcome(ReviewId reviewId, OutcomeForm form, String recordedBy) {
    Review review = records.open(reviewId);
    ValidOutcome valid = check(review, form);
    ReviewOutcomeRecord record =
        outcomes.save(
            new ReviewOutcomeRecord(reviewId.value(), valid, recordedBy, Instant.now(clock)));
    review.recordOutcome(form.outcome());
    switch (valid.path()) {
      case COST_CHANGE -> review.awaitPanel();
      case CHC_REFERRAL -> review.referToNhs();
      case REASSESSMENT -> review.startReassessment();
      default -> review.keepWithTeam();
    }
    records.event(
        review,
        Kind.OUTCOME_RECORDED,
        form.outcome() + " (outcome " + record.getId() + ")",
        recordedBy);
    return valid;
  }

  /**
   * The same checks as {@link #recordOutcome}, without recording: for the API to answer before it
   * completes a task.
   */
  @Transactional(readOnly = true)
  ValidOutcome check(ReviewId reviewId, OutcomeForm form) {
    return check(records.open(reviewId), form);
  }

  private ValidOutcome check(Review review, OutcomeForm form) {
    PackageSnapshot snapshot = casebook.packageSnapshot(review.getCarePackageId());
    ValidOutcome valid = rules.check(form, snapshot.terms());
    requireSavingsLine(valid, snapshot);
    if (valid.path() == ReviewPath.COST_CHANGE) {
      // Refused now, with the other request named, rather than when the review's request is sent.
      packageRequests.refuseWhileWaiting(review.getCarePackageId());
    }
    return valid;
  }

  /**
   * A change of cost counts toward the savings line {@code SavingsLineRouting.dmn} names; that line
   * must be in the savings programme before the change goes to panel, or the approved change could
   * not be applied.
   */
  private void requireSavingsLine(ValidOutcome valid, PackageSnapshot snapshot) {
    if (valid.path() != ReviewPath.COST_CHANGE
        || valid.newNetWeeklyCost() == null
        || valid.newNetWeeklyCost().equals(valid.oldNetWeeklyCost())) {
      return;
    }
    ServiceType serviceType =
        valid.proposed() != null
            ? valid.proposed().serviceType()
            : snapshot.terms().getServiceType();
    Direction direction =
        valid.newNetWeeklyCost().isLessThan(valid.oldNetWeeklyCost())
            ? Direction.SAVING
            : Direction.GROWTH;
    String lineCode;
    try {
      lineCode =
          savingsLines
              .route(valid.form().outcome(), snapshot.clientGroup(), serviceType, direction)
              .savingsLineCode();
    } catch (IllegalStateException noRule) {
      throw new InvalidRequestException(
          "outcome",
          "the savings line decision table (SavingsLineRouting.dmn) names no "
              + "savings line for this change; ask finance to add one before the change can go to panel");
    }
    if (!ledger.hasLine(lineCode)) {
      throw new InvalidRequestException(
          "outcome",
          "this change counts toward savings line '"
              + lineCode
              + "', which is not in the savings programme; ask the head of finance to import it before the change can go "
              + "to panel");
    }
  }

  /**
   * Records the NHS decision on a Continuing Healthcare referral in the review's history; refused
   * unless the review waits for it. A person not eligible takes the review back to the worker.
   */
  @Transactional
  void recordChcDecision(
      ReviewId reviewId,
      boolean eligible,
      LocalDate effectiveDate,
      String nhsReference,
      String actor) {
    Review review = records.open(reviewId);
    if (!review.isAwaiting(ReviewStatus.AWAITING_NHS_DECISION)) {
      throw new InvalidRequestException(
          "reviewId",
          "review "
              + review.getReference()
              + " is not waiting for an NHS Continuing Healthcare decision (it is "
              + review.getStatus()
              + ")");
    }
    records.event(
        review,
        Kind.CHC_DECISION,
        (eligible ? "eligible from " + effectiveDate : "not eligible")
            + (nhsReference == null ? "" : ", NHS reference " + nhsReference),
        actor);
    if (!eligible) {
      review.returnFromNhs();
    }
  }

  /**
   * Marks the review overdue for its team's managers to chase.
   *
   * @return when their chasing task is due ({@link ReviewProperties#overdueChase})
   */
  @Transactional
  LocalDate markOverdue(ReviewId reviewId) {
    Review review = records.open(reviewId);
    review.markOverdue(Instant.now(clock));
    records.event(review, Kind.OVERDUE, "due " + review.getDueDate(), ReviewRecords.SYSTEM);
    return properties.overdueChase(review.getDueDate(), LocalDate.now(clock)).answerBy();
  }
}

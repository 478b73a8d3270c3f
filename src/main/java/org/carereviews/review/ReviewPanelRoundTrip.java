package org.carereviews.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.common.Money;
import org.carereviews.panel.PackageRequestCommand;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PackageRequestType;
import org.carereviews.panel.PackageRequests;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.review.ReviewEvent.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review's round trip to the spend-control panel: the latest outcome's package goes as a
 * package request; the panel answers with the message PanelDecision, and a deferral or a decline
 * puts the review back with the worker.
 */
@Service
class ReviewPanelRoundTrip {

  private final ReviewRecords records;
  private final CasebookService casebook;
  private final PackageRequests packageRequests;

  ReviewPanelRoundTrip(
      ReviewRecords records, CasebookService casebook, PackageRequests packageRequests) {
    this.records = records;
    this.casebook = casebook;
    this.packageRequests = packageRequests;
  }

  /**
   * Sends the latest outcome's package to the spend-control panel; returns the package request's
   * id.
   */
  @Transactional
  PackageRequestId submitToPanel(ReviewId reviewId, String processInstanceId) {
    Review review = records.open(reviewId);
    ReviewOutcomeRecord outcome = records.latestOutcome(review);
    PackageSnapshot snapshot = casebook.packageSnapshot(review.getCarePackageId());
    ProposedPackage proposed =
        outcome.proposedPackage() != null
            ? outcome.proposedPackage()
            : ending(snapshot.terms(), outcome.getEffectiveDate());
    // What the review found goes whole into the request (the panel's tables), for the decider's
    // pack.
    PackageRequestId requestId =
        packageRequests.submit(
            new PackageRequestCommand(
                PackageRequestType.PACKAGE_CHANGE,
                null,
                review.getPersonId(),
                review.getCarePackageId(),
                proposed,
                "Review " + review.getReference() + ": " + outcome.getOutcome().words(),
                outcome.getRecordedBy(),
                processInstanceId,
                review.getReference(),
                new PackageRequestCommand.ReviewFindings(
                    outcome.getOutcomesWanted(),
                    outcome.getChangeInNeed(),
                    outcome.getAlternativeMeetingOutcome(),
                    outcome.getPersonViews())));
    records.event(
        review,
        Kind.PANEL_REQUEST_SUBMITTED,
        "package request " + requestId,
        outcome.getRecordedBy());
    return requestId;
  }

  /** Reads the panel's decision; a deferral or a decline puts the review back with the worker. */
  @Transactional
  PanelDecisionView readPanelDecision(ReviewId reviewId, PackageRequestId requestId) {
    Review review = records.open(reviewId);
    PanelDecisionView decision = packageRequests.decision(requestId);
    records.event(
        review,
        Kind.PANEL_DECISION,
        "package request "
            + requestId
            + ": "
            + decision.outcome()
            + (decision.returnBy() == null ? "" : ", answer by " + decision.returnBy()),
        decision.decidedBy() == null
            ? ReviewRecords.SYSTEM
            : String.join(",", decision.decidedBy()));
    if (!decision.outcome().approves()) {
      review.returnFromPanel();
    }
    return decision;
  }

  private static ProposedPackage ending(PackageTerms current, LocalDate effectiveDate) {
    return new ProposedPackage(
        current.getServiceType(),
        current.getProvider(),
        Money.ZERO,
        Money.ZERO,
        BigDecimal.ZERO,
        effectiveDate);
  }
}

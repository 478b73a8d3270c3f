package org.carereviews.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.common.Money;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PackageRequests;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.review.ReviewEvent.Kind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsLineRouting.Direction;
import org.carereviews.savings.SavingsLineRouting.Route;
import org.carereviews.savings.SourceProcess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a review's package change: a new package version and, when the net weekly cost changes,
 * exactly one ledger entry toward the savings line {@code SavingsLineRouting.dmn} names. Each
 * change is applied once (by its source reference), however often it is asked for.
 */
@Service
class ReviewPackageChanges {

  private final ReviewRecords records;
  private final ReviewChanges changes;
  private final CasebookService casebook;
  private final SavingsLedger ledger;
  private final SavingsLineRouter savingsLines;
  private final PackageRequests packageRequests;
  private final ReviewProperties properties;
  private final Clock clock;

  ReviewPackageChanges(
      ReviewRecords records,
      ReviewChanges changes,
      CasebookService casebook,
      SavingsLedger ledger,
      SavingsLineRouter savingsLines,
      PackageRequests packageRequests,
      ReviewProperties properties,
      Clock clock) {
    this.records = records;
    this.changes = changes;
    this.casebook = casebook;
    this.ledger = ledger;
    this.savingsLines = savingsLines;
    this.packageRequests = packageRequests;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Applies the outcome's package change: the one the panel approved for a change of cost, else the
   * change at the same cost.
   *
   * @param requestId the package request the panel decided, or null when none was sent
   */
  @Transactional
  void applyOutcome(ReviewId reviewId, ReviewPath path, Long requestId) {
    if (path == ReviewPath.COST_CHANGE && requestId != null) {
      applyPanelApproval(reviewId, PackageRequestId.of(requestId));
    } else {
      applySameCostChange(reviewId);
    }
  }

  /**
   * Applies the package the panel approved (the proposal, or the panel's amended figures). Once per
   * request.
   */
  @Transactional
  void applyPanelApproval(ReviewId reviewId, PackageRequestId requestId) {
    Review review = records.open(reviewId);
    PanelDecisionView decision = packageRequests.decision(requestId);
    if (!decision.outcome().approves()) {
      throw new IllegalStateException(
          "package request " + requestId + " was " + decision.outcome() + ", not approved");
    }
    ReviewOutcomeRecord outcome = records.latestOutcome(review);
    ProposedPackage approved =
        decision.outcome() == PanelOutcome.APPROVED_WITH_AMENDMENT
            ? decision.amended()
            : outcome.proposedPackage();
    String why = "panel request " + requestId + " " + decision.outcome();
    apply(review, outcome, review.getReference() + "/PANEL-" + requestId, approved, why);
  }

  /** Applies a package change whose net weekly cost is unchanged (no panel, no ledger entry). */
  @Transactional
  void applySameCostChange(ReviewId reviewId) {
    Review review = records.open(reviewId);
    ReviewOutcomeRecord outcome = records.latestOutcome(review);
    apply(
        review,
        outcome,
        review.getReference() + "/OUTCOME-" + outcome.getId(),
        outcome.proposedPackage(),
        "same net weekly cost");
  }

  /**
   * Funding moves to the NHS from the effective date: a new version with a 100% NHS share, and the
   * council's cost change.
   */
  @Transactional
  void applyChcFunding(ReviewId reviewId, LocalDate effectiveDate) {
    Review review = records.open(reviewId);
    ReviewOutcomeRecord outcome = records.latestOutcome(review);
    PackageTerms current = casebook.packageSnapshot(review.getCarePackageId()).terms();
    ProposedPackage nhsFunded =
        new ProposedPackage(
            current.getServiceType(),
            current.getProvider(),
            current.getWeeklyGrossCost(),
            current.getAssessedContribution(),
            BigDecimal.valueOf(100),
            effectiveDate);
    apply(
        review,
        outcome,
        review.getReference() + "/CHC",
        nhsFunded,
        "NHS Continuing Healthcare eligible");
  }

  private void apply(
      Review review,
      ReviewOutcomeRecord outcome,
      String sourceReference,
      ProposedPackage approved,
      String why) {
    if (changes.findBySourceReference(sourceReference).isPresent()) {
      return;
    }
    PackageSnapshot snapshot = casebook.packageSnapshot(review.getCarePackageId());
    PackageTerms current = snapshot.terms();
    LocalDate nextReview = LocalDate.now(clock).plus(properties.annualInterval());
    PackageTerms newTerms;
    Money newNet;
    LocalDate effectiveDate;
    if (outcome.getOutcome() == ReviewOutcome.END
        && (approved == null || approved.weeklyGrossCost().isZero())) {
      effectiveDate = approved != null ? approved.effectiveDate() : outcome.getEffectiveDate();
      LocalDate lastDay =
          effectiveDate.minusDays(1).isBefore(current.getStartDate())
              ? current.getStartDate()
              : effectiveDate.minusDays(1);
      newTerms =
          new PackageTerms(
              current.getServiceType(),
              current.getProvider(),
              current.getWeeklyGrossCost(),
              current.getAssessedContribution(),
              current.getNhsSharePercent(),
              current.getStartDate(),
              lastDay,
              null);
      newNet = Money.ZERO;
    } else {
      effectiveDate = approved.effectiveDate();
      newTerms =
          new PackageTerms(
              approved.serviceType(),
              approved.provider(),
              approved.weeklyGrossCost(),
              approved.assessedContribution(),
              approved.nhsSharePercent(),
              effectiveDate,
              null,
              nextReview);
      newNet = newTerms.getNetWeeklyCost();
    }
    String reason =
        "Review "
            + review.getReference()
            + ": "
            + outcome.getOutcome()
            + ", "
            + why
            + basisSuffix(outcome);
    int version =
        casebook.recordDecidedChange(
            snapshot.packageId(), newTerms, truncate(reason, 1000), outcome.getRecordedBy());
    Money oldNet = current.getNetWeeklyCost();
    String lineCode = null;
    if (!newNet.equals(oldNet)) {
      Route line =
          savingsLines.route(
              outcome.getOutcome(),
              snapshot.clientGroup(),
              newTerms.getServiceType(),
              newNet.isLessThan(oldNet) ? Direction.SAVING : Direction.GROWTH);
      lineCode = line.savingsLineCode();
      ledger.record(
          new CostChangeCommand(
              SourceProcess.REVIEW,
              sourceReference,
              snapshot.packageId(),
              snapshot.personId(),
              oldNet,
              newNet,
              effectiveDate,
              line.kind(),
              lineCode,
              truncate(reason, 1000),
              outcome.getRecordedBy()));
    }
    changes.save(
        new ReviewChange(
            review.getId(),
            sourceReference,
            snapshot.packageId(),
            version,
            oldNet,
            newNet,
            effectiveDate,
            lineCode,
            outcome.getRecordedBy(),
            Instant.now(clock)));
    records.event(
        review,
        Kind.PACKAGE_CHANGED,
        "version "
            + version
            + ": net weekly cost "
            + oldNet
            + " -> "
            + newNet
            + " from "
            + effectiveDate,
        outcome.getRecordedBy());
  }

  private static String basisSuffix(ReviewOutcomeRecord outcome) {
    if (outcome.getChangeInNeed() != null) {
      return ". Change in need: " + outcome.getChangeInNeed();
    }
    if (outcome.getAlternativeMeetingOutcome() != null) {
      return ". Alternative meeting the outcome: " + outcome.getAlternativeMeetingOutcome();
    }
    return "";
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

package org.carereviews.review;

import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.common.Money;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.identity.Roles;
import org.carereviews.panel.PackageRequestCommand;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PackageRequestType;
import org.carereviews.panel.PackageRequests;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.review.ReviewEvent.Kind;
import org.carereviews.review.SavingsLineRouter.Direction;
import org.carereviews.review.SavingsLineRouter.SavingsLineChoice;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SourceProcess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the steps of a care package review do: register it, record its outcome, send a package
 * request to the spend-control panel and act on the decision, apply package changes (a new package
 * version and, when the cost changes, exactly one ledger entry), and close it with the next review date.
 * Called by the process's delegates; knows nothing of Camunda.
 */
@Service
class ReviewService {

  /** A review to register, as the process starts. {@code initiatorGroups} is null for the daily job. */
  record Registration(long packageId, ReviewRoute route, RequestedBy requestedBy, String requestReason,
      LocalDate dueDate, String initiator, Set<String> initiatorGroups, String processInstanceId) {
  }

  /** A registered review, as the process needs it. */
  record Registered(long reviewId, String reference, String teamGroup, LocalDate dueDate, LocalDate escalateOn) {
  }

  static final String SYSTEM = "care-reviews";

  private final Reviews reviews;
  private final ReviewOutcomeRecords outcomes;
  private final ReviewChanges changes;
  private final ReviewEvents events;
  private final CasebookService casebook;
  private final SavingsLedger ledger;
  private final SavingsLineRouter savingsLines;
  private final PackageRequests packageRequests;
  private final OutcomeRules rules;
  private final ReviewProperties properties;
  private final Clock clock;

  ReviewService(Reviews reviews, ReviewOutcomeRecords outcomes, ReviewChanges changes, ReviewEvents events,
      CasebookService casebook, SavingsLedger ledger, SavingsLineRouter savingsLines,
      PackageRequests packageRequests, OutcomeRules rules, ReviewProperties properties, Clock clock) {
    this.reviews = reviews;
    this.outcomes = outcomes;
    this.changes = changes;
    this.events = events;
    this.casebook = casebook;
    this.ledger = ledger;
    this.savingsLines = savingsLines;
    this.packageRequests = packageRequests;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
  }

  /** Registers a review as its process starts; refuses a second open review of the same package. */
  @Transactional
  Registered register(Registration registration) {
    PackageSnapshot snapshot = casebook.packageSnapshot(registration.packageId());
    if (registration.initiatorGroups() != null
        && !registration.initiatorGroups().contains(Roles.teamGroup(snapshot.teamCode()))) {
      throw new AccessDeniedException("only the person's own team may ask for a review of package "
          + snapshot.packageReference());
    }
    if (registration.route() == ReviewRoute.REQUESTED) {
      if (registration.requestedBy() == null) {
        throw new InvalidRequestException("requestedBy", "is required: who asked for the review");
      }
      if (registration.requestReason() == null || registration.requestReason().isBlank()) {
        throw new InvalidRequestException("requestReason", "is required: why the review was asked for");
      }
      if (registration.requestReason().length() > 1000) {
        throw new InvalidRequestException("requestReason", "must be at most 1000 characters");
      }
    }
    refuseSecondOpenReview(snapshot);
    LocalDate today = LocalDate.now(clock);
    LocalDate due = registration.dueDate() != null ? registration.dueDate() : today.plus(properties.requestedDue());
    Instant now = Instant.now(clock);
    String startedBy = registration.initiator() == null ? SYSTEM : registration.initiator();
    // The reference is made from the id, which the sequence gives as the row is persisted: the row goes in
    // with a unique placeholder and gets its reference in the same transaction.
    Review review = reviews.save(new Review("TMP-" + java.util.UUID.randomUUID().toString().substring(0, 16), snapshot.packageId(), snapshot.personId(),
        snapshot.teamCode(), registration.route(), registration.requestedBy(),
        registration.requestReason() == null ? null : registration.requestReason().strip(), due,
        registration.processInstanceId(), startedBy, now));
    review.assignReference(String.format("REV-%06d", review.getId()));
    event(review, Kind.STARTED, registration.route() + " review of " + snapshot.packageReference() + ", due " + due,
        startedBy);
    return new Registered(review.getId(), review.getReference(), Roles.teamGroup(snapshot.teamCode()), due,
        due.plus(properties.overdueGrace()));
  }

  /** The id of the package with this reference. */
  @Transactional(readOnly = true)
  long packageIdOf(String packageReference) {
    var found = casebook.packagesByReference(List.of(packageReference)).get(packageReference);
    if (found == null) {
      throw new InvalidRequestException(ReviewProcess.VAR_PACKAGE_REFERENCE, "is not a known package: " + packageReference);
    }
    return found.packageId();
  }

  /** Refuses a start when the package already has an open review (also backed by a unique column). */
  void refuseSecondOpenReview(PackageSnapshot snapshot) {
    reviews.findByOpenPackageId(snapshot.packageId()).ifPresent(open -> {
      throw new InvalidRequestException("packageId", "package " + snapshot.packageReference() + " already has an open "
          + "review, " + open.getReference() + " (due " + open.getDueDate() + "): one open review per package at a time");
    });
  }

  /** Checks and records the worker's outcome; the review waits as the outcome's path says. */
  @Transactional
  /** Records a review's outcome, from the API or Tasklist alike (both complete the task; its listener calls this). */
  @Audited(action = AuditAction.DECIDE, record = "review", id = "#reviewId")
  public ValidOutcome recordOutcome(long reviewId, OutcomeForm form, String recordedBy) {
    Review review = open(reviewId);
    ValidOutcome valid = check(review, form);
    ReviewOutcomeRecord record = outcomes.save(new ReviewOutcomeRecord(reviewId, valid, recordedBy, Instant.now(clock)));
    review.recordOutcome(form.outcome());
    review.moveTo(switch (valid.path()) {
      case COST_CHANGE -> ReviewStatus.AWAITING_PANEL;
      case CHC_REFERRAL -> ReviewStatus.AWAITING_NHS_DECISION;
      case REASSESSMENT -> ReviewStatus.REASSESSMENT;
      default -> ReviewStatus.OPEN;
    });
    event(review, Kind.OUTCOME_RECORDED, form.outcome() + " (outcome " + record.getId() + ")", recordedBy);
    return valid;
  }

  /** The same checks as {@link #recordOutcome}, without recording: for the API to answer before it completes a task. */
  @Transactional(readOnly = true)
  ValidOutcome check(long reviewId, OutcomeForm form) {
    return check(open(reviewId), form);
  }

  private ValidOutcome check(Review review, OutcomeForm form) {
    PackageSnapshot snapshot = casebook.packageSnapshot(review.getCarePackageId());
    ValidOutcome valid = rules.check(form, snapshot.terms());
    requireSavingsLine(valid, snapshot);
    if (valid.path() == ReviewPath.COST_CHANGE) {
      // Refused now, with the other request named, rather than when the review's request is sent.
      panel().refuseWhileWaiting(review.getCarePackageId());
    }
    return valid;
  }

  /**
   * A change of cost counts toward the savings line {@code SavingsLineRouting.dmn} names; that line must be
   * in the savings programme before the change goes to panel, or the approved change could not be applied.
   */
  private void requireSavingsLine(ValidOutcome valid, PackageSnapshot snapshot) {
    if (valid.path() != ReviewPath.COST_CHANGE || valid.newNetWeeklyCost() == null
        || valid.newNetWeeklyCost().equals(valid.oldNetWeeklyCost())) {
      return;
    }
    ServiceType serviceType = valid.proposed() != null ? valid.proposed().serviceType()
        : snapshot.terms().getServiceType();
    Direction direction = valid.newNetWeeklyCost().isLessThan(valid.oldNetWeeklyCost()) ? Direction.SAVING
        : Direction.GROWTH;
    String lineCode;
    try {
      lineCode = savingsLines.route(valid.form().outcome(), snapshot.clientGroup(), serviceType, direction)
          .savingsLineCode();
    } catch (IllegalStateException noRule) {
      throw new InvalidRequestException("outcome", "the savings line decision table (SavingsLineRouting.dmn) names no "
          + "savings line for this change; ask finance to add one before the change can go to panel");
    }
    if (!ledger.hasLine(lineCode)) {
      throw new InvalidRequestException("outcome", "this change counts toward savings line '" + lineCode
          + "', which is not in the savings programme; ask the head of finance to import it before the change can go "
          + "to panel");
    }
  }

  /** Sends the latest outcome's package to the spend-control panel; the panel answers with the message PanelDecision. */
  @Transactional
  long submitToPanel(long reviewId, String processInstanceId) {
    Review review = open(reviewId);
    ReviewOutcomeRecord outcome = latestOutcome(review);
    PackageSnapshot snapshot = casebook.packageSnapshot(review.getCarePackageId());
    ProposedPackage proposed = outcome.proposedPackage() != null ? outcome.proposedPackage()
        : ending(snapshot.terms(), outcome.getEffectiveDate());
    // What the review found goes whole into the request (the panel's tables), for the decider's pack.
    long requestId = panel().submit(new PackageRequestCommand(PackageRequestType.PACKAGE_CHANGE, null,
        review.getPersonId(), review.getCarePackageId(), proposed,
        "Review " + review.getReference() + ": " + outcome.getOutcome(), outcome.getRecordedBy(),
        processInstanceId, review.getReference(), new PackageRequestCommand.ReviewFindings(outcome.getOutcomesWanted(),
            outcome.getChangeInNeed(), outcome.getAlternativeMeetingOutcome(), outcome.getPersonViews()))).value();
    event(review, Kind.PANEL_REQUEST_SUBMITTED, "package request " + requestId, outcome.getRecordedBy());
    return requestId;
  }

  /** Reads the panel's decision; a deferral or a decline puts the review back with the worker. */
  @Transactional
  PanelDecisionView readPanelDecision(long reviewId, long requestId) {
    Review review = open(reviewId);
    PanelDecisionView decision = panel().decision(PackageRequestId.of(requestId));
    event(review, Kind.PANEL_DECISION, "package request " + requestId + ": " + decision.outcome()
        + (decision.returnBy() == null ? "" : ", answer by " + decision.returnBy()),
        decision.decidedBy() == null ? SYSTEM : String.join(",", decision.decidedBy()));
    if (!decision.outcome().approves()) {
      review.moveTo(ReviewStatus.OPEN);
    }
    return decision;
  }

  /** Applies the package the panel approved (the proposal, or the panel's amended figures). Once per request. */
  @Transactional
  void applyPanelApproval(long reviewId, long requestId) {
    Review review = open(reviewId);
    PanelDecisionView decision = panel().decision(PackageRequestId.of(requestId));
    if (!decision.outcome().approves()) {
      throw new IllegalStateException("package request " + requestId + " was " + decision.outcome() + ", not approved");
    }
    ReviewOutcomeRecord outcome = latestOutcome(review);
    ProposedPackage approved = decision.outcome() == PanelOutcome.APPROVED_WITH_AMENDMENT ? decision.amended()
        : outcome.proposedPackage();
    String why = "panel request " + requestId + " " + decision.outcome();
    apply(review, outcome, review.getReference() + "/PANEL-" + requestId, approved, why);
  }

  /** Applies a package change whose net weekly cost is unchanged (no panel, no ledger entry). */
  @Transactional
  void applySameCostChange(long reviewId) {
    Review review = open(reviewId);
    ReviewOutcomeRecord outcome = latestOutcome(review);
    apply(review, outcome, review.getReference() + "/OUTCOME-" + outcome.getId(), outcome.proposedPackage(),
        "same net weekly cost");
  }

  /** Records the NHS decision on a Continuing Healthcare referral in the review's history. */
  @Transactional
  void recordChcDecision(long reviewId, boolean eligible, LocalDate effectiveDate, String nhsReference, String actor) {
    Review review = open(reviewId);
    event(review, Kind.CHC_DECISION, (eligible ? "eligible from " + effectiveDate : "not eligible")
        + (nhsReference == null ? "" : ", NHS reference " + nhsReference), actor);
    if (!eligible) {
      review.moveTo(ReviewStatus.OPEN);
    }
  }

  /** Funding moves to the NHS from the effective date: a new version with a 100% NHS share, and the council's cost change. */
  @Transactional
  void applyChcFunding(long reviewId, LocalDate effectiveDate) {
    Review review = open(reviewId);
    ReviewOutcomeRecord outcome = latestOutcome(review);
    PackageTerms current = casebook.packageSnapshot(review.getCarePackageId()).terms();
    ProposedPackage nhsFunded = new ProposedPackage(current.getServiceType(), current.getProvider(),
        current.getWeeklyGrossCost(), current.getAssessedContribution(), java.math.BigDecimal.valueOf(100),
        effectiveDate);
    apply(review, outcome, review.getReference() + "/CHC", nhsFunded, "NHS Continuing Healthcare eligible");
  }

  /** Marks the review overdue and names the team managers who are to chase it. */
  @Transactional
  void markOverdue(long reviewId) {
    Review review = open(reviewId);
    review.markOverdue(Instant.now(clock));
    event(review, Kind.OVERDUE, "due " + review.getDueDate(), SYSTEM);
  }

  /** Closes the review; the package's next review falls due a year on (none for an ended package). */
  @Transactional
  void close(long reviewId) {
    Review review = reviews.findById(reviewId).orElseThrow(() -> new RecordNotFoundException("review", reviewId));
    if (!review.isOpen()) {
      return;
    }
    PackageSnapshot snapshot = casebook.packageSnapshot(review.getCarePackageId());
    PackageTerms terms = snapshot.terms();
    LocalDate today = LocalDate.now(clock);
    boolean ended = terms.getEndDate() != null;
    LocalDate nextReview = ended ? null : today.plus(properties.annualInterval());
    if (!java.util.Objects.equals(terms.getNextReviewDue(), nextReview)) {
      casebook.recordDecidedChange(snapshot.packageId(), withNextReview(terms, nextReview),
          "Review " + review.getReference() + " completed (" + review.getOutcome() + "); next review due "
              + (nextReview == null ? "never (package ended)" : nextReview), SYSTEM);
    }
    review.complete(Instant.now(clock));
    event(review, Kind.COMPLETED, review.getOutcome() + (nextReview == null ? "" : "; next review due " + nextReview),
        SYSTEM);
  }

  void event(long reviewId, Kind kind, String detail, String actor) {
    events.save(new ReviewEvent(reviewId, kind, detail, actor, Instant.now(clock)));
  }

  private void event(Review review, Kind kind, String detail, String actor) {
    event(review.getId(), kind, detail, actor);
  }

  private void apply(Review review, ReviewOutcomeRecord outcome, String sourceReference, ProposedPackage approved,
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
    if (outcome.getOutcome() == ReviewOutcome.END && (approved == null || approved.weeklyGrossCost().isZero())) {
      effectiveDate = approved != null ? approved.effectiveDate() : outcome.getEffectiveDate();
      LocalDate lastDay = effectiveDate.minusDays(1).isBefore(current.getStartDate()) ? current.getStartDate()
          : effectiveDate.minusDays(1);
      newTerms = new PackageTerms(current.getServiceType(), current.getProvider(), current.getWeeklyGrossCost(),
          current.getAssessedContribution(), current.getNhsSharePercent(), current.getStartDate(), lastDay, null);
      newNet = Money.ZERO;
    } else {
      effectiveDate = approved.effectiveDate();
      newTerms = new PackageTerms(approved.serviceType(), approved.provider(), approved.weeklyGrossCost(),
          approved.assessedContribution(), approved.nhsSharePercent(), effectiveDate, null, nextReview);
      newNet = newTerms.getNetWeeklyCost();
    }
    String reason = "Review " + review.getReference() + ": " + outcome.getOutcome() + ", " + why + basisSuffix(outcome);
    int version = casebook.recordDecidedChange(snapshot.packageId(), newTerms, truncate(reason, 1000),
        outcome.getRecordedBy());
    Money oldNet = current.getNetWeeklyCost();
    String lineCode = null;
    if (!newNet.equals(oldNet)) {
      SavingsLineChoice line = savingsLines.route(outcome.getOutcome(), snapshot.clientGroup(), newTerms.getServiceType(),
          newNet.isLessThan(oldNet) ? Direction.SAVING : Direction.GROWTH);
      lineCode = line.savingsLineCode();
      ledger.record(new CostChangeCommand(SourceProcess.REVIEW, sourceReference, snapshot.packageId(),
          snapshot.personId(), oldNet, newNet, effectiveDate, line.kind(), lineCode, truncate(reason, 1000),
          outcome.getRecordedBy()));
    }
    changes.save(new ReviewChange(review.getId(), sourceReference, snapshot.packageId(), version, oldNet, newNet,
        effectiveDate, lineCode, outcome.getRecordedBy(), Instant.now(clock)));
    event(review, Kind.PACKAGE_CHANGED, "version " + version + ": net weekly cost " + oldNet + " -> " + newNet
        + " from " + effectiveDate, outcome.getRecordedBy());
  }

  private static ProposedPackage ending(PackageTerms current, LocalDate effectiveDate) {
    return new ProposedPackage(current.getServiceType(), current.getProvider(), Money.ZERO, Money.ZERO,
        java.math.BigDecimal.ZERO, effectiveDate);
  }

  private static PackageTerms withNextReview(PackageTerms terms, LocalDate nextReview) {
    return new PackageTerms(terms.getServiceType(), terms.getProvider(), terms.getWeeklyGrossCost(),
        terms.getAssessedContribution(), terms.getNhsSharePercent(), terms.getStartDate(), terms.getEndDate(),
        nextReview);
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

  private PackageRequests panel() {
    return packageRequests;
  }

  private Review open(long reviewId) {
    Review review = reviews.findById(reviewId).orElseThrow(() -> new RecordNotFoundException("review", reviewId));
    if (!review.isOpen()) {
      throw new InvalidRequestException("reviewId", "review " + review.getReference() + " is already completed");
    }
    return review;
  }

  private ReviewOutcomeRecord latestOutcome(Review review) {
    return outcomes.findFirstByCareReviewIdOrderByIdDesc(review.getId())
        .orElseThrow(() -> new IllegalStateException("review " + review.getReference() + " has no recorded outcome"));
  }

  List<ReviewEvent> history(long reviewId) {
    return events.findByCareReviewIdOrderByOccurredAtAscIdAsc(reviewId);
  }
}

package org.carereviews.review;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One care package review. Its status moves with the process; what was decided lives in the
 * append-only {@link ReviewOutcomeRecord}, {@link ReviewChange} and {@link ReviewEvent} rows. While
 * open it holds its package id in {@code openPackageId}, which the database keeps unique: one open
 * review per package.
 */
@Entity
@Table(name = "care_review")
class Review {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_review_seq")
  @SequenceGenerator(
      name = "care_review_seq",
      sequenceName = "care_review_seq",
      allocationSize = 50)
  private Long id;

  private String reference;

  private long carePackageId;

  private long personId;

  private String teamCode;

  @Enumerated(EnumType.STRING)
  private ReviewRoute route;

  @Enumerated(EnumType.STRING)
  private RequestedBy requestedBy;

  private String requestReason;

  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  private ReviewStatus status;

  @Enumerated(EnumType.STRING)
  private ReviewOutcome outcome;

  private String processInstanceId;

  private String startedBy;

  private Instant startedAt;

  private Instant overdueSince;

  private Instant completedAt;

  private Long openPackageId;

  protected Review() {}

  Review(
      String reference,
      long carePackageId,
      long personId,
      String teamCode,
      ReviewRoute route,
      RequestedBy requestedBy,
      String requestReason,
      LocalDate dueDate,
      String processInstanceId,
      String startedBy,
      Instant startedAt) {
    this.reference = reference;
    this.carePackageId = carePackageId;
    this.personId = personId;
    this.teamCode = teamCode;
    this.route = route;
    this.requestedBy = requestedBy;
    this.requestReason = requestReason;
    this.dueDate = dueDate;
    this.processInstanceId = processInstanceId;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.status = ReviewStatus.OPEN;
    this.openPackageId = carePackageId;
  }

  void assignReference(String assigned) {
    this.reference = assigned;
  }

  /** A cost change goes to the spend-control panel: the review waits for its decision. */
  void awaitPanel() {
    requireWithTeam("send a package request to panel");
    status = ReviewStatus.AWAITING_PANEL;
  }

  /** Referred for NHS Continuing Healthcare: the review waits for the NHS decision. */
  void referToNhs() {
    requireWithTeam("be referred for NHS Continuing Healthcare");
    status = ReviewStatus.AWAITING_NHS_DECISION;
  }

  /** A reassessment of need starts before the outcome is recorded again. */
  void startReassessment() {
    requireWithTeam("start a reassessment");
    status = ReviewStatus.REASSESSMENT;
  }

  /**
   * An outcome the team concludes itself (no change, or a change at the same cost): the review
   * stays with the team.
   */
  void keepWithTeam() {
    requireWithTeam("conclude with the team");
    status = ReviewStatus.OPEN;
  }

  /** The panel deferred or declined the request: the review is back with the worker. */
  void returnFromPanel() {
    require(ReviewStatus.AWAITING_PANEL, "come back from panel");
    status = ReviewStatus.OPEN;
  }

  /** The NHS found the person not eligible: the review is back with the worker. */
  void returnFromNhs() {
    require(ReviewStatus.AWAITING_NHS_DECISION, "come back from the NHS");
    status = ReviewStatus.OPEN;
  }

  boolean isAwaiting(ReviewStatus waitingFor) {
    return status == waitingFor;
  }

  private void requireWithTeam(String what) {
    requireNotCompleted();
    if (status != ReviewStatus.OPEN && status != ReviewStatus.REASSESSMENT) {
      throw new IllegalStateException(
          "review " + reference + " is " + status + ": it cannot " + what);
    }
  }

  private void require(ReviewStatus expected, String what) {
    requireNotCompleted();
    if (status != expected) {
      throw new IllegalStateException(
          "review " + reference + " is " + status + ": it cannot " + what);
    }
  }

  private void requireNotCompleted() {
    if (status == ReviewStatus.COMPLETED) {
      throw new IllegalStateException("review " + reference + " is completed");
    }
  }

  void recordOutcome(ReviewOutcome recorded) {
    this.outcome = recorded;
  }

  void markOverdue(Instant since) {
    if (overdueSince == null) {
      overdueSince = since;
    }
  }

  void complete(Instant at) {
    if (status == ReviewStatus.COMPLETED) {
      return;
    }
    status = ReviewStatus.COMPLETED;
    completedAt = at;
    openPackageId = null;
  }

  boolean isOpen() {
    return status != ReviewStatus.COMPLETED;
  }

  Long getId() {
    return id;
  }

  String getReference() {
    return reference;
  }

  long getCarePackageId() {
    return carePackageId;
  }

  long getPersonId() {
    return personId;
  }

  String getTeamCode() {
    return teamCode;
  }

  ReviewRoute getRoute() {
    return route;
  }

  RequestedBy getRequestedBy() {
    return requestedBy;
  }

  String getRequestReason() {
    return requestReason;
  }

  LocalDate getDueDate() {
    return dueDate;
  }

  ReviewStatus getStatus() {
    return status;
  }

  ReviewOutcome getOutcome() {
    return outcome;
  }

  String getProcessInstanceId() {
    return processInstanceId;
  }

  String getStartedBy() {
    return startedBy;
  }

  Instant getStartedAt() {
    return startedAt;
  }

  Instant getOverdueSince() {
    return overdueSince;
  }

  Instant getCompletedAt() {
    return completedAt;
  }
}

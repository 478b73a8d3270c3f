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
 * append-only {@link ReviewOutcomeRecord}, {@link ReviewChange} and {@link ReviewEvent} rows.
 * While open it holds its package id in {@code openPackageId}, which the database keeps unique: one
 * open review per package.
 */
@Entity
@Table(name = "care_review")
class Review {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_review_seq")
  @SequenceGenerator(name = "care_review_seq", sequenceName = "care_review_seq", allocationSize = 50)
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

  protected Review() {
  }

  Review(String reference, long carePackageId, long personId, String teamCode, ReviewRoute route,
      RequestedBy requestedBy, String requestReason, LocalDate dueDate, String processInstanceId, String startedBy,
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

  void moveTo(ReviewStatus next) {
    if (status == ReviewStatus.COMPLETED) {
      throw new IllegalStateException("review " + reference + " is completed");
    }
    if (next == ReviewStatus.COMPLETED) {
      throw new IllegalStateException("use complete() to close a review");
    }
    status = next;
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

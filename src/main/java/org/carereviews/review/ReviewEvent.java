package org.carereviews.review;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One step in a review's history (append-only): who did what, when. Holds no clinical notes. */
@Entity
@Immutable
@Table(name = "care_review_event")
class ReviewEvent {

  /** The kinds of step recorded. */
  enum Kind {
    STARTED,
    ALLOCATED,
    CLAIMED,
    OUTCOME_RECORDED,
    PANEL_REQUEST_SUBMITTED,
    PANEL_DECISION,
    PACKAGE_CHANGED,
    CHC_DECISION,
    OVERDUE,
    COMPLETED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_review_event_seq")
  @SequenceGenerator(
      name = "care_review_event_seq",
      sequenceName = "care_review_event_seq",
      allocationSize = 50)
  private Long id;

  private long careReviewId;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Kind kind;

  private String detail;

  private String actor;

  private Instant occurredAt;

  protected ReviewEvent() {}

  ReviewEvent(long careReviewId, Kind kind, String detail, String actor, Instant occurredAt) {
    this.careReviewId = careReviewId;
    this.kind = kind;
    this.detail = detail;
    this.actor = actor;
    this.occurredAt = occurredAt;
  }

  long getCareReviewId() {
    return careReviewId;
  }

  Kind getKind() {
    return kind;
  }

  String getDetail() {
    return detail;
  }

  String getActor() {
    return actor;
  }

  Instant getOccurredAt() {
    return occurredAt;
  }
}

package org.carereviews.ctr;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One rating given on the register: from what, to what, why, by whom and when. Append-only. */
@Entity
@Immutable
@Table(name = "ctr_rating_change")
class RatingChange {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ctr_rating_change_seq")
  @SequenceGenerator(
      name = "ctr_rating_change_seq",
      sequenceName = "ctr_rating_change_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "register_entry_id")
  private RegisterEntry registerEntry;

  @Enumerated(EnumType.STRING)
  private Rating previousRating;

  @Enumerated(EnumType.STRING)
  private Rating rating;

  private String reasons;
  private String changedBy;
  private Instant changedAt;

  protected RatingChange() {}

  RatingChange(
      RegisterEntry registerEntry,
      Rating previousRating,
      Rating rating,
      String reasons,
      String changedBy,
      Instant changedAt) {
    this.registerEntry = registerEntry;
    this.previousRating = previousRating;
    this.rating = rating;
    this.reasons = reasons;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  public Long getId() {
    return id;
  }

  public Rating getPreviousRating() {
    return previousRating;
  }

  public Rating getRating() {
    return rating;
  }

  public String getReasons() {
    return reasons;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}

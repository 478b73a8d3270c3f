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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.casebook.Person;

/**
 * A person on the dynamic support register: consent, rating with reasons, key worker and next
 * register review. Every rating is also kept in {@link RatingChange} (append-only).
 */
@Entity
@Table(name = "ctr_register_entry")
class RegisterEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ctr_register_entry_seq")
  @SequenceGenerator(
      name = "ctr_register_entry_seq",
      sequenceName = "ctr_register_entry_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id")
  private Person person;

  private boolean consentGiven;
  private LocalDate consentDate;

  @Enumerated(EnumType.STRING)
  private Rating rating;

  private String ratingReasons;
  private Instant ratedAt;

  private String keyWorker;
  private LocalDate nextReviewDate;

  private Instant createdAt;
  private String createdBy;
  private Instant updatedAt;
  private String updatedBy;

  @Version private int version;

  protected RegisterEntry() {}

  RegisterEntry(
      Person person,
      LocalDate consentDate,
      Rating rating,
      String reasons,
      String keyWorker,
      LocalDate nextReviewDate,
      String actor,
      Instant now) {
    this.person = person;
    this.consentGiven = true;
    this.consentDate = consentDate;
    this.rating = rating;
    this.ratingReasons = reasons;
    this.ratedAt = now;
    this.keyWorker = keyWorker;
    this.nextReviewDate = nextReviewDate;
    this.createdAt = now;
    this.createdBy = actor;
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  /** Re-rates; the caller writes the matching {@link RatingChange}. */
  RatingChange rate(Rating newRating, String reasons, String actor, Instant now) {
    RatingChange change = new RatingChange(this, rating, newRating, reasons, actor, now);
    this.rating = newRating;
    this.ratingReasons = reasons;
    this.ratedAt = now;
    touched(actor, now);
    return change;
  }

  void updateDetails(
      String newKeyWorker,
      LocalDate newNextReviewDate,
      LocalDate newConsentDate,
      String actor,
      Instant now) {
    this.keyWorker = newKeyWorker;
    this.nextReviewDate = newNextReviewDate;
    this.consentDate = newConsentDate;
    touched(actor, now);
  }

  private void touched(String actor, Instant now) {
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  public Long getId() {
    return id;
  }

  public Person getPerson() {
    return person;
  }

  public boolean isConsentGiven() {
    return consentGiven;
  }

  public LocalDate getConsentDate() {
    return consentDate;
  }

  public Rating getRating() {
    return rating;
  }

  public String getRatingReasons() {
    return ratingReasons;
  }

  public Instant getRatedAt() {
    return ratedAt;
  }

  public String getKeyWorker() {
    return keyWorker;
  }

  public LocalDate getNextReviewDate() {
    return nextReviewDate;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}

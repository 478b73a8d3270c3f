package org.carereviews.review;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.hibernate.annotations.Immutable;

/**
 * A package change a review applied (append-only). Its source reference names what approved it (the
 * panel request, the NHS decision), and is unique: a decision delivered twice is applied once.
 */
@Entity
@Immutable
@Table(name = "care_review_change")
class ReviewChange {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_review_change_seq")
  @SequenceGenerator(
      name = "care_review_change_seq",
      sequenceName = "care_review_change_seq",
      allocationSize = 50)
  private Long id;

  private long careReviewId;

  private String sourceReference;

  private long carePackageId;

  private int packageVersionNumber;

  @Convert(converter = MoneyConverter.class)
  private Money oldNetWeeklyCost;

  @Convert(converter = MoneyConverter.class)
  private Money newNetWeeklyCost;

  private LocalDate effectiveDate;

  private String savingsLineCode;

  private String recordedBy;

  private Instant recordedAt;

  protected ReviewChange() {}

  ReviewChange(
      long careReviewId,
      String sourceReference,
      long carePackageId,
      int packageVersionNumber,
      Money oldNetWeeklyCost,
      Money newNetWeeklyCost,
      LocalDate effectiveDate,
      String savingsLineCode,
      String recordedBy,
      Instant recordedAt) {
    this.careReviewId = careReviewId;
    this.sourceReference = sourceReference;
    this.carePackageId = carePackageId;
    this.packageVersionNumber = packageVersionNumber;
    this.oldNetWeeklyCost = oldNetWeeklyCost;
    this.newNetWeeklyCost = newNetWeeklyCost;
    this.effectiveDate = effectiveDate;
    this.savingsLineCode = savingsLineCode;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  String getSourceReference() {
    return sourceReference;
  }

  int getPackageVersionNumber() {
    return packageVersionNumber;
  }

  Money getOldNetWeeklyCost() {
    return oldNetWeeklyCost;
  }

  Money getNewNetWeeklyCost() {
    return newNetWeeklyCost;
  }

  LocalDate getEffectiveDate() {
    return effectiveDate;
  }

  String getSavingsLineCode() {
    return savingsLineCode;
  }
}

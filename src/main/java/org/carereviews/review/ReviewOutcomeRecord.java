package org.carereviews.review;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.carereviews.panel.ProposedPackage;
import org.hibernate.annotations.Immutable;

/**
 * An outcome as the worker recorded it, after the server-side checks (append-only: a later outcome
 * is a new row).
 */
@Entity
@Immutable
@Table(name = "care_review_outcome")
class ReviewOutcomeRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_review_outcome_seq")
  @SequenceGenerator(
      name = "care_review_outcome_seq",
      sequenceName = "care_review_outcome_seq",
      allocationSize = 50)
  private Long id;

  private long careReviewId;

  @Enumerated(EnumType.STRING)
  private ReviewOutcome outcome;

  private boolean conversationConnect;
  private boolean conversationCrisis;
  private boolean conversationLongTerm;
  private String strengthsAndAssets;
  private String outcomesWanted;
  private String personViews;
  private String carerViews;
  private String changeInNeed;
  private String alternativeMeetingOutcome;

  @Convert(converter = MoneyConverter.class)
  private Money oldNetWeeklyCost;

  @Enumerated(EnumType.STRING)
  private ServiceType proposedServiceType;

  private String proposedProvider;

  @Convert(converter = MoneyConverter.class)
  private Money proposedWeeklyGrossCost;

  @Convert(converter = MoneyConverter.class)
  private Money proposedContribution;

  @Column(name = "proposed_nhs_share_percent")
  private BigDecimal proposedNhsSharePercent;

  @Convert(converter = MoneyConverter.class)
  private Money proposedNetWeeklyCost;

  private LocalDate effectiveDate;

  private String recordedBy;

  private Instant recordedAt;

  protected ReviewOutcomeRecord() {}

  ReviewOutcomeRecord(
      long careReviewId, ValidOutcome valid, String recordedBy, Instant recordedAt) {
    OutcomeForm form = valid.form();
    this.careReviewId = careReviewId;
    this.outcome = form.outcome();
    this.conversationConnect = Boolean.TRUE.equals(form.conversationConnect());
    this.conversationCrisis = Boolean.TRUE.equals(form.conversationCrisis());
    this.conversationLongTerm = Boolean.TRUE.equals(form.conversationLongTerm());
    this.strengthsAndAssets = form.strengthsAndAssets();
    this.outcomesWanted = form.outcomesWanted();
    this.personViews = form.personViews();
    this.carerViews = form.carerViews();
    this.changeInNeed = form.changeInNeed();
    this.alternativeMeetingOutcome = form.alternativeMeetingOutcome();
    this.oldNetWeeklyCost = valid.oldNetWeeklyCost();
    ProposedPackage proposed = valid.proposed();
    if (proposed != null) {
      this.proposedServiceType = proposed.serviceType();
      this.proposedProvider = proposed.provider();
      this.proposedWeeklyGrossCost = proposed.weeklyGrossCost();
      this.proposedContribution = proposed.assessedContribution();
      this.proposedNhsSharePercent = proposed.nhsSharePercent();
      this.proposedNetWeeklyCost = proposed.netWeeklyCost();
    }
    this.effectiveDate = valid.effectiveDate();
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  Long getId() {
    return id;
  }

  ReviewOutcome getOutcome() {
    return outcome;
  }

  String getOutcomesWanted() {
    return outcomesWanted;
  }

  String getPersonViews() {
    return personViews;
  }

  String getChangeInNeed() {
    return changeInNeed;
  }

  String getAlternativeMeetingOutcome() {
    return alternativeMeetingOutcome;
  }

  Money getOldNetWeeklyCost() {
    return oldNetWeeklyCost;
  }

  /** The proposed package, or null for outcomes without one (an ending has only its date). */
  ProposedPackage proposedPackage() {
    return proposedServiceType == null
        ? null
        : new ProposedPackage(
            proposedServiceType,
            proposedProvider,
            proposedWeeklyGrossCost,
            proposedContribution,
            proposedNhsSharePercent,
            effectiveDate);
  }

  LocalDate getEffectiveDate() {
    return effectiveDate;
  }

  String getRecordedBy() {
    return recordedBy;
  }

  Instant getRecordedAt() {
    return recordedAt;
  }
}

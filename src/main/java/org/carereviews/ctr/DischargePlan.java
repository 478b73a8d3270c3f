package org.carereviews.ctr;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.ProposedPackage;

/**
 * A review's discharge plan: the community package asked of the spend-control panel, with the
 * funding split between council and NHS (the NHS share is the risk share), and what came of it.
 */
@Entity
@Table(name = "ctr_discharge_plan")
class DischargePlan {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ctr_discharge_plan_seq")
  @SequenceGenerator(
      name = "ctr_discharge_plan_seq",
      sequenceName = "ctr_discharge_plan_seq",
      allocationSize = 50)
  private Long id;

  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "review_id")
  private CtrReview review;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "episode_id")
  private InpatientEpisode episode;

  @Enumerated(EnumType.STRING)
  private ServiceType serviceType;

  private String provider;

  @Convert(converter = MoneyConverter.class)
  private Money weeklyGrossCost;

  @Convert(converter = MoneyConverter.class)
  private Money assessedContribution;

  private BigDecimal nhsSharePercent;
  private LocalDate dischargeDate;
  private String reason;
  private String plannedBy;
  private Instant plannedAt;

  private Long panelRequestId;

  @Enumerated(EnumType.STRING)
  private PanelOutcome panelOutcome;

  private Long carePackageId;
  private Instant growthRecordedAt;

  @Version private int version;

  protected DischargePlan() {}

  DischargePlan(CtrReview review, InpatientEpisode episode) {
    this.review = review;
    this.episode = episode;
  }

  /** Sets (or, after a deferral, revises) the package asked for; the plan goes to panel again. */
  void plan(ProposedPackage proposed, String newReason, String actor, Instant now) {
    this.serviceType = proposed.serviceType();
    this.provider = proposed.provider();
    this.weeklyGrossCost = proposed.weeklyGrossCost();
    this.assessedContribution = proposed.assessedContribution();
    this.nhsSharePercent = proposed.nhsSharePercent();
    this.dischargeDate = proposed.effectiveDate();
    this.reason = newReason;
    this.plannedBy = actor;
    this.plannedAt = now;
    this.panelRequestId = null;
    this.panelOutcome = null;
  }

  void submitted(long requestId) {
    this.panelRequestId = requestId;
  }

  void decided(PanelOutcome outcome) {
    this.panelOutcome = outcome;
  }

  void funded(long packageId, Instant now) {
    this.carePackageId = packageId;
    this.growthRecordedAt = now;
  }

  ProposedPackage proposed() {
    return new ProposedPackage(
        serviceType,
        provider,
        weeklyGrossCost,
        assessedContribution,
        nhsSharePercent,
        dischargeDate);
  }

  public Long getId() {
    return id;
  }

  public CtrReview getReview() {
    return review;
  }

  public InpatientEpisode getEpisode() {
    return episode;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public String getProvider() {
    return provider;
  }

  public Money getWeeklyGrossCost() {
    return weeklyGrossCost;
  }

  public Money getAssessedContribution() {
    return assessedContribution;
  }

  public BigDecimal getNhsSharePercent() {
    return nhsSharePercent;
  }

  public LocalDate getDischargeDate() {
    return dischargeDate;
  }

  public String getReason() {
    return reason;
  }

  public String getPlannedBy() {
    return plannedBy;
  }

  public Instant getPlannedAt() {
    return plannedAt;
  }

  public Long getPanelRequestId() {
    return panelRequestId;
  }

  public PanelOutcome getPanelOutcome() {
    return panelOutcome;
  }

  public Long getCarePackageId() {
    return carePackageId;
  }

  public Instant getGrowthRecordedAt() {
    return growthRecordedAt;
  }
}

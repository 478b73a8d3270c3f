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
import java.time.temporal.ChronoUnit;
import org.carereviews.common.web.InvalidRequestException;

/**
 * A stay in specialist (mental health or learning disability) hospital, from admission to
 * discharge.
 */
@Entity
@Table(name = "ctr_inpatient_episode")
class InpatientEpisode {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ctr_inpatient_episode_seq")
  @SequenceGenerator(
      name = "ctr_inpatient_episode_seq",
      sequenceName = "ctr_inpatient_episode_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "register_entry_id")
  private RegisterEntry registerEntry;

  private String hospital;

  @Enumerated(EnumType.STRING)
  private HospitalSetting setting;

  private boolean outOfArea;
  private LocalDate admissionDate;

  @Enumerated(EnumType.STRING)
  private Commissioner commissioner;

  private boolean communityReviewBeforeAdmission;
  private LocalDate plannedDischargeDate;
  private LocalDate dischargeDate;
  private Instant recordedAt;
  private String recordedBy;
  private String dischargedBy;

  @Version private int version;

  protected InpatientEpisode() {}

  InpatientEpisode(
      RegisterEntry registerEntry,
      String hospital,
      HospitalSetting setting,
      boolean outOfArea,
      LocalDate admissionDate,
      Commissioner commissioner,
      boolean communityReviewBeforeAdmission,
      LocalDate plannedDischargeDate,
      String actor,
      Instant now) {
    this.registerEntry = registerEntry;
    this.hospital = hospital;
    this.setting = setting;
    this.outOfArea = outOfArea;
    this.admissionDate = admissionDate;
    this.commissioner = commissioner;
    this.communityReviewBeforeAdmission = communityReviewBeforeAdmission;
    this.recordedAt = now;
    this.recordedBy = actor;
    planDischarge(plannedDischargeDate);
  }

  void planDischarge(LocalDate date) {
    requireNotBeforeAdmission("plannedDischargeDate", date);
    this.plannedDischargeDate = date;
  }

  void discharge(LocalDate date, String actor) {
    if (dischargeDate != null) {
      throw new InvalidRequestException(
          "dischargeDate",
          "the episode was already closed by a discharge on " + CtrDates.words(dischargeDate));
    }
    if (date == null) {
      throw new InvalidRequestException("dischargeDate", "is required");
    }
    requireNotBeforeAdmission("dischargeDate", date);
    this.dischargeDate = date;
    this.dischargedBy = actor;
  }

  /** Refuses a date before the admission date: the "discharge date before admission". */
  void requireNotBeforeAdmission(String field, LocalDate date) {
    if (date != null && date.isBefore(admissionDate)) {
      throw new InvalidRequestException(
          field, "must not be before the admission date " + CtrDates.words(admissionDate));
    }
  }

  public boolean isOpen() {
    return dischargeDate == null;
  }

  /** Days in hospital up to the discharge date, or to {@code today} while still in. */
  public long lengthOfStayDays(LocalDate today) {
    return ChronoUnit.DAYS.between(admissionDate, dischargeDate == null ? today : dischargeDate);
  }

  public Long getId() {
    return id;
  }

  public RegisterEntry getRegisterEntry() {
    return registerEntry;
  }

  public String getHospital() {
    return hospital;
  }

  public HospitalSetting getSetting() {
    return setting;
  }

  public boolean isOutOfArea() {
    return outOfArea;
  }

  public LocalDate getAdmissionDate() {
    return admissionDate;
  }

  public Commissioner getCommissioner() {
    return commissioner;
  }

  public boolean isCommunityReviewBeforeAdmission() {
    return communityReviewBeforeAdmission;
  }

  public LocalDate getPlannedDischargeDate() {
    return plannedDischargeDate;
  }

  public LocalDate getDischargeDate() {
    return dischargeDate;
  }
}

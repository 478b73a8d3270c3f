package org.carereviews.savings;

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
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.hibernate.annotations.Immutable;
import org.springframework.modulith.NamedInterface;

/**
 * One append-only entry of the savings ledger: the financial event of a package change, with its
 * effects computed once, when recorded. Never updated (Hibernate {@code @Immutable}; on PostgreSQL
 * a trigger refuses UPDATE and DELETE).
 */
@NamedInterface("ledger")
@Entity
@Immutable
@Table(name = "cost_change")
public class CostChange {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cost_change_seq")
  @SequenceGenerator(
      name = "cost_change_seq",
      sequenceName = "cost_change_seq",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  private EntryType entryType;

  private String sourceKey;

  @Enumerated(EnumType.STRING)
  private SourceProcess sourceProcess;

  private String sourceReference;

  @Column(name = "care_package_id")
  private Long carePackageId;

  private Long personId;

  @Convert(converter = MoneyConverter.class)
  private Money oldNetWeeklyCost;

  @Convert(converter = MoneyConverter.class)
  private Money newNetWeeklyCost;

  @Convert(converter = MoneyConverter.class)
  private Money weeklyDelta;

  private LocalDate effectiveDate;

  @Column(name = "financial_year")
  private int financialYearStart;

  @Convert(converter = MoneyConverter.class)
  private Money fullYearEffect;

  @Convert(converter = MoneyConverter.class)
  private Money inYearEffect;

  @Convert(converter = MoneyConverter.class)
  private Money carryForwardEffect;

  @Enumerated(EnumType.STRING)
  private SavingsKind kind;

  private String savingsLineCode;

  private String reason;

  private Long adjustsEntryId;

  /** On a clawback: the growth line of the increase that made it (see {@link SavingsLedger}). */
  private String growthLineCode;

  private String recordedBy;

  private Instant recordedAt;

  protected CostChange() {}

  CostChange(
      EntryType entryType,
      String sourceKey,
      SourceProcess sourceProcess,
      String sourceReference,
      Long carePackageId,
      Long personId,
      Money oldNetWeeklyCost,
      Money newNetWeeklyCost,
      SavingsEffect effect,
      SavingsKind kind,
      String savingsLineCode,
      String reason,
      Long adjustsEntryId,
      String recordedBy,
      Instant recordedAt) {
    this.entryType = entryType;
    this.sourceKey = sourceKey;
    this.sourceProcess = sourceProcess;
    this.sourceReference = sourceReference;
    this.carePackageId = carePackageId;
    this.personId = personId;
    this.oldNetWeeklyCost = oldNetWeeklyCost;
    this.newNetWeeklyCost = newNetWeeklyCost;
    this.weeklyDelta = effect.weeklyDelta();
    this.effectiveDate = effect.effectiveDate();
    this.financialYearStart = effect.financialYear().startYear();
    this.fullYearEffect = effect.fullYearEffect();
    this.inYearEffect = effect.inYearEffect();
    this.carryForwardEffect = effect.carryForwardEffect();
    this.kind = kind;
    this.savingsLineCode = savingsLineCode;
    this.reason = reason;
    this.adjustsEntryId = adjustsEntryId;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  /** A clawback: like any entry, and the growth line of the increase that made it. */
  CostChange(
      EntryType entryType,
      String sourceKey,
      SourceProcess sourceProcess,
      String sourceReference,
      Long carePackageId,
      Long personId,
      Money oldNetWeeklyCost,
      Money newNetWeeklyCost,
      SavingsEffect effect,
      SavingsKind kind,
      String savingsLineCode,
      String reason,
      Long adjustsEntryId,
      String growthLineCode,
      String recordedBy,
      Instant recordedAt) {
    this(
        entryType,
        sourceKey,
        sourceProcess,
        sourceReference,
        carePackageId,
        personId,
        oldNetWeeklyCost,
        newNetWeeklyCost,
        effect,
        kind,
        savingsLineCode,
        reason,
        adjustsEntryId,
        recordedBy,
        recordedAt);
    this.growthLineCode = growthLineCode;
  }

  public Long getId() {
    return id;
  }

  /** This entry's id, typed (null until saved). */
  public CostChangeId costChangeId() {
    return id == null ? null : new CostChangeId(id);
  }

  public EntryType getEntryType() {
    return entryType;
  }

  public String getSourceKey() {
    return sourceKey;
  }

  public SourceProcess getSourceProcess() {
    return sourceProcess;
  }

  public String getSourceReference() {
    return sourceReference;
  }

  public Long getCarePackageId() {
    return carePackageId;
  }

  public Long getPersonId() {
    return personId;
  }

  public Money getOldNetWeeklyCost() {
    return oldNetWeeklyCost;
  }

  public Money getNewNetWeeklyCost() {
    return newNetWeeklyCost;
  }

  public Money getWeeklyDelta() {
    return weeklyDelta;
  }

  public LocalDate getEffectiveDate() {
    return effectiveDate;
  }

  public FinancialYear getFinancialYear() {
    return new FinancialYear(financialYearStart);
  }

  public Money getFullYearEffect() {
    return fullYearEffect;
  }

  public Money getInYearEffect() {
    return inYearEffect;
  }

  public Money getCarryForwardEffect() {
    return carryForwardEffect;
  }

  public SavingsKind getKind() {
    return kind;
  }

  public String getSavingsLineCode() {
    return savingsLineCode;
  }

  public String getReason() {
    return reason;
  }

  public Long getAdjustsEntryId() {
    return adjustsEntryId;
  }

  public String getGrowthLineCode() {
    return growthLineCode;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}

package org.carereviews.savings.validation;

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
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.carereviews.savings.SavingsKind;
import org.hibernate.annotations.Immutable;

/**
 * A proposed new savings line with its target, before the head of finance's achievability check.
 * Append-only.
 */
@Entity
@Immutable
@Table(name = "efficiency_proposal")
class EfficiencyProposal {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "efficiency_proposal_seq")
  @SequenceGenerator(
      name = "efficiency_proposal_seq",
      sequenceName = "efficiency_proposal_seq",
      allocationSize = 50)
  private Long id;

  private String lineCode;

  private String name;

  private String theme;

  @Enumerated(EnumType.STRING)
  private SavingsKind kind;

  private String owner;

  @Column(name = "financial_year")
  private int financialYearStart;

  @Convert(converter = MoneyConverter.class)
  private Money target;

  private String rationale;

  private String proposedBy;

  private Instant proposedAt;

  protected EfficiencyProposal() {}

  EfficiencyProposal(
      String lineCode,
      String name,
      String theme,
      SavingsKind kind,
      String owner,
      FinancialYear year,
      Money target,
      String rationale,
      String proposedBy,
      Instant proposedAt) {
    this.lineCode = lineCode;
    this.name = name;
    this.theme = theme;
    this.kind = kind;
    this.owner = owner;
    this.financialYearStart = year.startYear();
    this.target = target;
    this.rationale = rationale;
    this.proposedBy = proposedBy;
    this.proposedAt = proposedAt;
  }

  public Long getId() {
    return id;
  }

  public String getLineCode() {
    return lineCode;
  }

  public String getName() {
    return name;
  }

  public String getTheme() {
    return theme;
  }

  public SavingsKind getKind() {
    return kind;
  }

  public String getOwner() {
    return owner;
  }

  public FinancialYear getFinancialYear() {
    return new FinancialYear(financialYearStart);
  }

  public Money getTarget() {
    return target;
  }

  public String getRationale() {
    return rationale;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public Instant getProposedAt() {
    return proposedAt;
  }
}

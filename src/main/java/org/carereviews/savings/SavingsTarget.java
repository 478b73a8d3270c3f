package org.carereviews.savings;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;

/** A savings line's target for one financial year; a saving is negative, as in the ledger. */
@Entity
@Table(name = "savings_target")
public class SavingsTarget {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "savings_target_seq")
  @SequenceGenerator(
      name = "savings_target_seq",
      sequenceName = "savings_target_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "savings_line_code")
  private String lineCode;

  @Column(name = "financial_year")
  private int financialYearStart;

  @Convert(converter = MoneyConverter.class)
  private Money target;

  protected SavingsTarget() {}

  public SavingsTarget(String lineCode, FinancialYear financialYear, Money target) {
    this.lineCode = lineCode;
    this.financialYearStart = financialYear.startYear();
    this.target = target;
  }

  public String getLineCode() {
    return lineCode;
  }

  public FinancialYear getFinancialYear() {
    return new FinancialYear(financialYearStart);
  }

  public Money getTarget() {
    return target;
  }
}

package org.carereviews.savings;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A line of the savings programme, e.g. "HWA Sav 06 Baseline Savings - Disabilities Operational
 * Budget".
 */
@Entity
@Table(name = "savings_line")
public class SavingsLine {

  @Id private String code;

  private String name;

  private String theme;

  @Enumerated(EnumType.STRING)
  private SavingsKind kind;

  private String owner;

  /**
   * The share of what is identified and not yet validated that the forecast counts; null: the
   * setting.
   */
  private BigDecimal confidenceFactor;

  protected SavingsLine() {}

  public SavingsLine(
      String code,
      String name,
      String theme,
      SavingsKind kind,
      String owner,
      BigDecimal confidenceFactor) {
    this(code, name, theme, kind, owner);
    this.confidenceFactor = confidenceFactor;
  }

  public SavingsLine(String code, String name, String theme, SavingsKind kind, String owner) {
    this.code = code;
    this.name = name;
    this.theme = theme;
    this.kind = kind;
    this.owner = owner;
  }

  public String getCode() {
    return code;
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

  public BigDecimal getConfidenceFactor() {
    return confidenceFactor;
  }
}

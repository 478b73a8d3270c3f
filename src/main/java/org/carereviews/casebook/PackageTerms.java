package org.carereviews.casebook;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.springframework.modulith.NamedInterface;

/**
 * What a version of a care package says: the service, the provider, the money and the dates.
 *
 * <p>The net weekly cost to the council is derived, never entered: (weekly gross cost - the
 * person's assessed contribution) x (100 - NHS share %) / 100, to the penny.
 */
@NamedInterface("casebook-service")
@Embeddable
public class PackageTerms {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Enumerated(EnumType.STRING)
  private ServiceType serviceType;

  private String provider;

  @Convert(converter = MoneyConverter.class)
  private Money weeklyGrossCost;

  @Convert(converter = MoneyConverter.class)
  private Money assessedContribution;

  @Column(name = "nhs_share_percent")
  private BigDecimal nhsSharePercent;

  @Convert(converter = MoneyConverter.class)
  private Money netWeeklyCost;

  private LocalDate startDate;

  private LocalDate endDate;

  private LocalDate nextReviewDue;

  protected PackageTerms() {}

  public PackageTerms(
      ServiceType serviceType,
      String provider,
      Money weeklyGrossCost,
      Money assessedContribution,
      BigDecimal nhsSharePercent,
      LocalDate startDate,
      LocalDate endDate,
      LocalDate nextReviewDue) {
    this.serviceType = serviceType;
    this.provider = provider;
    this.weeklyGrossCost = weeklyGrossCost;
    this.assessedContribution = assessedContribution;
    this.nhsSharePercent = nhsSharePercent.setScale(2, RoundingMode.UNNECESSARY);
    this.startDate = startDate;
    this.endDate = endDate;
    this.nextReviewDue = nextReviewDue;
    this.netWeeklyCost =
        netCostToCouncil(weeklyGrossCost, assessedContribution, this.nhsSharePercent);
  }

  /**
   * The net weekly cost to the council: (gross - contribution) x (100 - NHS share %) / 100, to the
   * penny.
   */
  public static Money netCostToCouncil(
      Money gross, Money contribution, BigDecimal nhsSharePercent) {
    BigDecimal councilShare = HUNDRED.subtract(nhsSharePercent).divide(HUNDRED);
    return gross.minus(contribution).times(councilShare);
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

  public BigDecimal getCouncilSharePercent() {
    return HUNDRED.subtract(nhsSharePercent);
  }

  public Money getNetWeeklyCost() {
    return netWeeklyCost;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public LocalDate getNextReviewDue() {
    return nextReviewDue;
  }
}

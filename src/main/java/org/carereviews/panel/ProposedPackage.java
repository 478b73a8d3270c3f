package org.carereviews.panel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.springframework.modulith.NamedInterface;

/**
 * The package a request asks for, or the figures a decider amended it to: service, provider, weekly
 * gross cost, the person's assessed contribution, the NHS share and the date it takes effect.
 */
@NamedInterface("package-requests")
public record ProposedPackage(
    ServiceType serviceType,
    String provider,
    Money weeklyGrossCost,
    Money assessedContribution,
    BigDecimal nhsSharePercent,
    LocalDate effectiveDate) {

  public ProposedPackage {
    Objects.requireNonNull(serviceType, "serviceType");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(weeklyGrossCost, "weeklyGrossCost");
    assessedContribution = assessedContribution == null ? Money.ZERO : assessedContribution;
    nhsSharePercent = nhsSharePercent == null ? BigDecimal.ZERO : nhsSharePercent;
    Objects.requireNonNull(effectiveDate, "effectiveDate");
  }

  /** The net weekly cost to the council, derived as the casebook derives it. */
  public Money netWeeklyCost() {
    return PackageTerms.netCostToCouncil(weeklyGrossCost, assessedContribution, nhsSharePercent);
  }
}

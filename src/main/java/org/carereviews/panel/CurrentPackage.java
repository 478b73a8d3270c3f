package org.carereviews.panel;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;

/**
 * The package a request would change, as it stood when the request arrived: its own terms and its
 * own dates (in force since {@code startDate}; {@code endDate} null while it runs on). The dates
 * are null on requests made before they were kept.
 */
public record CurrentPackage(
    ServiceType serviceType,
    String provider,
    Money weeklyGrossCost,
    Money assessedContribution,
    BigDecimal nhsSharePercent,
    Money netWeeklyCost,
    LocalDate startDate,
    LocalDate endDate) {}

package org.carereviews.savings;

import java.time.LocalDate;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.springframework.modulith.NamedInterface;

/**
 * What one change in a weekly cost is worth, in the way councils report it.
 *
 * <ul>
 *   <li>{@code weeklyDelta}: new net weekly cost minus old (negative = a saving);
 *   <li>{@code fullYearEffect}: the weekly delta over a whole year;
 *   <li>{@code inYearEffect}: the part that falls in the financial year of the effective date, from
 *       the effective date to 31 March, both days counted;
 *   <li>{@code carryForwardEffect}: the rest of the full-year effect, which counts as an
 *       incremental saving (or growth) of the next financial year.
 * </ul>
 *
 * <p>{@code inYearEffect + carryForwardEffect == fullYearEffect} always holds, to the penny.
 */
@NamedInterface("ledger")
public record SavingsEffect(
    Money weeklyDelta,
    LocalDate effectiveDate,
    FinancialYear financialYear,
    int inYearDays,
    Money fullYearEffect,
    Money inYearEffect,
    Money carryForwardEffect) {

  /** The effect counted in the given financial year: in-year, carry-forward, or nothing. */
  public Money effectIn(FinancialYear year) {
    if (year.equals(financialYear)) {
      return inYearEffect;
    }
    if (year.equals(financialYear.next())) {
      return carryForwardEffect;
    }
    return Money.ZERO;
  }
}

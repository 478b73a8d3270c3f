package org.carereviews.savings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Turns an old and a new net weekly cost and an effective date into a {@link SavingsEffect}.
 *
 * <p>The one place the formula is written (docs/rules.md): the ledger stores each entry's effects
 * and every report adds up what is stored. Full-year effect = weekly delta x weeks per year (the
 * setting {@code care-reviews.savings.weeks-per-year}). In-year effect = weekly delta x (days from
 * the effective date to 31 March, both counted) / 7, never more (in size) than the full-year
 * effect: a change effective on 1 April of a year with 29 February has 366 days, which would
 * otherwise exceed a full year of 365/7 weeks. Carry-forward = full-year effect - in-year effect.
 * Every figure is computed exactly and rounded once, to the penny.
 */
@NamedInterface("ledger")
@Component
public class SavingsEffectCalculator {

  private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);

  private final WeeksPerYear weeksPerYear;

  @org.springframework.beans.factory.annotation.Autowired
  public SavingsEffectCalculator(SavingsProperties properties) {
    this(properties.weeksPerYear());
  }

  public SavingsEffectCalculator(WeeksPerYear weeksPerYear) {
    this.weeksPerYear = Objects.requireNonNull(weeksPerYear, "weeksPerYear");
  }

  public WeeksPerYear weeksPerYear() {
    return weeksPerYear;
  }

  public SavingsEffect effectOf(Money oldNetWeekly, Money newNetWeekly, LocalDate effectiveDate) {
    return effectOf(newNetWeekly.minus(oldNetWeekly), effectiveDate);
  }

  public SavingsEffect effectOf(Money weeklyDelta, LocalDate effectiveDate) {
    Objects.requireNonNull(weeklyDelta, "weeklyDelta");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    FinancialYear year = FinancialYear.containing(effectiveDate);
    int inYearDays = (int) ChronoUnit.DAYS.between(effectiveDate, year.lastDay()) + 1;

    BigDecimal delta = weeklyDelta.amount();
    BigDecimal fullYearExact =
        delta
            .multiply(weeksPerYear.numerator())
            .divide(weeksPerYear.denominator(), MathContext.DECIMAL128);
    BigDecimal inYearExact =
        delta
            .multiply(BigDecimal.valueOf(inYearDays))
            .divide(DAYS_PER_WEEK, MathContext.DECIMAL128);
    if (inYearExact.abs().compareTo(fullYearExact.abs()) > 0) {
      inYearExact = fullYearExact;
    }

    Money fullYear = Money.rounded(fullYearExact);
    Money inYear = Money.rounded(inYearExact);
    Money carryForward = fullYear.minus(inYear);
    return new SavingsEffect(
        weeklyDelta, effectiveDate, year, inYearDays, fullYear, inYear, carryForward);
  }
}

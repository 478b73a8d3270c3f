package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;

/** Laws of the savings calculator, checked over many generated changes. */
class SavingsEffectProperties {

  @Property(tries = 2000)
  void inYearPlusCarryForwardIsTheFullYearEffect(
      @ForAll("weeklyDeltas") Money delta,
      @ForAll("effectiveDates") LocalDate effective,
      @ForAll("weeksPerYear") WeeksPerYear weeks) {
    SavingsEffect effect = new SavingsEffectCalculator(weeks).effectOf(delta, effective);

    assertThat(effect.inYearEffect().plus(effect.carryForwardEffect()))
        .isEqualTo(effect.fullYearEffect());
  }

  @Property(tries = 2000)
  void inYearEffectHasTheSignOfTheDeltaAndIsNoLargerThanTheFullYear(
      @ForAll("weeklyDeltas") Money delta,
      @ForAll("effectiveDates") LocalDate effective,
      @ForAll("weeksPerYear") WeeksPerYear weeks) {
    SavingsEffect effect = new SavingsEffectCalculator(weeks).effectOf(delta, effective);

    assertThat(effect.inYearEffect().signum() * delta.signum()).isGreaterThanOrEqualTo(0);
    assertThat(effect.carryForwardEffect().signum() * delta.signum()).isGreaterThanOrEqualTo(0);
    assertThat(effect.inYearEffect().amount().abs())
        .isLessThanOrEqualTo(effect.fullYearEffect().amount().abs());
  }

  @Property(tries = 1000)
  void inYearDaysRunFromTheEffectiveDateToThirtyFirstMarch(
      @ForAll("effectiveDates") LocalDate effective) {
    SavingsEffect effect =
        new SavingsEffectCalculator(WeeksPerYear.DAYS_365_OVER_7)
            .effectOf(Money.of("-1.00"), effective);

    FinancialYear year = FinancialYear.containing(effective);
    assertThat(effect.financialYear()).isEqualTo(year);
    assertThat(effective.plusDays(effect.inYearDays() - 1L)).isEqualTo(year.lastDay());
  }

  @Property(tries = 500)
  void savingAndTheOppositeGrowthCancel(
      @ForAll("weeklyDeltas") Money delta, @ForAll("effectiveDates") LocalDate effective) {
    SavingsEffectCalculator calculator = new SavingsEffectCalculator(WeeksPerYear.DAYS_365_OVER_7);
    SavingsEffect saving = calculator.effectOf(delta, effective);
    SavingsEffect reversal = calculator.effectOf(delta.negate(), effective);

    assertThat(saving.fullYearEffect().plus(reversal.fullYearEffect())).isEqualTo(Money.ZERO);
    assertThat(saving.inYearEffect().plus(reversal.inYearEffect())).isEqualTo(Money.ZERO);
  }

  @Property(tries = 200)
  void wholeYearOfDailyWeeklyRateAddsUpToTheInYearEffect(
      @ForAll @IntRange(min = -500_000, max = 500_000) int pence) {
    Money delta = Money.of(BigDecimal.valueOf(pence, 2));
    SavingsEffect fromFirstApril =
        new SavingsEffectCalculator(WeeksPerYear.DAYS_365_OVER_7)
            .effectOf(delta, LocalDate.of(2024, 4, 1));

    assertThat(fromFirstApril.inYearDays()).isEqualTo(365);
    assertThat(fromFirstApril.inYearEffect()).isEqualTo(fromFirstApril.fullYearEffect());
  }

  @Provide
  Arbitrary<Money> weeklyDeltas() {
    return Arbitraries.longs()
        .between(-5_000_00L, 5_000_00L)
        .map(p -> Money.of(BigDecimal.valueOf(p, 2)));
  }

  @Provide
  Arbitrary<LocalDate> effectiveDates() {
    return Arbitraries.integers()
        .between(0, 365 * 12)
        .map(d -> LocalDate.of(2019, 1, 1).plusDays(d));
  }

  @Provide
  Arbitrary<WeeksPerYear> weeksPerYear() {
    return Arbitraries.of(
        WeeksPerYear.DAYS_365_OVER_7, WeeksPerYear.parse("52"), WeeksPerYear.parse("52.143"));
  }
}

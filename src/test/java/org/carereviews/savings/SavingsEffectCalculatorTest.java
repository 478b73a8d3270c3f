package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.junit.jupiter.api.Test;

class SavingsEffectCalculatorTest {

  private final SavingsEffectCalculator calculator =
      new SavingsEffectCalculator(WeeksPerYear.DAYS_365_OVER_7);

  @Test
  void hundredPoundWeeklyReductionFromFirstJanuaryCountsNinetyDaysIn2024To25() {
    SavingsEffect effect =
        calculator.effectOf(Money.of("500.00"), Money.of("400.00"), LocalDate.of(2025, 1, 1));

    assertThat(effect.weeklyDelta()).isEqualTo(Money.of("-100.00"));
    assertThat(effect.financialYear()).isEqualTo(FinancialYear.parse("2024/25"));
    assertThat(effect.inYearDays()).isEqualTo(90);
    assertThat(effect.inYearEffect()).isEqualTo(Money.of("-1285.71"));
    assertThat(effect.fullYearEffect()).isEqualTo(Money.of("-5214.29"));
    assertThat(effect.carryForwardEffect()).isEqualTo(Money.of("-3928.58"));
  }

  @Test
  void changeOnThirtyFirstMarchCountsOneDay() {
    SavingsEffect effect = calculator.effectOf(Money.of("-70.00"), LocalDate.of(2025, 3, 31));

    assertThat(effect.inYearDays()).isEqualTo(1);
    assertThat(effect.inYearEffect()).isEqualTo(Money.of("-10.00"));
  }

  @Test
  void fiftyTwoWeekYearGivesFiftyTwoTimesTheDelta() {
    SavingsEffectCalculator councilUsing52 = new SavingsEffectCalculator(WeeksPerYear.parse("52"));

    SavingsEffect effect = councilUsing52.effectOf(Money.of("-100.00"), LocalDate.of(2024, 10, 1));

    assertThat(effect.fullYearEffect()).isEqualTo(Money.of("-5200.00"));
  }

  @Test
  void changeOnFirstAprilOfLeapYearNeverExceedsTheFullYear() {
    SavingsEffect effect = calculator.effectOf(Money.of("-100.00"), LocalDate.of(2023, 4, 1));

    assertThat(effect.inYearDays()).isEqualTo(366);
    assertThat(effect.inYearEffect()).isEqualTo(effect.fullYearEffect());
    assertThat(effect.carryForwardEffect()).isEqualTo(Money.ZERO);
  }

  @Test
  void effectInAYearIsInYearThenCarryForwardThenNothing() {
    SavingsEffect effect = calculator.effectOf(Money.of("-100.00"), LocalDate.of(2025, 1, 1));

    assertThat(effect.effectIn(FinancialYear.parse("2023/24"))).isEqualTo(Money.ZERO);
    assertThat(effect.effectIn(FinancialYear.parse("2024/25"))).isEqualTo(effect.inYearEffect());
    assertThat(effect.effectIn(FinancialYear.parse("2025/26")))
        .isEqualTo(effect.carryForwardEffect());
    assertThat(effect.effectIn(FinancialYear.parse("2026/27"))).isEqualTo(Money.ZERO);
  }
}

package org.carereviews.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void keepsPenceExactly() {
    assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
    assertThat(Money.of("12").toString()).isEqualTo("12.00");
  }

  @Test
  void refusesFractionsOfAPennyOnInput() {
    assertThatThrownBy(() -> Money.of("1.005"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two decimal places");
  }

  @Test
  void refusesTextThatIsNotAnAmount() {
    assertThatThrownBy(() -> Money.of("ten pounds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an amount of money");
  }

  @Test
  void roundsComputedFiguresHalfEven() {
    assertThat(Money.of("0.05").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.02"));
    assertThat(Money.of("0.15").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.08"));
  }

  @Test
  void equalityIgnoresHowTheAmountWasWritten() {
    assertThat(Money.of("5")).isEqualTo(Money.of("5.00")).hasSameHashCodeAs(Money.of("5.0"));
    assertThat(Money.of("-1.00").isNegative()).isTrue();
  }
}

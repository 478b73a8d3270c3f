package org.carereviews.workspace.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

  @Test
  void notEqualToAStringHidesUntilThatValueIsChosen() {
    Condition condition = Condition.parse("=decisionOutcome != \"DEFERRED\"");

    assertThat(condition.isTrue(values("decisionOutcome", "APPROVED"))).isTrue();
    assertThat(condition.isTrue(values("decisionOutcome", "DEFERRED"))).isFalse();
    assertThat(condition.isTrue(values())).as("null is unequal to a string").isTrue();
  }

  @Test
  void notListContainsShowsForTheListedOutcomesOnly() {
    Condition condition =
        Condition.parse("=not(list contains([\"REDUCE\", \"INCREASE\"], outcome))");

    assertThat(condition.isTrue(values("outcome", "REDUCE"))).isFalse();
    assertThat(condition.isTrue(values("outcome", "NO_CHANGE"))).isTrue();
    assertThat(condition.isTrue(values())).isTrue();
    assertThat(condition.names()).containsExactly("outcome");
  }

  @Test
  void orWithNullAndEmptyTextHidesUntilSomethingIsTyped() {
    Condition condition =
        Condition.parse("=recommendation1Text = null or recommendation1Text = \"\"");

    assertThat(condition.isTrue(values())).isTrue();
    assertThat(condition.isTrue(values("recommendation1Text", ""))).isTrue();
    assertThat(condition.isTrue(values("recommendation1Text", "See the GP"))).isFalse();
  }

  @Test
  void aBooleanComparedWithFalseHidesUnlessItIsFalse() {
    Condition condition = Condition.parse("=chcEligible != false");

    assertThat(condition.isTrue(values("chcEligible", false))).isFalse();
    assertThat(condition.isTrue(values("chcEligible", true))).isTrue();
    assertThat(condition.isTrue(values())).isTrue();
  }

  @Test
  void numbersCompareByValueWhateverTheirJavaType() {
    Condition condition = Condition.parse("=amount >= 1000 and not(urgent)");

    assertThat(condition.isTrue(values("amount", 1000L, "urgent", false))).isTrue();
    assertThat(condition.isTrue(values("amount", 999.99, "urgent", false))).isFalse();
    assertThat(
            condition.isTrue(values("amount", new java.math.BigDecimal("1200.00"), "urgent", true)))
        .isFalse();
    assertThat(condition.isTrue(values("urgent", false)))
        .as("null >= 1000 is null, not true")
        .isFalse();
  }

  @Test
  void valuesOfDifferentKindsAreNeitherEqualNorUnequal() {
    assertThat(Condition.parse("=flag = \"true\"").isTrue(values("flag", true))).isFalse();
    assertThat(Condition.parse("=flag != \"true\"").isTrue(values("flag", true))).isFalse();
  }

  @Test
  void whatItCannotEvaluateIsRefusedWithTheExpression() {
    assertThatThrownBy(() -> Condition.parse("=person.age > 18"))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("=person.age > 18")
        .hasMessageContaining("paths");
    assertThatThrownBy(() -> Condition.parse("=a + b > 2"))
        .hasMessageContaining("'+ b > 2' is not understood");
    assertThatThrownBy(() -> Condition.parse("=a = \"open"))
        .hasMessageContaining("a string is not closed");
    assertThatThrownBy(() -> Condition.parse("=a in [1..3]"))
        .isInstanceOf(FormDefinitionException.class);
  }

  private static java.util.function.Function<String, Object> values(Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values::get;
  }
}

package org.carereviews.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A variable declared once reads back as its type, whatever width or form the engine stored it in.
 */
class ProcessVariableTest {

  static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.ofLong("reviewId");
  static final ProcessVariable<Boolean> APPROVED = ProcessVariable.ofBoolean("approved");
  static final ProcessVariable<Integer> ITEMS = ProcessVariable.ofInteger("items");

  @Test
  void numbersOfAnyWidthReadAsTheDeclaredType() {
    assertThat(REVIEW_ID.read(Map.of("reviewId", 7))).isEqualTo(7L);
    assertThat(REVIEW_ID.read(Map.of("reviewId", 7L))).isEqualTo(7L);
    assertThat(REVIEW_ID.read(Map.of("reviewId", "7"))).isEqualTo(7L);
    assertThat(ITEMS.read(Map.of("items", 1000L))).isEqualTo(1000);
    assertThat(REVIEW_ID.read(Map.of())).isNull();
  }

  @Test
  void yesOrNoReadsFromABooleanOrText() {
    assertThat(APPROVED.read(Map.of("approved", true))).isTrue();
    assertThat(APPROVED.read(Map.of("approved", "false"))).isFalse();
  }

  @Test
  void putWritesUnderTheDeclaredName() {
    Map<String, Object> variables = REVIEW_ID.put(new HashMap<>(), 42L);
    assertThat(variables).containsEntry("reviewId", 42L);
    assertThat(REVIEW_ID.name()).isEqualTo("reviewId");
  }
}

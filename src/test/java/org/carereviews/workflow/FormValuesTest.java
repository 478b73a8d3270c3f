package org.carereviews.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

/**
 * The one reader of form values: what Tasklist and the API send, and what it refuses, naming the
 * field.
 */
class FormValuesTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  enum Outcome {
    KEEP,
    REDUCE
  }

  private static FormValues given(Object... keysAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return FormValues.of(values, LONDON);
  }

  @Test
  void textIsStrippedAndBlankIsNothing() {
    FormValues form = given("a", "  kept  ", "b", "   ");
    assertThat(form.text("a")).isEqualTo("kept");
    assertThat(form.text("b")).isNull();
    assertThat(form.text("missing")).isNull();
    assertThatThrownBy(() -> form.requiredText("b", "every review has one"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is required: every review has one");
  }

  @Test
  void checkboxesAndYesOrNoArriveAsBooleansOrText() {
    FormValues form = given("ticked", true, "typed", "true", "unticked", false, "blank", "");
    assertThat(form.flag("ticked")).isTrue();
    assertThat(form.bool("typed")).isTrue();
    assertThat(form.flag("unticked")).isFalse();
    assertThat(form.bool("blank")).isNull();
    assertThat(form.flag("missing")).isFalse();
  }

  @Test
  void choicesAreAnEnumerationsNamesAndAnythingElseIsRefusedListingThem() {
    assertThat(given("outcome", "REDUCE").choice("outcome", Outcome.class))
        .isEqualTo(Outcome.REDUCE);
    assertThatThrownBy(() -> given("outcome", "reduce").choice("outcome", Outcome.class))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be one of [KEEP, REDUCE]");
  }

  @Test
  void datesAreIsoDaysOrTheDayOfADateTimeWithinTheCareWindow() {
    assertThat(given("d", "2026-04-01").date("d")).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(given("d", "2026-04-01T00:00:00").date("d")).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(given("d", Date.from(Instant.parse("2026-03-31T23:30:00Z"))).date("d"))
        .as("a Date is read in the council's zone")
        .isEqualTo(LocalDate.of(2026, 4, 1));
    assertThatThrownBy(() -> given("d", "01/04/2026").date("d"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be a date such as 2026-04-01");
    assertThatThrownBy(() -> given("d", "1900-01-01").date("d"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void instantsCarryAnOffsetOrAreLocalToTheCouncil() {
    assertThat(given("t", "2026-05-04T10:00:00Z").instant("t"))
        .isEqualTo(Instant.parse("2026-05-04T10:00:00Z"));
    assertThat(given("t", "2026-05-04T10:00").instant("t"))
        .isEqualTo(Instant.parse("2026-05-04T09:00:00Z"));
    assertThatThrownBy(() -> given("t", "tomorrow").instant("t"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be a date and time");
  }

  @Test
  void moneyIsPoundsAndPenceWithinTheCeilingAndNumbersKeepWhatWasTyped() {
    assertThat(given("m", 412.5).money("m")).isEqualTo(Money.of("412.50"));
    assertThat(given("m", "-45.50").money("m")).isEqualTo(Money.of("-45.50"));
    assertThat(given("n", 0.1).decimal("n")).isEqualByComparingTo(new BigDecimal("0.1"));
    assertThat(given("p", "").percent("p")).isNull();
    assertThatThrownBy(() -> given("m", "12.345").money("m"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("pounds and pence");
    assertThatThrownBy(() -> given("m", "1000000.01").money("m"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("at most");
    assertThatThrownBy(() -> given("n", "ten").decimal("n"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> given("p", "half").percent("p"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be a percentage");
  }

  @Test
  void aRefusalNamesTheField() {
    assertThatThrownBy(
            () -> given("proposedWeeklyGrossCost", "lots").money("proposedWeeklyGrossCost"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            refused -> assertThat(refused.field()).isEqualTo("proposedWeeklyGrossCost"));
  }
}

package org.carereviews.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.FundingFlag;
import org.carereviews.common.Money;
import org.carereviews.panel.PanelOutcome;
import org.junit.jupiter.api.Test;

class WorkspaceFormatTest {

  private final WorkspaceFormat format =
      new WorkspaceFormat(
          Clock.fixed(Instant.parse("2026-07-01T13:05:00Z"), ZoneId.of("Europe/London")));

  @Test
  void moneyIsPoundsAndPenceWithThousands() {
    assertThat(format.money(Money.of(new BigDecimal("1234.5")))).isEqualTo("£1,234.50");
    assertThat(format.money((Money) null)).isEmpty();
  }

  @Test
  void datesAndTimesAreWrittenAsGovUkWritesThem() {
    assertThat(format.date(LocalDate.of(2026, 12, 2))).isEqualTo("2 December 2026");
    // British Summer Time: 13:05 UTC is 2:05pm in London.
    assertThat(format.dateTime(Instant.parse("2026-07-01T13:05:00Z")))
        .isEqualTo("1 July 2026, 2:05pm");
  }

  @Test
  void ageCountsWholeYearsToToday() {
    assertThat(format.age(LocalDate.of(1960, 7, 1))).isEqualTo(66);
    assertThat(format.age(LocalDate.of(1960, 7, 2))).isEqualTo(65);
  }

  @Test
  void codesAreWrittenInPlainWords() {
    assertThat(format.words(ClientGroup.OLDER_PEOPLE)).isEqualTo("Older People");
    assertThat(format.words(PanelOutcome.APPROVED_WITH_AMENDMENT))
        .isEqualTo("Approved with amendment");
    assertThat(format.words(FundingFlag.S117_AFTERCARE)).isEqualTo("Section 117 aftercare");
  }

  @Test
  void referencesAreReadHowPeopleTypeThem() {
    assertThat(PeopleController.reference("p123")).isEqualTo("P-000123");
    assertThat(PeopleController.reference(" P-000123 ")).isEqualTo("P-000123");
    assertThat(PeopleController.reference("pkg-1")).isEqualTo("PKG-1");
  }
}

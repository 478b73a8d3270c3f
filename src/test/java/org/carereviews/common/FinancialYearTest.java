package org.carereviews.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinancialYearTest {

  @ParameterizedTest
  @CsvSource({
    "2024-04-01,2024/25",
    "2025-03-31,2024/25",
    "2025-04-01,2025/26",
    "2000-01-15,1999/00"
  })
  void containsRunsFromFirstAprilToThirtyFirstMarch(LocalDate date, String expected) {
    assertThat(FinancialYear.containing(date)).hasToString(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024/25", "2024-25", "2024/2025", " 2024-2025 "})
  void parsesTheWrittenAndUrlForms(String text) {
    FinancialYear year = FinancialYear.parse(text);
    assertThat(year.startYear()).isEqualTo(2024);
    assertThat(year.toUrlForm()).isEqualTo("2024-25");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024/26", "24/25", "2024", "twenty", "2024/2026", ""})
  void refusesWhatIsNotAFinancialYear(String text) {
    assertThatThrownBy(() -> FinancialYear.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("financial year");
  }

  @Test
  void knowsItsDaysAndNeighbours() {
    FinancialYear year = FinancialYear.parse("2023/24");
    assertThat(year.firstDay()).isEqualTo(LocalDate.of(2023, 4, 1));
    assertThat(year.lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(year.lengthInDays()).isEqualTo(366);
    assertThat(year.next()).hasToString("2024/25");
    assertThat(year.previous()).hasToString("2022/23");
    assertThat(year.contains(LocalDate.of(2024, 2, 29))).isTrue();
    assertThat(year.contains(LocalDate.of(2024, 4, 1))).isFalse();
  }
}

package org.carereviews.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.carereviews.support.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The panel's calendar: weekends, bank holidays, the agenda cut-off (in London time) and rollovers.
 */
class WorkingDaysTest {

  private static final LocalDate FRIDAY = LocalDate.of(2026, 8, 28);
  private static final LocalDate BANK_HOLIDAY_MONDAY = LocalDate.of(2026, 8, 31);
  private static final LocalDate TUESDAY = LocalDate.of(2026, 9, 1);

  private final TestClock clock = new TestClock(LocalDateTime.of(2026, 8, 28, 9, 0));
  private final WorkingDays days =
      new WorkingDays(
          new PanelProperties(
              LocalTime.of(10, 0),
              LocalTime.of(9, 30),
              LocalTime.of(17, 0),
              5,
              false,
              List.of(BANK_HOLIDAY_MONDAY)),
          clock);

  private java.time.Instant at(LocalDate date, int hour, int minute) {
    return LocalDateTime.of(date, LocalTime.of(hour, minute)).atZone(TestClock.LONDON).toInstant();
  }

  @Test
  void weekendsAndConfiguredBankHolidaysAreNotWorkingDays() {
    assertThat(days.isWorkingDay(FRIDAY)).isTrue();
    assertThat(days.isWorkingDay(FRIDAY.plusDays(1))).isFalse();
    assertThat(days.isWorkingDay(FRIDAY.plusDays(2))).isFalse();
    assertThat(days.isWorkingDay(BANK_HOLIDAY_MONDAY)).isFalse();
    assertThat(days.isWorkingDay(TUESDAY)).isTrue();
  }

  @Test
  void aRequestBeforeTheCutOffIsOnThatDaysAgendaAndOneAtTheCutOffOnTheNextWorkingDays() {
    assertThat(days.firstMeetingFor(at(FRIDAY, 9, 29))).isEqualTo(FRIDAY);
    assertThat(days.firstMeetingFor(at(FRIDAY, 9, 30))).isEqualTo(TUESDAY);
  }

  @Test
  void theCutOffIsReadInLondonTimeInSummer() {
    // 08:45 UTC on a summer day is 09:45 in London: after the cut-off.
    assertThat(days.firstMeetingFor(java.time.Instant.parse("2026-08-28T08:45:00Z")))
        .isEqualTo(TUESDAY);
    assertThat(days.firstMeetingFor(java.time.Instant.parse("2026-08-28T08:15:00Z")))
        .isEqualTo(FRIDAY);
  }

  @Test
  void aRequestOnAWeekendOrBankHolidayWaitsForTheNextWorkingDay() {
    assertThat(days.firstMeetingFor(at(FRIDAY.plusDays(1), 8, 0))).isEqualTo(TUESDAY);
    assertThat(days.firstMeetingFor(at(BANK_HOLIDAY_MONDAY, 8, 0))).isEqualTo(TUESDAY);
  }

  @Test
  void workingDaysAreCountedAcrossWeekendsAndBankHolidays() {
    assertThat(days.plusWorkingDays(FRIDAY, 1)).isEqualTo(TUESDAY);
    assertThat(days.plusWorkingDays(FRIDAY, 5)).isEqualTo(LocalDate.of(2026, 9, 7));
    assertThat(days.meetingsBetween(FRIDAY, TUESDAY)).isEqualTo(1);
    assertThat(days.meetingsBetween(TUESDAY, TUESDAY)).isZero();
  }

  @Test
  void bankHolidaysAfterTheLastListedYearAreStillNotWorkingDays() throws Exception {
    WorkingDays shipped = new WorkingDays(BankHolidaysTest.shippedSettings(), clock);

    assertThat(shipped.isWorkingDay(LocalDate.of(2028, 4, 14))).as("Good Friday 2028").isFalse();
    assertThat(shipped.isWorkingDay(LocalDate.of(2028, 12, 25))).as("Christmas 2028").isFalse();
    assertThat(shipped.isWorkingDay(LocalDate.of(2032, 12, 27)))
        .as("Christmas 2032, substitute day")
        .isFalse();
    assertThat(shipped.isWorkingDay(LocalDate.of(2023, 5, 8))).as("the coronation, 2023").isFalse();
    assertThat(shipped.isWorkingDay(LocalDate.of(2020, 5, 4)))
        .as("early May 2020, moved to VE Day")
        .isTrue();
    assertThat(shipped.plusWorkingDays(LocalDate.of(2029, 12, 21), 1))
        .isEqualTo(LocalDate.of(2029, 12, 24));
    assertThat(shipped.plusWorkingDays(LocalDate.of(2029, 12, 24), 1))
        .isEqualTo(LocalDate.of(2029, 12, 27));
  }
}

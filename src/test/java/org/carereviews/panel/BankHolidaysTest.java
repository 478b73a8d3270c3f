package org.carereviews.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * England and Wales bank holidays: the published gov.uk lists for 2018 to 2027 (written out here,
 * one-off changes included) against the standing rule with the one-off changes that
 * application.yaml ships, and the rule's laws for any year.
 */
class BankHolidaysTest {

  /** gov.uk/bank-holidays, England and Wales. */
  static final Map<Integer, List<String>> PUBLISHED =
      Map.of(
          2018,
              List.of(
                  "2018-01-01",
                  "2018-03-30",
                  "2018-04-02",
                  "2018-05-07",
                  "2018-05-28",
                  "2018-08-27",
                  "2018-12-25",
                  "2018-12-26"),
          2019,
              List.of(
                  "2019-01-01",
                  "2019-04-19",
                  "2019-04-22",
                  "2019-05-06",
                  "2019-05-27",
                  "2019-08-26",
                  "2019-12-25",
                  "2019-12-26"),
          // The early May bank holiday moved to Friday 8 May for the 75th anniversary of VE Day.
          2020,
              List.of(
                  "2020-01-01",
                  "2020-04-10",
                  "2020-04-13",
                  "2020-05-08",
                  "2020-05-25",
                  "2020-08-31",
                  "2020-12-25",
                  "2020-12-28"),
          2021,
              List.of(
                  "2021-01-01",
                  "2021-04-02",
                  "2021-04-05",
                  "2021-05-03",
                  "2021-05-31",
                  "2021-08-30",
                  "2021-12-27",
                  "2021-12-28"),
          // The spring bank holiday moved to Thursday 2 June, Friday 3 June added (Platinum
          // Jubilee); the state
          // funeral of Queen Elizabeth II on Monday 19 September.
          2022,
              List.of(
                  "2022-01-03",
                  "2022-04-15",
                  "2022-04-18",
                  "2022-05-02",
                  "2022-06-02",
                  "2022-06-03",
                  "2022-08-29",
                  "2022-09-19",
                  "2022-12-26",
                  "2022-12-27"),
          // The coronation of King Charles III on Monday 8 May.
          2023,
              List.of(
                  "2023-01-02",
                  "2023-04-07",
                  "2023-04-10",
                  "2023-05-01",
                  "2023-05-08",
                  "2023-05-29",
                  "2023-08-28",
                  "2023-12-25",
                  "2023-12-26"),
          2024,
              List.of(
                  "2024-01-01",
                  "2024-03-29",
                  "2024-04-01",
                  "2024-05-06",
                  "2024-05-27",
                  "2024-08-26",
                  "2024-12-25",
                  "2024-12-26"),
          2025,
              List.of(
                  "2025-01-01",
                  "2025-04-18",
                  "2025-04-21",
                  "2025-05-05",
                  "2025-05-26",
                  "2025-08-25",
                  "2025-12-25",
                  "2025-12-26"),
          2026,
              List.of(
                  "2026-01-01",
                  "2026-04-03",
                  "2026-04-06",
                  "2026-05-04",
                  "2026-05-25",
                  "2026-08-31",
                  "2026-12-25",
                  "2026-12-28"),
          2027,
              List.of(
                  "2027-01-01",
                  "2027-03-26",
                  "2027-03-29",
                  "2027-05-03",
                  "2027-05-31",
                  "2027-08-30",
                  "2027-12-27",
                  "2027-12-28"));

  static Stream<Arguments> publishedYears() {
    return PUBLISHED.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishedYears")
  void theShippedSettingsGiveTheYearAsGovUkPublishedIt(int year, List<String> published)
      throws IOException {
    BankHolidays holidays = shippedSettings().bankHolidays();

    assertThat(holidays.inYear(year))
        .containsExactlyElementsOf(published.stream().map(LocalDate::parse).toList());
  }

  @Test
  void theStandingRuleAloneMissesOnlyTheProclaimedChanges() {
    assertThat(BankHolidays.byStandingRule(2020))
        .contains(LocalDate.of(2020, 5, 4))
        .doesNotContain(LocalDate.of(2020, 5, 8));
    assertThat(BankHolidays.byStandingRule(2022)).contains(LocalDate.of(2022, 5, 30));
    assertThat(BankHolidays.byStandingRule(2023)).doesNotContain(LocalDate.of(2023, 5, 8));
    for (int year : List.of(2018, 2019, 2021, 2024, 2025, 2026, 2027)) {
      assertThat(BankHolidays.byStandingRule(year))
          .as("year %d", year)
          .containsExactlyElementsOf(PUBLISHED.get(year).stream().map(LocalDate::parse).toList());
    }
  }

  @Test
  void yearsBeyondAnyFixedListAreComputed() {
    // Christmas on a Saturday: Monday 27 and Tuesday 28 December; Easter 2038 falls on 25 April,
    // the latest it can.
    assertThat(new BankHolidays(List.of(), List.of()).inYear(2038))
        .containsExactly(
            LocalDate.of(2038, 1, 1),
            LocalDate.of(2038, 4, 23),
            LocalDate.of(2038, 4, 26),
            LocalDate.of(2038, 5, 3),
            LocalDate.of(2038, 5, 31),
            LocalDate.of(2038, 8, 30),
            LocalDate.of(2038, 12, 27),
            LocalDate.of(2038, 12, 28));
    // Christmas on a Sunday: Boxing Day on Monday 26, Christmas's substitute on Tuesday 27.
    assertThat(BankHolidays.byStandingRule(2033))
        .contains(LocalDate.of(2033, 12, 26), LocalDate.of(2033, 12, 27));
  }

  @Test
  void easterSundayMatchesKnownDates() {
    assertThat(BankHolidays.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
    assertThat(BankHolidays.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
    assertThat(BankHolidays.easterSunday(2011)).isEqualTo(LocalDate.of(2011, 4, 24));
    assertThat(BankHolidays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
    assertThat(BankHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
  }

  @Test
  void aConfiguredRemovalAndAdditionMoveAHoliday() {
    BankHolidays moved =
        new BankHolidays(List.of(LocalDate.of(2031, 6, 6)), List.of(LocalDate.of(2031, 5, 26)));
    assertThat(moved.isBankHoliday(LocalDate.of(2031, 5, 26))).isFalse();
    assertThat(moved.isBankHoliday(LocalDate.of(2031, 6, 6))).isTrue();
    assertThat(moved.inYear(2031)).hasSize(8);
  }

  @Property(tries = 600)
  void everyYearHasEightWeekdayHolidaysInTheirPlaces(
      @ForAll @IntRange(min = 1978, max = 2999) int year) {
    List<LocalDate> dates = BankHolidays.byStandingRule(year);
    assertThat(dates).hasSize(8).doesNotHaveDuplicates().isSorted();
    assertThat(dates)
        .allSatisfy(
            d -> {
              assertThat(d.getYear()).isEqualTo(year);
              assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            });
    LocalDate easter = BankHolidays.easterSunday(year);
    assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
    assertThat(dates.get(1)).isEqualTo(easter.minusDays(2));
    assertThat(dates.get(2)).isEqualTo(easter.plusDays(1));
    assertThat(dates.get(0)).isBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 3));
    assertThat(dates.get(3).getMonth()).isEqualTo(Month.MAY);
    assertThat(dates.get(3).getDayOfMonth()).isLessThanOrEqualTo(7);
    assertThat(dates.get(4).getMonth()).isEqualTo(Month.MAY);
    assertThat(dates.get(4).plusWeeks(1).getMonth()).isEqualTo(Month.JUNE);
    assertThat(dates.get(5).getMonth()).isEqualTo(Month.AUGUST);
    assertThat(dates.get(5).plusWeeks(1).getMonth()).isEqualTo(Month.SEPTEMBER);
    assertThat(dates.subList(6, 8))
        .allSatisfy(
            d -> assertThat(d).isBetween(LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 28)));
    assertThat(
            dates.get(6).getDayOfWeek() == DayOfWeek.MONDAY || dates.get(6).getDayOfMonth() == 25)
        .isTrue();
    assertThat(dates.get(7)).isAfter(dates.get(6));
  }

  /**
   * application.yaml's care-reviews.panel settings, bound as the service binds them (defaults of
   * ${ENV:default}).
   */
  static PanelProperties shippedSettings() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    Binder binder =
        new Binder(
            ConfigurationPropertySources.get(environment),
            new org.springframework.boot.context.properties.bind
                .PropertySourcesPlaceholdersResolver(environment));
    return binder.bindOrCreate("care-reviews.panel", PanelProperties.class);
  }
}

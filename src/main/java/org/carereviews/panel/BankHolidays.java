package org.carereviews.panel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * England and Wales bank holidays for any year, by the standing rule (Banking and Financial
 * Dealings Act 1971 and the royal proclamations that follow it every year):
 *
 * <ul>
 *   <li>New Year's Day, 1 January; on a Saturday or Sunday, the Monday after (substitute day);
 *   <li>Good Friday and Easter Monday (Easter Sunday by the anonymous Gregorian algorithm);
 *   <li>the early May bank holiday, the first Monday in May;
 *   <li>the spring bank holiday, the last Monday in May;
 *   <li>the summer bank holiday, the last Monday in August;
 *   <li>Christmas Day and Boxing Day; one that falls at a weekend moves to the next weekday that is
 *       not already a bank holiday (Christmas on a Saturday: Monday 27 and Tuesday 28 December).
 * </ul>
 *
 * One-off changes by proclamation are settings: dates {@code added} (a coronation, a state funeral,
 * a jubilee day, the day a holiday moved to) and dates {@code removed} (the day a holiday moved
 * from).
 */
final class BankHolidays {

  private final Set<LocalDate> added;
  private final Set<LocalDate> removed;
  private final ConcurrentMap<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  public BankHolidays(Collection<LocalDate> added, Collection<LocalDate> removed) {
    this.added = Set.copyOf(added);
    this.removed = Set.copyOf(removed);
  }

  public boolean isBankHoliday(LocalDate date) {
    return inYear(date.getYear()).contains(date);
  }

  /**
   * The year's bank holidays, in date order: the standing rule with the one-off changes applied.
   */
  public Set<LocalDate> inYear(int year) {
    return byYear.computeIfAbsent(
        year,
        y -> {
          TreeSet<LocalDate> dates = new TreeSet<>(byStandingRule(y));
          dates.removeIf(removed::contains);
          added.stream().filter(d -> d.getYear() == y).forEach(dates::add);
          return java.util.Collections.unmodifiableSet(dates);
        });
  }

  /** The year's bank holidays by the standing rule alone, without one-off changes. */
  public static List<LocalDate> byStandingRule(int year) {
    List<LocalDate> dates = new ArrayList<>();
    dates.add(nextWeekdayNotIn(LocalDate.of(year, Month.JANUARY, 1), dates));
    LocalDate easter = easterSunday(year);
    dates.add(easter.minusDays(2));
    dates.add(easter.plusDays(1));
    dates.add(
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    dates.add(
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    dates.add(
        LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    dates.add(nextWeekdayNotIn(LocalDate.of(year, Month.DECEMBER, 25), dates));
    dates.add(nextWeekdayNotIn(LocalDate.of(year, Month.DECEMBER, 26), dates));
    return List.copyOf(dates);
  }

  /**
   * Easter Sunday in the Gregorian calendar (the anonymous algorithm, after Meeus, Jones and
   * Butcher).
   */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static LocalDate nextWeekdayNotIn(LocalDate date, List<LocalDate> taken) {
    LocalDate day = date;
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY
        || day.getDayOfWeek() == DayOfWeek.SUNDAY
        || taken.contains(day)) {
      day = day.plusDays(1);
    }
    return day;
  }
}

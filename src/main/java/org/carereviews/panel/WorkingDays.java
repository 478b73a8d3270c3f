package org.carereviews.panel;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * The panel's calendar: a working day is a weekday that is not an England and Wales bank holiday
 * ({@link BankHolidays}: the standing rule for any year, with the configured one-off changes).
 * Cut-off times are read in the service's time zone, so a request at 09:15 in British Summer Time
 * is before a 09:30 cut-off whatever the server's own zone.
 */
@Component
public class WorkingDays {

  private final BankHolidays bankHolidays;
  private final LocalTime agendaCutOff;
  private final LocalTime meetingCloses;
  private final ZoneId zone;

  /**
   * A meeting day as the meeting process needs it: whether the panel meets, and when it closes at
   * the latest.
   */
  public record MeetingDay(boolean workingDay, Instant closes) {}

  public WorkingDays(PanelProperties properties, Clock clock) {
    this.bankHolidays = properties.bankHolidays();
    this.agendaCutOff = properties.agendaCutOff();
    this.meetingCloses = properties.meetingCloses();
    this.zone = clock.getZone();
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY
        && day != DayOfWeek.SUNDAY
        && !bankHolidays.isBankHoliday(date);
  }

  /**
   * Whether the panel meets on {@code date}, and when a meeting still open that day closes by
   * itself.
   */
  public MeetingDay meetingDay(LocalDate date) {
    return new MeetingDay(
        isWorkingDay(date), ZonedDateTime.of(date, meetingCloses, zone).toInstant());
  }

  /** The first working day after {@code date}. */
  public LocalDate nextWorkingDayAfter(LocalDate date) {
    LocalDate next = date.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /** {@code date} moved on by {@code days} working days (the date itself not counted). */
  public LocalDate plusWorkingDays(LocalDate date, int days) {
    LocalDate result = date;
    for (int i = 0; i < days; i++) {
      result = nextWorkingDayAfter(result);
    }
    return result;
  }

  /** The meeting whose agenda a request received at {@code receivedAt} first goes on. */
  public LocalDate firstMeetingFor(Instant receivedAt) {
    LocalDateTime local = LocalDateTime.ofInstant(receivedAt, zone);
    LocalDate day = local.toLocalDate();
    if (isWorkingDay(day) && local.toLocalTime().isBefore(agendaCutOff)) {
      return day;
    }
    return nextWorkingDayAfter(day);
  }

  /** The instant of a meeting day's agenda cut-off. */
  public Instant agendaCutOff(LocalDate meetingDate) {
    return ZonedDateTime.of(meetingDate, agendaCutOff, zone).toInstant();
  }

  /**
   * How many meetings were held from {@code from} (inclusive) to {@code to} (exclusive): an item's
   * rollovers.
   */
  public int meetingsBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }
}

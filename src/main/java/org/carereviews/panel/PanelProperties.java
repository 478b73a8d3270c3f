package org.carereviews.panel;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the spend-control panel ({@code care-reviews.panel.*}); times are in the service's
 * time zone ({@code care-reviews.time-zone}). Their defaults are written once, in {@code
 * application.yaml}.
 *
 * @param meetingTime when the day's meeting opens
 * @param agendaCutOff requests received before this time go on that day's agenda, later ones on the
 *     next working day's
 * @param meetingCloses when a meeting still open closes by itself; undecided items roll over
 * @param retrospectiveWorkingDays working days within which an urgent start must come to panel
 * @param schedulerEnabled whether this instance opens the daily meeting (one instance is enough)
 * @param bankHolidaysAdded one-off England and Wales bank holidays added by proclamation (a
 *     coronation, a state funeral, the day a holiday moved to), on top of the standing rule that
 *     {@link BankHolidays} computes for any year
 * @param bankHolidaysRemoved days the standing rule gives that a proclamation moved away (e.g.
 *     2020-05-04, when the early May bank holiday moved to VE Day, 8 May)
 */
@Validated
@ConfigurationProperties("care-reviews.panel")
public record PanelProperties(
    @NotNull LocalTime meetingTime,
    @NotNull LocalTime agendaCutOff,
    @NotNull LocalTime meetingCloses,
    @Positive int retrospectiveWorkingDays,
    boolean schedulerEnabled,
    List<LocalDate> bankHolidaysAdded,
    List<LocalDate> bankHolidaysRemoved) {

  @ConstructorBinding
  public PanelProperties {
    bankHolidaysAdded = bankHolidaysAdded == null ? List.of() : List.copyOf(bankHolidaysAdded);
    bankHolidaysRemoved =
        bankHolidaysRemoved == null ? List.of() : List.copyOf(bankHolidaysRemoved);
  }

  /** Settings with one-off bank holidays added and none removed. */
  public PanelProperties(
      LocalTime meetingTime,
      LocalTime agendaCutOff,
      LocalTime meetingCloses,
      int retrospectiveWorkingDays,
      boolean schedulerEnabled,
      List<LocalDate> bankHolidaysAdded) {
    this(
        meetingTime,
        agendaCutOff,
        meetingCloses,
        retrospectiveWorkingDays,
        schedulerEnabled,
        bankHolidaysAdded,
        List.of());
  }

  /** The bank holidays of any year: the standing rule with these one-off changes. */
  public BankHolidays bankHolidays() {
    return new BankHolidays(bankHolidaysAdded, bankHolidaysRemoved);
  }
}

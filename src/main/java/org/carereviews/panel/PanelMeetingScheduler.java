package org.carereviews.panel;

import java.time.Clock;
import java.time.LocalDate;
import org.carereviews.common.schedule.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the day's meeting process at the meeting time ({@code care-reviews.panel.meeting-time}),
 * every day, in the service's time zone. The process itself skips weekends and bank holidays, and a
 * day's meeting starts once however often this runs. Off with {@code
 * care-reviews.panel.scheduler-enabled=false}.
 */
@Component
class PanelMeetingScheduler implements ScheduledJob {

  private static final Logger log = LoggerFactory.getLogger(PanelMeetingScheduler.class);

  private final PanelMeetingService meetings;
  private final PanelProperties properties;
  private final Clock clock;

  PanelMeetingScheduler(PanelMeetingService meetings, PanelProperties properties, Clock clock) {
    this.meetings = meetings;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "panel meeting";
  }

  @Override
  public String cron() {
    return "0 %d %d * * *"
        .formatted(properties.meetingTime().getMinute(), properties.meetingTime().getHour());
  }

  @Override
  public boolean enabled() {
    return properties.schedulerEnabled();
  }

  @Override
  public void run() {
    LocalDate today = LocalDate.now(clock);
    meetings
        .startMeetingProcess(today)
        .ifPresent(id -> log.info("Spend-control panel process started for {}", today));
  }
}

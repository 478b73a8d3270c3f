package org.carereviews.panel;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Starts the day's meeting process at the meeting time, every day, in the service's time zone. The
 * process itself skips weekends and bank holidays, and a day's meeting starts once however often
 * this runs. Off with {@code care-reviews.panel.scheduler-enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "care-reviews.panel.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class PanelMeetingScheduler implements SchedulingConfigurer {

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
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    String cron = "0 %d %d * * *".formatted(properties.meetingTime().getMinute(), properties.meetingTime().getHour());
    registrar.addCronTask(new org.springframework.scheduling.config.CronTask(this::startToday,
        new CronTrigger(cron, clock.getZone())));
  }

  void startToday() {
    LocalDate today = LocalDate.now(clock);
    meetings.startMeetingProcess(today)
        .ifPresent(id -> log.info("Spend-control panel process started for {}", today));
  }
}

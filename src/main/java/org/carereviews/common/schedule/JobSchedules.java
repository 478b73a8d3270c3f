package org.carereviews.common.schedule;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The one scheduling mechanism: every {@link ScheduledJob} on a cron trigger in the service's time
 * zone (the {@link Clock}'s zone, {@code care-reviews.time-zone}). A job that fails is logged by
 * its class name only (no personal data) and runs again at its next time.
 */
@Configuration
@EnableScheduling
class JobSchedules implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(JobSchedules.class);

  private final List<ScheduledJob> jobs;
  private final Clock clock;

  JobSchedules(List<ScheduledJob> jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    for (ScheduledJob job : jobs) {
      if (!job.enabled()) {
        log.info("Scheduled job '{}' is off by its setting", job.name());
        continue;
      }
      registrar.addCronTask(
          new CronTask(() -> run(job), new CronTrigger(job.cron(), clock.getZone())));
      log.info("Scheduled job '{}' runs at '{}' ({})", job.name(), job.cron(), clock.getZone());
    }
  }

  private static void run(ScheduledJob job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      log.error("Scheduled job '{}' failed: {}", job.name(), e.getClass().getName());
    }
  }
}

package org.carereviews.common.schedule;

import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * A job the service runs on a calendar (the daily review starts, the CTR due list, the panel's
 * meeting, the board's monthly list, the audit purge). Each capability declares its jobs as beans
 * of this type; {@link JobSchedules} runs them all one way: Spring's cron trigger in the council's
 * time zone. The schedule itself is a setting in {@code application.yaml}, written there once.
 */
public interface ScheduledJob {

  /** What the job does, for the log, e.g. {@code "review starts"}. */
  String name();

  /** When it runs: a Spring cron expression (second minute hour day-of-month month day-of-week). */
  String cron();

  /**
   * Whether it runs at all: a schedule of {@code -} turns it off (Spring's convention); a job may
   * also have a setting of its own (e.g. off on a second node).
   */
  default boolean enabled() {
    return !ScheduledTaskRegistrar.CRON_DISABLED.equals(cron());
  }

  /** Runs the job once. */
  void run();
}

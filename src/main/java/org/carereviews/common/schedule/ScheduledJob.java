package org.carereviews.common.schedule;

/**
 * A job the service runs on a calendar (the daily review starts, the CTR due list, the panel's
 * meeting, the board's monthly list, the audit purge). Each capability declares its jobs as beans of
 * this type; {@link JobSchedules} runs them all one way: Spring's cron trigger in the council's time
 * zone. The schedule itself is a setting in {@code application.yaml}, written there once.
 */
public interface ScheduledJob {

  /** What the job does, for the log, e.g. {@code "review starts"}. */
  String name();

  /** When it runs: a Spring cron expression (second minute hour day-of-month month day-of-week). */
  String cron();

  /** Whether it runs at all (a setting may turn a schedule off, e.g. on a second node). */
  default boolean enabled() {
    return true;
  }

  /** Runs the job once. */
  void run();
}

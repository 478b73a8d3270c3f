package org.carereviews.audit;

import org.carereviews.common.schedule.ScheduledJob;
import org.springframework.stereotype.Component;

/**
 * The audit purge on its schedule ({@code care-reviews.audit.purge-schedule}, in the council's
 * zone).
 */
@Component
class AuditPurgeJob implements ScheduledJob {

  private final AuditPurge purge;
  private final AuditProperties properties;

  AuditPurgeJob(AuditPurge purge, AuditProperties properties) {
    this.purge = purge;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "audit purge";
  }

  @Override
  public String cron() {
    return properties.purgeSchedule();
  }

  @Override
  public void run() {
    purge.purge();
  }
}

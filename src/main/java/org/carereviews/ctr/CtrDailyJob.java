package org.carereviews.ctr;

import java.util.Map;
import org.carereviews.common.schedule.ScheduledJob;
import org.carereviews.workflow.Workflow;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code CtrDailySchedule} process every morning, at {@code care-reviews.ctr.schedule}
 * ({@code -} turns it off), run in the service's time zone by the one scheduling mechanism (a
 * Camunda timer's cron would follow the server's zone instead).
 */
@Component
class CtrDailyJob implements ScheduledJob {

  private final Workflow workflow;
  private final CtrProperties properties;

  CtrDailyJob(Workflow workflow, CtrProperties properties) {
    this.workflow = workflow;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "CTR reviews due";
  }

  @Override
  public String cron() {
    return properties.schedule();
  }

  @Override
  public void run() {
    workflow.start(CtrProcesses.DAILY_SCHEDULE, null, Map.of());
  }
}

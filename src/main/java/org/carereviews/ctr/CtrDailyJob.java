package org.carereviews.ctr;

import org.camunda.bpm.engine.RuntimeService;
import org.carereviews.identity.EngineCalls;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code CtrDailySchedule} process every morning, at {@code care-reviews.ctr.schedule} in
 * the service's time zone (a Camunda timer's cron would follow the server's zone instead).
 */
@Component
@EnableScheduling
class CtrDailyJob {

  private final RuntimeService runtimeService;
  private final EngineCalls engineCalls;

  CtrDailyJob(RuntimeService runtimeService, EngineCalls engineCalls) {
    this.runtimeService = runtimeService;
    this.engineCalls = engineCalls;
  }

  @Scheduled(cron = "${care-reviews.ctr.schedule:0 0 6 * * *}", zone = "${care-reviews.time-zone:Europe/London}")
  void startDailySchedule() {
    engineCalls.asService(() -> runtimeService.startProcessInstanceByKey(CtrProcesses.DAILY_SCHEDULE));
  }
}

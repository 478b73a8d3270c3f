package org.carereviews.savings.validation;

import java.time.Clock;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The board's monthly timer: on the configured day and time of each month, in the service's time
 * zone (Spring's cron trigger with a zone; a Camunda timer's cron follows the server's zone), starts
 * the {@code ChangeAndEfficiencyBoard} process that gathers the validated savings into that month's
 * list, once a month however often it runs. Off with
 * {@code care-reviews.savings.validation.board-scheduler-enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "care-reviews.savings.validation.board-scheduler-enabled", havingValue = "true",
    matchIfMissing = true)
class BoardScheduler implements SchedulingConfigurer {

  static final String SCHEDULE = "monthly schedule";

  private static final Logger log = LoggerFactory.getLogger(BoardScheduler.class);

  private final SavingsWorkflow workflow;
  private final ValidationProperties properties;
  private final Clock clock;

  BoardScheduler(SavingsWorkflow workflow, ValidationProperties properties, Clock clock) {
    this.workflow = workflow;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    String cron = "0 %d %d %d * *".formatted(properties.boardGatherTime().getMinute(),
        properties.boardGatherTime().getHour(), properties.boardDayOfMonth());
    registrar.addCronTask(new CronTask(this::gatherThisMonth, new CronTrigger(cron, clock.getZone())));
  }

  void gatherThisMonth() {
    YearMonth month = YearMonth.now(clock);
    if (!workflow.boardStarted(month)) {
      workflow.startBoard(month, SCHEDULE);
      log.info("Change and Efficiency Board list gathering started for {}", month);
    }
  }
}

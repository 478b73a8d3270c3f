package org.carereviews.savings.validation;

import java.time.Clock;
import java.time.YearMonth;
import org.carereviews.common.schedule.ScheduledJob;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The board's monthly job: on the configured day and time of each month ({@code
 * care-reviews.savings.validation.board-day-of-month} and {@code board-gather-time}, in the
 * service's time zone), starts the {@code ChangeAndEfficiencyBoard} process that gathers the
 * validated savings into that month's list, once a month however often it runs. Off with {@code
 * care-reviews.savings.validation.board-scheduler-enabled=false}.
 */
@Component
class BoardScheduler implements ScheduledJob {

  static final String SCHEDULE = "monthly schedule";

  private static final Logger log = LoggerFactory.getLogger(BoardScheduler.class);

  private final Workflow workflow;
  private final ValidationProperties properties;
  private final Clock clock;

  BoardScheduler(Workflow workflow, ValidationProperties properties, Clock clock) {
    this.workflow = workflow;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "board list gathering";
  }

  @Override
  public String cron() {
    return "0 %d %d %d * *"
        .formatted(
            properties.boardGatherTime().getMinute(),
            properties.boardGatherTime().getHour(),
            properties.boardDayOfMonth());
  }

  @Override
  public boolean enabled() {
    return properties.boardSchedulerEnabled();
  }

  @Override
  public void run() {
    YearMonth month = YearMonth.now(clock);
    String businessKey = Board.businessKey(month.toString());
    if (!workflow.isRunning(Board.KEY, businessKey)) {
      workflow.start(Board.KEY, businessKey, Board.startVariables(month, SCHEDULE));
      log.info("Change and Efficiency Board list gathering started for {}", month);
    }
  }
}

package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.carereviews.panel.PanelProcesses;
import org.carereviews.review.ReviewProcess;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, items 3, 4 and 6 in a real Chromium, in Camunda Tasklist of the embedded default: a
 * team manager's fresh "Decide under delegated authority" and "Chase overdue review" tasks are at
 * the top of the manager's shared filter "My teams' tasks", named after the request or review they
 * concern; the team's social worker does not see them in the same filter, and sees the team's
 * reviews named after their references.
 */
@EmbeddedDefaultTest
class TasklistOffersBrowserIT {

  private static final Pattern REVIEW_NAME =
      Pattern.compile(
          "REV-\\d{6} P-\\d{6} PKG-\\d{6}: Carry out review and record outcome, due \\d{1,2} \\w{3} \\d{4}");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FilterService filters;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theManagersTasksAreInTheManagersFilterNamedAfterWhomTheyConcernAndNotInTheSocialWorkers() {
    Task decision = freshDelegatedDecisionForNorth();
    Task chase = freshChaseOfAnOverdueNorthReview();
    assertThat(decision.getName())
        .matches("REQ-\\d{6} P-\\d{6}.*: Decide under delegated authority, [+-]GBP .*/wk from .*");
    assertThat(chase.getName())
        .matches("REV-\\d{6} P-\\d{6} PKG-\\d{6}: Chase overdue review, overdue, was due .*");
    String myTeamsTasks =
        "/camunda/app/tasklist/default/#/?filter="
            + filters.createFilterQuery().filterName("My teams' tasks").singleResult().getId();

    try (Browser manager =
        Browser.start("http://localhost:" + port, "TasklistOffersBrowserIT-tm.north")) {
      manager.signInToTasklist("tm.north").open(myTeamsTasks);
      manager
          .waiting()
          .until(
              page ->
                  listText(manager).contains(chase.getName())
                      && listText(manager).contains(decision.getName()));
      manager.screenshot("tm.north-my-teams-tasks");
      assertThat(listText(manager))
          .contains("Chase overdue review")
          .contains("Decide under delegated authority");
    }

    try (Browser worker =
        Browser.start("http://localhost:" + port, "TasklistOffersBrowserIT-sw.north")) {
      worker.signInToTasklist("sw.north").open(myTeamsTasks);
      worker.waiting().until(page -> REVIEW_NAME.matcher(listText(worker)).find());
      worker.screenshot("sw.north-my-teams-tasks");
      String seen = listText(worker);
      assertThat(seen)
          .doesNotContain(decision.getName())
          .doesNotContain(chase.getName())
          .doesNotContain("Decide under delegated authority")
          .doesNotContain("Chase overdue review");
      assertThat(REVIEW_NAME.matcher(seen).find())
          .as("review tasks named after their references: " + seen)
          .isTrue();

      worker.open("/camunda/app/tasklist/default/#/?task=" + decision.getId());
      worker.screenshot("sw.north-opens-the-managers-task");
      assertThat(listText(worker)).doesNotContain(decision.getName());
    }
  }

  /** The text of Tasklist's task list (and the rest of the page). */
  private static String listText(Browser browser) {
    return browser.driver().findElement(By.tagName("body")).getText();
  }

  /**
   * A NORTH request waiting for a team manager, its task made afresh so it heads the list (newest
   * first).
   */
  private Task freshDelegatedDecisionForNorth() {
    Task waiting =
        tasks
            .createTaskQuery()
            .taskDefinitionKey(PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY)
            .processVariableValueEquals(PanelProcesses.VAR_TEAM_GROUP, "team-north")
            .list()
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "the demo has a NORTH request for a team manager to decide"));
    runtime
        .createProcessInstanceModification(waiting.getProcessInstanceId())
        .cancelAllForActivity(PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY)
        .startBeforeActivity(PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY)
        .execute();
    return tasks
        .createTaskQuery()
        .processInstanceId(waiting.getProcessInstanceId())
        .taskDefinitionKey(PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY)
        .singleResult();
  }

  /**
   * A NORTH review's chasing task for the managers, made afresh so it heads the list: the demo's
   * most urgent reviews are overdue at once (their timer has fired), others are made overdue by
   * their timer.
   */
  private Task freshChaseOfAnOverdueNorthReview() {
    await().atMost(Duration.ofMinutes(10)).until(() -> !northReviewProcesses().isEmpty());
    String process = northReviewProcesses().get(0);
    if (tasks
            .createTaskQuery()
            .processInstanceId(process)
            .taskDefinitionKey(ReviewProcess.TASK_CHASE_OVERDUE)
            .count()
        > 0) {
      runtime
          .createProcessInstanceModification(process)
          .cancelAllForActivity(ReviewProcess.TASK_CHASE_OVERDUE)
          .startBeforeActivity(ReviewProcess.TASK_CHASE_OVERDUE)
          .execute();
    } else {
      Job overdue =
          management
              .createJobQuery()
              .processInstanceId(process)
              .timers()
              .activityId(ReviewProcess.EVENT_OVERDUE)
              .singleResult();
      management.executeJob(overdue.getId());
    }
    return tasks
        .createTaskQuery()
        .processInstanceId(process)
        .taskDefinitionKey(ReviewProcess.TASK_CHASE_OVERDUE)
        .singleResult();
  }

  private List<String> northReviewProcesses() {
    return jdbc.queryForList(
        "select process_instance_id from care_review where team_code = 'NORTH'"
            + " and status <> 'COMPLETED' order by id",
        String.class);
  }
}

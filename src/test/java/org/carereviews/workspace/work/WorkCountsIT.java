package org.carereviews.workspace.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.carereviews.demo.DemoUsers;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.workflow.Workflow;
import org.carereviews.workflow.Workflow.WorkOrder;
import org.carereviews.workflow.Workflow.WorkQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The team's backlog and the navigation's counts are read together ({@link Workflow#counts}, one
 * read): each must answer what Camunda's own count of that list ({@link Workflow#count}) answers,
 * band by band at the bands' edges. Tasks are added to the embedded default's demo tasks (team
 * NORTH and SOUTH) and removed after each test.
 */
@EmbeddedDefaultTest
class WorkCountsIT {

  @Autowired WorkLists lists;
  @Autowired Workflow workflow;
  @Autowired TaskService taskService;
  @Autowired Clock clock;

  private final List<String> added = new ArrayList<>();

  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeAddedTasks() {
    added.forEach(
        id -> {
          jdbc.update("update ACT_RU_TASK set TASK_DEF_KEY_ = null where ID_ = ?", id);
          taskService.deleteTask(id, true);
        });
    added.clear();
  }

  @Test
  void eachBacklogBandCountsTheUnallocatedReviewsFromTheFirstDayOfItsEarliestWeek() {
    CareUser manager = user("tm.north");
    LocalDate today = LocalDate.now(clock);
    WorkLists.Backlog before = lists.backlog(manager);
    assertThat(bands(before)).containsExactly(fiveCounts(manager, today));

    String review = TaskKind.REVIEW.taskKey();
    // Not yet due: due today, at its first moment.
    task(review, startOf(today), "team-north", null);
    // Overdue by up to 2 weeks: a moment before today; exactly 2 weeks ago.
    task(review, startOf(today).minusMillis(1), "team-north", null);
    task(review, startOf(today.minusWeeks(2)), "team-north", null);
    // 2 to 4 weeks: a moment before 2 weeks ago; exactly 4 weeks ago.
    task(review, startOf(today.minusWeeks(2)).minusMillis(1), "team-north", null);
    task(review, startOf(today.minusWeeks(4)), "team-north", null);
    // 4 to 8 weeks: exactly 8 weeks ago.
    task(review, startOf(today.minusWeeks(8)), "team-north", null);
    // 8 weeks or more: a moment before 8 weeks ago (two of them).
    task(review, startOf(today.minusWeeks(8)).minusMillis(1), "team-north", null);
    task(review, startOf(today.minusWeeks(20)), "team-north", null);
    // In no band: allocated; another team's; another kind of task; no due date.
    task(review, startOf(today.minusWeeks(3)), "team-north", "sw.north");
    task(review, startOf(today.minusWeeks(3)), "team-south", null);
    task(TaskKind.CHASE.taskKey(), startOf(today.minusWeeks(3)), "team-north", null);
    task(review, null, "team-north", null);

    WorkLists.Backlog after = lists.backlog(manager);
    long[] increase = new long[5];
    for (int band = 0; band < 5; band++) {
      increase[band] = bands(after)[band] - bands(before)[band];
    }
    assertThat(increase).containsExactly(1, 2, 2, 1, 2);
    assertThat(bands(after)).containsExactly(fiveCounts(manager, today));
    assertThat(bands(lists.backlog(user("tm.south"))))
        .containsExactly(fiveCounts(user("tm.south"), today));
  }

  @Test
  void theNavigationsCountsAndAnyListsCountAreCamundasOwn() {
    LocalDate today = LocalDate.now(clock);
    task(TaskKind.REVIEW.taskKey(), startOf(today.minusWeeks(1)), "team-north", "tm.north");
    task(TaskKind.CHASE.taskKey(), startOf(today.minusWeeks(1)), "team-north-manager", null);
    task(TaskKind.CHASE.taskKey(), startOf(today.minusWeeks(1)), "team-north-manager", "sw.north");

    for (String id : List.of("tm.north", "tm.south")) {
      CareUser manager = user(id);
      WorkLists.NavigationCounts counts = lists.navigationCounts(manager);
      assertThat(counts.myWork()).isEqualTo(lists.myWorkCount(manager));
      assertThat(counts.teamWork()).isEqualTo(lists.teamWorkCount(manager));
      WorkLists.TeamOverview overview = lists.teamOverview(manager);
      assertThat(overview.counts()).isEqualTo(counts);
      assertThat(bands(overview.backlog())).containsExactly(fiveCounts(manager, today));
    }
    assertThat(lists.navigationCounts(user("tm.north")).teamWork()).isPositive();

    Instant now = clock.instant();
    List<WorkQuery> queries =
        List.of(
            query("sw.north", Set.of("team-north"), false, null, null, null, null),
            query(null, Set.of("team-north", "team-north-manager"), true, null, null, null, null),
            query(null, Set.of("team-north"), false, null, Set.of(), null, null),
            query(null, null, false, Set.of(TaskKind.CHASE.taskKey()), null, now, null),
            query("sw.north", null, false, null, null, null, now),
            query(null, null, false, null, null, null, null));
    long[] together = workflow.counts(user("tm.north"), queries);
    for (int i = 0; i < queries.size(); i++) {
      assertThat(together[i])
          .as("list %d", i)
          .isEqualTo(workflow.count(user("tm.north"), queries.get(i)));
    }
    assertThat(together[0]).isPositive();
    assertThat(together[2]).isZero();
  }

  @Test
  void aListsPageHoldsWhatCamundasOwnQueryPagesInItsOrder() {
    CareUser manager = user("tm.north");
    List<String> team = List.of("team-north", "team-north-manager");
    Instant today = startOf(LocalDate.now(clock));
    task(TaskKind.CHASE.taskKey(), today.minusSeconds(7 * 86_400), "team-north-manager", null);
    task(TaskKind.REVIEW.taskKey(), today.minusSeconds(14 * 86_400), "team-north", "tm.north");
    task(TaskKind.REVIEW.taskKey(), today.minusSeconds(21 * 86_400), "team-north", null);
    for (WorkOrder order : WorkOrder.values()) {
      for (int first : List.of(0, 4)) {
        WorkQuery everything =
            new WorkQuery(null, team, true, null, null, null, null, order, first, 4);
        TaskQuery camunda =
            taskService
                .createTaskQuery()
                .active()
                .taskCandidateGroupIn(team)
                .includeAssignedTasks();
        assertSamePage(manager, everything, camunda);

        WorkQuery overdueOrMine =
            new WorkQuery(
                "tm.north",
                List.of("team-north-manager"),
                false,
                List.of(TaskKind.CHASE.taskKey(), TaskKind.REVIEW.taskKey()),
                null,
                today,
                null,
                order,
                first,
                4);
        TaskQuery camundaOverdueOrMine =
            taskService
                .createTaskQuery()
                .active()
                .or()
                .taskAssignee("tm.north")
                .taskCandidateGroupIn(List.of("team-north-manager"))
                .endOr()
                .taskDefinitionKeyIn(TaskKind.CHASE.taskKey(), TaskKind.REVIEW.taskKey())
                .dueBefore(Date.from(today));
        assertSamePage(manager, overdueOrMine, camundaOverdueOrMine);
      }
    }
  }

  /** The same tasks' due and created times, in the same order, and the same total. */
  private void assertSamePage(CareUser user, WorkQuery query, TaskQuery camunda) {
    if (query.order() == WorkOrder.WAITED) {
      camunda.orderByTaskCreateTime().asc();
    } else {
      camunda.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }
    List<Task> expected = camunda.listPage(query.first(), query.max());
    Workflow.WorkPage page = workflow.work(user, query);
    assertThat(page.tasks())
        .extracting(task -> task.due() + " " + task.created())
        .containsExactlyElementsOf(
            expected.stream()
                .map(
                    task ->
                        (task.getDueDate() == null ? null : task.getDueDate().toInstant())
                            + " "
                            + task.getCreateTime().toInstant())
                .toList());
    assertThat(page.total()).isEqualTo(camunda.count());
    if (query.first() == 0) {
      assertThat(page.tasks()).as("%s", query).isNotEmpty();
    }
  }

  /** The backlog as Camunda's own counts answer it: one count per band. */
  private long[] fiveCounts(CareUser manager, LocalDate today) {
    List<String> teams = manager.teamCodes().stream().map(Roles::teamGroup).sorted().toList();
    return new long[] {
      unallocated(manager, teams, null, today),
      unallocated(manager, teams, today, today.minusWeeks(2)),
      unallocated(manager, teams, today.minusWeeks(2), today.minusWeeks(4)),
      unallocated(manager, teams, today.minusWeeks(4), today.minusWeeks(8)),
      unallocated(manager, teams, today.minusWeeks(8), null)
    };
  }

  private long unallocated(CareUser user, List<String> teams, LocalDate before, LocalDate from) {
    return workflow.count(
        user,
        query(
            null,
            teams,
            false,
            List.of(TaskKind.REVIEW.taskKey()),
            null,
            before == null ? null : startOf(before),
            from == null ? null : startOf(from).minusMillis(1)));
  }

  private static WorkQuery query(
      String assignee,
      java.util.Collection<String> groups,
      boolean includeAssigned,
      java.util.Collection<String> keys,
      java.util.Collection<String> businessKeys,
      Instant dueBefore,
      Instant dueAfter) {
    return new WorkQuery(
        assignee, groups, includeAssigned, keys, businessKeys, dueBefore, dueAfter, null, 0, 25);
  }

  private static long[] bands(WorkLists.Backlog backlog) {
    return new long[] {
      backlog.notYetDue(),
      backlog.upToTwoWeeks(),
      backlog.twoToFourWeeks(),
      backlog.fourToEightWeeks(),
      backlog.overEightWeeks()
    };
  }

  private void task(String key, Instant due, String group, String assignee) {
    Task task = taskService.newTask();
    task.setName("Counted task");
    task.setDueDate(due == null ? null : Date.from(due));
    task.setAssignee(assignee);
    taskService.saveTask(task);
    added.add(task.getId());
    taskService.addCandidateGroup(task.getId(), group);
    // A task of a process's kind without the process: the key is the engine's column, set directly
    // (Camunda would look the key up in a model when a standalone task is saved with one).
    jdbc.update("update ACT_RU_TASK set TASK_DEF_KEY_ = ? where ID_ = ?", key, task.getId());
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(clock.getZone()).toInstant();
  }

  private static CareUser user(String id) {
    return CareUser.fromGroups(
        id,
        DemoUsers.ALL.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow().groups());
  }
}

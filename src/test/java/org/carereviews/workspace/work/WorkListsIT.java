package org.carereviews.workspace.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.demo.DemoUsers;
import org.carereviews.identity.CareUser;
import org.carereviews.review.ReviewLines;
import org.carereviews.review.ReviewLines.ReviewLine;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The work lists' query, allocation and who sees what, on the embedded default's demo reviews (team
 * NORTH and SOUTH): a team manager sees the team's work and its backlog, a worker only their own,
 * nobody another team's.
 */
@EmbeddedDefaultTest
class WorkListsIT {

  @Autowired WorkLists lists;
  @Autowired TaskWork tasks;
  @Autowired ReviewLines reviews;
  @Autowired Workflow workflow;

  private static final WorkFilter ALL = WorkFilter.of(null, null, null, null, null);

  @Test
  void aTeamManagerSeesTheTeamsTasksEachNamingItsPersonAndTheBacklogAddsUp() {
    WorkLists.WorkListPage team =
        lists.teamWork(user("tm.north"), WorkFilter.of("review", null, null, null, null));

    assertThat(team.rows()).isNotEmpty().hasSizeLessThanOrEqualTo(WorkFilter.PAGE_SIZE);
    assertThat(team.rows())
        .allSatisfy(
            row -> {
              assertThat(row.personName()).isNotBlank();
              assertThat(row.personReference()).startsWith("P-");
              assertThat(row.whatToDo()).isEqualTo("Carry out review");
              assertThat(row.currentWeekly()).isNotNull();
            });
    Map<String, ReviewLine> found =
        reviews.byReference(team.rows().stream().map(WorkRow::caseReference).toList());
    assertThat(found.values()).extracting(ReviewLine::teamCode).containsOnly("NORTH");
    List<java.time.LocalDate> dues = team.rows().stream().map(WorkRow::due).toList();
    assertThat(dues).isSortedAccordingTo(java.util.Comparator.naturalOrder());

    long unallocated =
        lists
            .teamWork(user("tm.north"), WorkFilter.of("review", null, null, null, null))
            .rows()
            .stream()
            .filter(WorkRow::unallocatedReview)
            .count();
    assertThat(unallocated).isPositive();
    assertThat(lists.backlog(user("tm.north")).total()).isGreaterThanOrEqualTo(unallocated);
  }

  @Test
  void aWorkerSeesNoTeamListAndOnlyTheirOwnTasks() {
    assertThatThrownBy(() -> lists.teamWork(user("sw.north"), ALL))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> lists.backlog(user("sw.north")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(lists.myWork(user("sw.south"), ALL).rows())
        .allSatisfy(row -> assertThat(row.assignee()).isEqualTo("sw.south"));
  }

  @Test
  void allocationPutsTheReviewInTheWorkersListAndRefusesAWorkerOfAnotherTeam() {
    CareUser manager = user("tm.north");
    WorkRow review =
        lists.teamWork(manager, WorkFilter.of("review", null, null, null, null)).rows().stream()
            .filter(WorkRow::unallocatedReview)
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(
            () ->
                workflow.asUser(
                    manager,
                    () -> {
                      reviews.allocate(manager, review.reviewId(), "sw.south");
                      return null;
                    }))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is not a member of team NORTH");
    assertThatThrownBy(
            () ->
                workflow.asUser(
                    user("sw.north"),
                    () -> {
                      reviews.allocate(user("sw.north"), review.reviewId(), "sw.north");
                      return null;
                    }))
        .isInstanceOf(AccessDeniedException.class);

    workflow.asUser(
        manager,
        () -> {
          reviews.allocate(manager, review.reviewId(), "sw.north");
          return null;
        });

    WorkLists.WorkListPage mine =
        lists.myWork(user("sw.north"), WorkFilter.of(null, null, review.personName(), null, null));
    assertThat(mine.rows()).extracting(WorkRow::taskId).contains(review.taskId());
    assertThat(
            lists
                .myWork(
                    user("sw.south"), WorkFilter.of(null, null, review.personName(), null, null))
                .rows())
        .isEmpty();
  }

  @Test
  void aTaskOfAnotherTeamIsNotFoundAndAnOverdueFilterKeepsOnlyOverdueRows() {
    WorkRow north = lists.teamWork(user("tm.north"), ALL).rows().get(0);

    assertThatThrownBy(() -> tasks.task(user("sw.south"), north.taskId()))
        .isInstanceOf(RecordNotFoundException.class);
    assertThatThrownBy(() -> tasks.task(user("tm.south"), north.taskId()))
        .isInstanceOf(RecordNotFoundException.class);
    assertThatThrownBy(() -> tasks.task(user("tm.north"), "not a task id"))
        .isInstanceOf(RecordNotFoundException.class);
    assertThat(tasks.task(user("tm.north"), north.taskId()).id()).isEqualTo(north.taskId());

    assertThat(
            lists.teamWork(user("tm.north"), WorkFilter.of(null, "true", null, null, null)).rows())
        .allSatisfy(row -> assertThat(row.overdue()).endsWith("overdue"));
  }

  private static CareUser user(String id) {
    return CareUser.fromGroups(
        id,
        DemoUsers.ALL.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow().groups());
  }
}

package org.carereviews.workspace.work;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.review.ReviewLines;
import org.carereviews.workflow.Workflow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My work" ({@code /}, {@code /work}) and "My team's work" ({@code /team-work}, {@code /team}:
 * team managers), with the team's backlog and allocation; "Decisions on your requests" for a
 * worker.
 */
@Controller
class WorkController {

  static final String MY_WORK = "my-work";
  static final String TEAM_WORK = "team-work";

  private final WorkLists lists;
  private final ReviewLines reviews;
  private final Workflow workflow;

  WorkController(WorkLists lists, ReviewLines reviews, Workflow workflow) {
    this.lists = lists;
    this.reviews = reviews;
    this.workflow = workflow;
  }

  @GetMapping({"/", "/work"})
  @Audited(action = AuditAction.LIST, record = "task")
  String myWork(
      CareUser user,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String page,
      Model model) {
    WorkFilter filter = WorkFilter.of(kind, overdue, q, sort, page);
    WorkLists.WorkListPage list = lists.myWork(user, filter);
    model.addAttribute("list", list);
    model.addAttribute("filter", filter);
    model.addAttribute("kinds", kindsFor(user));
    model.addAttribute("path", "/work");
    model.addAttribute("decisions", lists.decisionsOnRequestsOf(user));
    model.addAttribute("teamManager", WorkLists.isManager(user));
    counts(user, model, MY_WORK, filter.isEverything() ? list.total() : null, null);
    return "workspace/work/my-work";
  }

  @GetMapping({"/team-work", "/team"})
  @Audited(action = AuditAction.LIST, record = "task")
  String teamWork(
      CareUser user,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String page,
      Model model) {
    if (!WorkLists.isManager(user)) {
      throw new AccessDeniedException("only a team manager sees the team's work");
    }
    WorkFilter filter = WorkFilter.of(kind, overdue, q, sort, page);
    teamPage(user, filter, model);
    return "workspace/work/team-work";
  }

  /**
   * Allocates an unallocated review to a worker of the team (as the API's allocation: a team
   * manager of its team).
   */
  @PostMapping("/team-work/reviews/{review}/allocation")
  String allocate(
      CareUser user,
      @PathVariable("review") String reviewId,
      @RequestParam(required = false) String assignee,
      Model model,
      RedirectAttributes redirect) {
    if (!WorkLists.isManager(user)) {
      throw new AccessDeniedException("only a team manager allocates reviews");
    }
    long id = reviewId.matches("\\d{1,18}") ? Long.parseLong(reviewId) : -1;
    String field = "assignee-" + reviewId.replaceAll("[^0-9]", "");
    String refusal = null;
    if (assignee == null || assignee.isBlank()) {
      refusal = "Select who carries out the review";
    } else {
      try {
        workflow.asUser(
            user,
            () -> {
              reviews.allocate(user, id, assignee.strip());
              return null;
            });
      } catch (InvalidRequestException | StateConflictException refused) {
        refusal = "The person selected " + refused.getMessage();
      }
    }
    if (refusal != null) {
      WorkFilter filter = WorkFilter.of(null, null, null, null, null);
      teamPage(user, filter, model);
      model.addAttribute(
          "allocationError", Map.of("href", "#" + field, "message", refusal, "field", field));
      return "workspace/work/team-work";
    }
    String name = lists.teamMembers(user).getOrDefault(assignee.strip(), assignee.strip());
    redirect.addFlashAttribute("allocated", "Review allocated to " + name);
    return "redirect:/team-work";
  }

  private void teamPage(CareUser user, WorkFilter filter, Model model) {
    WorkLists.WorkListPage list = lists.teamWork(user, filter);
    model.addAttribute("list", list);
    model.addAttribute("filter", filter);
    model.addAttribute("kinds", List.of(TaskKind.values()));
    model.addAttribute("path", "/team-work");
    WorkLists.TeamOverview overview = lists.teamOverview(user);
    model.addAttribute("backlog", overview.backlog());
    model.addAttribute("members", lists.teamMembers(user));
    navigation(
        model,
        TEAM_WORK,
        overview.counts().myWork(),
        filter.isEverything() ? list.total() : overview.counts().teamWork(),
        true);
  }

  private static List<TaskKind> kindsFor(CareUser user) {
    return WorkLists.isManager(user)
        ? List.of(TaskKind.values())
        : List.of(TaskKind.REVIEW, TaskKind.REASSESS, TaskKind.DECLINED, TaskKind.REJECTED_SAVING);
  }

  /**
   * The navigation's counts; a list drawn unfiltered already knows its own (null: count it; both
   * are counted in one read).
   */
  private void counts(CareUser user, Model model, String current, Long myWork, Long teamWork) {
    boolean manager = WorkLists.isManager(user);
    long mine;
    long team = 0;
    if (myWork == null && manager && teamWork == null) {
      WorkLists.NavigationCounts counted = lists.navigationCounts(user);
      mine = counted.myWork();
      team = counted.teamWork();
    } else {
      mine = myWork != null ? myWork : lists.myWorkCount(user);
      if (manager) {
        team = teamWork != null ? teamWork : lists.teamWorkCount(user);
      }
    }
    navigation(model, current, mine, team, manager);
  }

  private static void navigation(
      Model model, String current, long myWork, long teamWork, boolean manager) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(MY_WORK, myWork);
    if (manager) {
      counts.put(TEAM_WORK, teamWork);
    }
    model.addAttribute("navCounts", counts);
    model.addAttribute("navCurrent", current);
  }
}

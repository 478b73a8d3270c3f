package org.carereviews.workspace.work;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carereviews.casebook.CaseLines;
import org.carereviews.casebook.CaseLines.Lines;
import org.carereviews.casebook.CaseLines.PackageLine;
import org.carereviews.casebook.CaseLines.PersonLine;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PeopleFilter;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.panel.PanelProcesses;
import org.carereviews.panel.RequestLines;
import org.carereviews.panel.RequestLines.DecidedRequest;
import org.carereviews.panel.RequestLines.RequestLine;
import org.carereviews.review.ReviewLines;
import org.carereviews.review.ReviewLines.ReviewLine;
import org.carereviews.review.ReviewProcess;
import org.carereviews.savings.validation.ValidationDesk;
import org.carereviews.savings.validation.ValidationDesk.QueueRow;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.carereviews.workflow.Workflow.WorkPage;
import org.carereviews.workflow.Workflow.WorkQuery;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The work lists' read model. A page costs one task query and one count (Camunda's authorizations
 * on, as the user), then one bulk read per capability (reviews, package requests, people and their
 * packages): never a query per row. Names come from the casebook as the page is drawn.
 */
@Service
public class WorkLists {

  /** How many people a name search looks at (a search matching more asks for a closer one). */
  static final int SEARCH_PEOPLE = 200;

  private static final String REQUEST_KEY_PREFIX =
      PanelProcesses.requestBusinessKey(0).replace("0", "");
  private static final String SAVING_KEY_PREFIX = "saving-";

  /** One page of a list. */
  public record WorkListPage(List<WorkRow> rows, long total, int page, int pages) {}

  /** The team's unallocated reviews by how overdue they are. */
  public record Backlog(
      long notYetDue,
      long upToTwoWeeks,
      long twoToFourWeeks,
      long fourToEightWeeks,
      long overEightWeeks) {

    public long total() {
      return notYetDue + upToTwoWeeks + twoToFourWeeks + fourToEightWeeks + overEightWeeks;
    }
  }

  /** A decision on one of the user's requests, for the worker's list. */
  public record DecisionRow(
      long requestId,
      String personName,
      String personReference,
      String caseReference,
      String outcome,
      String detail,
      Instant decidedAt,
      String decidedOn) {}

  private static final WorkFilter EVERYTHING = WorkFilter.of(null, null, null, null, null);

  private final Workflow workflow;
  private final ReviewLines reviews;
  private final RequestLines requests;
  private final CaseLines cases;
  private final CasebookService casebook;
  private final ValidationDesk savings;
  private final Clock clock;

  WorkLists(
      Workflow workflow,
      ReviewLines reviews,
      RequestLines requests,
      CaseLines cases,
      CasebookService casebook,
      ValidationDesk savings,
      Clock clock) {
    this.savings = savings;
    this.workflow = workflow;
    this.reviews = reviews;
    this.requests = requests;
    this.cases = cases;
    this.casebook = casebook;
    this.clock = clock;
  }

  /**
   * The user's own work: tasks assigned to them, and (a team manager) tasks offered to the team's
   * managers.
   */
  WorkListPage myWork(CareUser user, WorkFilter filter) {
    return page(user, filter, myWorkQuery(user, filter));
  }

  /** The team's work (a team manager's): every open task of the team, allocated or not. */
  WorkListPage teamWork(CareUser user, WorkFilter filter) {
    requireManager(user);
    return page(user, filter, teamQuery(user, filter));
  }

  long myWorkCount(CareUser user) {
    return workflow.count(user, myWorkQuery(user, EVERYTHING));
  }

  long teamWorkCount(CareUser user) {
    return isManager(user) ? workflow.count(user, teamQuery(user, EVERYTHING)) : 0;
  }

  /**
   * The navigation's counts, "My work" and (a team manager's) "My team's work", in one read of the
   * open tasks.
   */
  NavigationCounts navigationCounts(CareUser user) {
    if (!isManager(user)) {
      return new NavigationCounts(myWorkCount(user), 0);
    }
    long[] counts =
        workflow.counts(user, List.of(myWorkQuery(user, EVERYTHING), teamQuery(user, EVERYTHING)));
    return new NavigationCounts(counts[0], counts[1]);
  }

  /** The navigation's counts. */
  record NavigationCounts(long myWork, long teamWork) {}

  /** What a team manager's team page shows beside its list, read together. */
  record TeamOverview(Backlog backlog, NavigationCounts counts) {}

  /**
   * The team's backlog and the navigation's counts in one read of the open tasks (seven counts, one
   * scan).
   */
  TeamOverview teamOverview(CareUser user) {
    requireManager(user);
    List<WorkQuery> queries = new ArrayList<>(backlogQueries(user));
    queries.add(myWorkQuery(user, EVERYTHING));
    queries.add(teamQuery(user, EVERYTHING));
    long[] counts = workflow.counts(user, queries);
    return new TeamOverview(backlogOf(counts), new NavigationCounts(counts[5], counts[6]));
  }

  /**
   * The team's unallocated reviews: not yet due, and overdue by 0-2, 2-4, 4-8 and 8+ weeks (five
   * counts in one read).
   */
  Backlog backlog(CareUser user) {
    requireManager(user);
    return backlogOf(workflow.counts(user, backlogQueries(user)));
  }

  private static Backlog backlogOf(long[] counts) {
    return new Backlog(counts[0], counts[1], counts[2], counts[3], counts[4]);
  }

  /**
   * The backlog's five bands, as work lists: not yet due, then overdue by 0-2, 2-4, 4-8, 8+ weeks.
   */
  private List<WorkQuery> backlogQueries(CareUser user) {
    LocalDate today = LocalDate.now(clock);
    return List.of(
        unallocated(user, null, today),
        unallocated(user, today, today.minusWeeks(2)),
        unallocated(user, today.minusWeeks(2), today.minusWeeks(4)),
        unallocated(user, today.minusWeeks(4), today.minusWeeks(8)),
        unallocated(user, today.minusWeeks(8), null));
  }

  /**
   * Unallocated reviews due before {@code before} and on or after {@code from} (null: open-ended).
   */
  private WorkQuery unallocated(CareUser user, LocalDate before, LocalDate from) {
    return new WorkQuery(
        null,
        teamGroups(user),
        false,
        List.of(TaskKind.REVIEW.taskKey()),
        null,
        before == null ? null : startOf(before),
        from == null ? null : startOf(from).minusMillis(1),
        null,
        0,
        0);
  }

  /** The latest decisions on the requests this user sent (reviews' package changes). */
  List<DecisionRow> decisionsOnRequestsOf(CareUser user) {
    List<DecidedRequest> decided = requests.decidedRequestsOf(user.userId());
    Lines lines =
        cases.of(decided.stream().map(d -> d.request().personId()).collect(Collectors.toSet()));
    return decided.stream()
        .map(
            d -> {
              PersonLine person = lines.people().get(d.request().personId());
              return new DecisionRow(
                  d.request().requestId(),
                  person == null ? null : person.displayName(),
                  person == null ? null : person.reference(),
                  d.request().sourceReference(),
                  Outcomes.label(d.decision()),
                  Outcomes.detail(d.decision()),
                  d.decision().decidedAt(),
                  Outcomes.DATE.format(d.decision().decidedAt().atZone(clock.getZone())));
            })
        .toList();
  }

  /** The members of the user's teams (user id to name), for allocation. */
  Map<String, String> teamMembers(CareUser user) {
    List<String> ids = workflow.membersOf(user.teamCodes().stream().map(Roles::teamGroup).toList());
    Map<String, String> names = workflow.userNames(ids);
    Map<String, String> members = new java.util.LinkedHashMap<>();
    ids.stream()
        .sorted(java.util.Comparator.comparing(id -> names.getOrDefault(id, id)))
        .forEach(id -> members.put(id, names.getOrDefault(id, id)));
    return members;
  }

  static boolean isManager(CareUser user) {
    return user.hasRole(Roles.TEAM_MANAGER) && !user.teamCodes().isEmpty();
  }

  private static void requireManager(CareUser user) {
    if (!isManager(user)) {
      throw new AccessDeniedException("only a team manager sees the team's work");
    }
  }

  private WorkQuery myWorkQuery(CareUser user, WorkFilter filter) {
    Set<String> managerGroups = new LinkedHashSet<>();
    if (isManager(user)) {
      user.teamCodes().forEach(code -> managerGroups.add(Roles.managerGroup(code)));
    }
    return query(user, user.userId(), managerGroups, false, filter);
  }

  private WorkQuery teamQuery(CareUser user, WorkFilter filter) {
    Set<String> groups = new LinkedHashSet<>(teamGroups(user));
    user.teamCodes().forEach(code -> groups.add(Roles.managerGroup(code)));
    return query(user, null, groups, true, filter);
  }

  private static List<String> teamGroups(CareUser user) {
    return user.teamCodes().stream().map(Roles::teamGroup).sorted().toList();
  }

  private WorkQuery query(
      CareUser user,
      String assignee,
      Collection<String> groups,
      boolean includeAssigned,
      WorkFilter filter) {
    Instant dueBefore = filter.overdueOnly() ? startOf(LocalDate.now(clock)) : null;
    return new WorkQuery(
        assignee,
        groups,
        includeAssigned,
        filter.kind() == null ? null : List.of(filter.kind().taskKey()),
        filter.search() == null ? null : searchKeys(user, filter.search()),
        dueBefore,
        null,
        filter.order(),
        (filter.page() - 1) * WorkFilter.PAGE_SIZE,
        WorkFilter.PAGE_SIZE);
  }

  /**
   * The cases (business keys) a search names: a review's reference, or the open cases of people
   * whose name matches or whose reference it is.
   */
  private Set<String> searchKeys(CareUser user, String text) {
    Set<String> keys = new LinkedHashSet<>();
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.startsWith("REV-")) {
      keys.add(upper);
    }
    List<Long> people =
        new ArrayList<>(
            casebook
                .findPeople(
                    user,
                    new PeopleFilter(null, null, null, text),
                    PageRequest.of(0, SEARCH_PEOPLE))
                .content()
                .stream()
                .map(p -> p.id())
                .toList());
    // A person's reference (P-000123), as the search's label offers: the list's own query keeps
    // only the tasks the user may see, so another team's person adds nothing.
    if (upper.matches("P-\\d{1,12}")) {
      casebook.personIdOf(upper).filter(id -> !people.contains(id)).ifPresent(people::add);
    }
    if (!people.isEmpty()) {
      keys.addAll(reviews.openReferencesOf(people));
      requests
          .ofPeople(people)
          .forEach(r -> keys.add(PanelProcesses.requestBusinessKey(r.requestId())));
    }
    return keys;
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(clock.getZone()).toInstant();
  }

  private WorkListPage page(CareUser user, WorkFilter filter, WorkQuery query) {
    WorkPage found = workflow.work(user, query);
    List<OpenTask> tasks = found.tasks();
    Set<String> reviewRefs = new LinkedHashSet<>();
    Set<Long> requestIds = new LinkedHashSet<>();
    Set<Long> savingIds = new LinkedHashSet<>();
    for (OpenTask task : tasks) {
      String key = task.businessKey();
      if (key == null) {
        continue;
      }
      if (key.startsWith(REQUEST_KEY_PREFIX)) {
        parseId(key.substring(REQUEST_KEY_PREFIX.length()), requestIds);
      } else if (key.startsWith(SAVING_KEY_PREFIX)) {
        parseId(key.substring(SAVING_KEY_PREFIX.length()), savingIds);
      } else {
        reviewRefs.add(key);
      }
    }
    Map<String, ReviewLine> reviewsByRef = reviews.byReference(reviewRefs);
    Map<Long, RequestLine> requestsById = requests.byId(requestIds);
    Set<Long> personIds = new LinkedHashSet<>();
    reviewsByRef.values().forEach(r -> personIds.add(r.personId()));
    requestsById.values().forEach(r -> personIds.add(r.personId()));
    Map<Long, QueueRow> savingsById = savings.savings(savingIds);
    savingsById.values().forEach(s -> personIds.add(s.personId()));
    Lines lines = cases.of(personIds);
    Map<String, RequestLine> latestRequestOfReview = new HashMap<>();
    if (!reviewsByRef.isEmpty()) {
      Set<Long> reviewPeople =
          reviewsByRef.values().stream().map(ReviewLine::personId).collect(Collectors.toSet());
      requests
          .ofPeople(reviewPeople)
          .forEach(
              r -> {
                if (r.sourceReference() != null) {
                  latestRequestOfReview.putIfAbsent(r.sourceReference(), r);
                }
              });
    }
    Set<String> assignees =
        tasks.stream().map(OpenTask::assignee).filter(a -> a != null).collect(Collectors.toSet());
    Map<String, String> assigneeNames = workflow.userNames(assignees);
    LocalDate today = LocalDate.now(clock);
    List<WorkRow> rows = new ArrayList<>();
    for (OpenTask task : tasks) {
      rows.add(
          row(
              task,
              reviewsByRef,
              requestsById,
              savingsById,
              latestRequestOfReview,
              lines,
              assigneeNames,
              today));
    }
    int pages =
        (int) Math.max(1, (found.total() + WorkFilter.PAGE_SIZE - 1) / WorkFilter.PAGE_SIZE);
    return new WorkListPage(rows, found.total(), filter.page(), pages);
  }

  private WorkRow row(
      OpenTask task,
      Map<String, ReviewLine> reviewsByRef,
      Map<Long, RequestLine> requestsById,
      Map<Long, QueueRow> savingsById,
      Map<String, RequestLine> latestRequestOfReview,
      Lines lines,
      Map<String, String> assigneeNames,
      LocalDate today) {
    LocalDate due = task.due() == null ? null : task.due().atZone(clock.getZone()).toLocalDate();
    LocalDate created =
        task.created() == null ? null : task.created().atZone(clock.getZone()).toLocalDate();
    String what = TaskKind.plainName(task.key(), task.name());
    Long personId = null;
    Long reviewId = null;
    String caseRef = task.businessKey();
    var current = (org.carereviews.common.Money) null;
    var proposed = (org.carereviews.common.Money) null;
    var fullYear = (org.carereviews.common.Money) null;
    ReviewLine review = task.businessKey() == null ? null : reviewsByRef.get(task.businessKey());
    if (review != null) {
      personId = review.personId();
      reviewId = review.reviewId();
      if (ReviewProcess.TASK_CONDUCT.equals(task.key()) && due == null) {
        due = review.dueDate();
      }
      PackageLine pack = lines.packages().get(review.packageId());
      current = pack == null ? null : pack.netWeeklyCost();
      RequestLine request = latestRequestOfReview.get(review.reference());
      if (request != null && !ReviewProcess.TASK_CONDUCT.equals(task.key())) {
        proposed = request.proposedNetWeekly();
        fullYear = request.fullYearChange();
      }
    }
    RequestLine request = requestOf(task.businessKey(), requestsById);
    if (request != null) {
      personId = request.personId();
      current = request.currentNetWeekly();
      proposed = request.proposedNetWeekly();
      fullYear = request.fullYearChange();
      caseRef = request.sourceReference() != null ? request.sourceReference() : caseRef;
    }
    QueueRow saving = savingOf(task.businessKey(), savingsById);
    if (saving != null) {
      // a rejected saving back with its recorder: its person, and the change it claims
      personId = saving.personId();
      fullYear = org.carereviews.common.Money.of(saving.fullYearEffect());
      caseRef = "Saving " + saving.costChangeId();
    }
    PersonLine person = personId == null ? null : lines.people().get(personId);
    return new WorkRow(
        task.id(),
        task.key(),
        what,
        person == null ? null : person.displayName(),
        person == null ? null : person.reference(),
        caseRef,
        due,
        Waits.overdue(due, today),
        current,
        proposed,
        fullYear,
        Waits.waited(created, today),
        reviewId,
        task.assignee(),
        task.assignee() == null
            ? null
            : assigneeNames.getOrDefault(task.assignee(), task.assignee()));
  }

  private static RequestLine requestOf(String businessKey, Map<Long, RequestLine> requestsById) {
    if (businessKey == null || !businessKey.startsWith(REQUEST_KEY_PREFIX)) {
      return null;
    }
    Set<Long> id = new LinkedHashSet<>();
    parseId(businessKey.substring(REQUEST_KEY_PREFIX.length()), id);
    return id.isEmpty() ? null : requestsById.get(id.iterator().next());
  }

  private static QueueRow savingOf(String businessKey, Map<Long, QueueRow> savingsById) {
    if (businessKey == null || !businessKey.startsWith(SAVING_KEY_PREFIX)) {
      return null;
    }
    Set<Long> id = new LinkedHashSet<>();
    parseId(businessKey.substring(SAVING_KEY_PREFIX.length()), id);
    return id.isEmpty() ? null : savingsById.get(id.iterator().next());
  }

  private static void parseId(String text, Collection<Long> into) {
    if (text.matches("\\d{1,18}")) {
      into.add(Long.parseLong(text));
    }
  }
}

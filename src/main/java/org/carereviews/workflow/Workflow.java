package org.carereviews.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one way the service reaches the process engine. Capabilities start their processes, find and
 * complete user tasks, send messages and evaluate the council's decision tables through it; tasks
 * come back as {@link OpenTask}, never the engine's type; a refusal a task listener throws comes
 * back as itself, not wrapped in the engine's exception.
 *
 * <p>Two kinds of call: on the <em>user's</em> account (the signed-in user, as the API or Tasklist
 * set the engine's authentication, so Camunda's authorizations apply as in Tasklist) and on the
 * <em>service's</em> account ({@link #asService}: the caller has already checked the user's right
 * to the action, and Camunda's per-user grants would otherwise have to be made wide).
 */
@Component
public class Workflow {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final NamedParameterJdbcTemplate jdbc;

  /** A plain DMN engine: the deployed tables evaluated as reads, outside the engine's history. */
  private final DmnEngine dmn =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /** Parsed decisions by decision definition id: a new deployment has a new id. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  Workflow(
      RuntimeService runtime,
      TaskService tasks,
      IdentityService identity,
      RepositoryService repository,
      NamedParameterJdbcTemplate jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.repository = repository;
    this.jdbc = jdbc;
  }

  // --- processes ---------------------------------------------------------------------------------

  /**
   * Starts a process on the service's account (the caller decided it may: a schedule, a request the
   * user may make, a step of another process).
   *
   * @param businessKey the case it concerns, or null
   * @return the process instance id
   */
  public String start(String processKey, String businessKey, Map<String, Object> variables) {
    return asService(
        () -> runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId());
  }

  /** Whether a process with this key runs now for the case. */
  public boolean isRunning(String processKey, String businessKey) {
    return asService(
        () ->
            runtime
                    .createProcessInstanceQuery()
                    .processDefinitionKey(processKey)
                    .processInstanceBusinessKey(businessKey)
                    .count()
                > 0);
  }

  /**
   * Delivers a message to one waiting process instance on the service's account.
   *
   * @return false when that instance is not waiting for the message (nothing was delivered)
   */
  public boolean correlate(
      String messageName, String processInstanceId, Map<String, Object> variables) {
    try {
      asService(
          () ->
              runtime
                  .createMessageCorrelation(messageName)
                  .processInstanceId(processInstanceId)
                  .setVariables(variables)
                  .correlateWithResult());
      return true;
    } catch (MismatchingMessageCorrelationException notWaiting) {
      return false;
    }
  }

  // --- tasks -------------------------------------------------------------------------------------

  /** The open tasks of a process instance, oldest first, looked up on the service's account. */
  public List<OpenTask> openTasks(String processInstanceId) {
    return asService(
        () ->
            of(
                tasks
                    .createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .active()
                    .orderByTaskCreateTime()
                    .asc()
                    .list()));
  }

  /** The open task of this key in a process instance, looked up on the service's account. */
  public Optional<OpenTask> openTask(String processInstanceId, String taskKey) {
    return asService(
        () ->
            one(
                tasks
                    .createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskKey)
                    .active()
                    .singleResult()));
  }

  /**
   * The open tasks of a process instance the signed-in user may see (Camunda's authorizations
   * apply, as in Tasklist), oldest first.
   */
  public List<OpenTask> openTasksVisibleToUser(String processInstanceId) {
    return of(
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .active()
            .orderByTaskCreateTime()
            .asc()
            .list());
  }

  /** The open task of this key in a process instance, if the signed-in user may see it. */
  public Optional<OpenTask> openTaskVisibleToUser(String processInstanceId, String taskKey) {
    return one(
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .active()
            .singleResult());
  }

  /**
   * The open task of one of these keys in the process with this business key, on the service's
   * account.
   */
  public Optional<OpenTask> openTaskOfCase(String businessKey, String... taskKeys) {
    return asService(
        () ->
            one(
                tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(businessKey)
                    .taskDefinitionKeyIn(taskKeys)
                    .active()
                    .singleResult()));
  }

  /**
   * Open tasks of one kind, oldest first, at most {@code limit}, on the service's account.
   *
   * @param assignee only those assigned to this user, or null for all
   */
  public List<OpenTask> openTasksOfKind(
      String processKey, String taskKey, String assignee, int limit) {
    return asService(
        () -> {
          TaskQuery query =
              tasks
                  .createTaskQuery()
                  .processDefinitionKey(processKey)
                  .taskDefinitionKey(taskKey)
                  .active();
          if (assignee != null) {
            query.taskAssignee(assignee);
          }
          return of(query.orderByTaskCreateTime().asc().listPage(0, limit));
        });
  }

  /**
   * The process instances of a process key with a task assigned to the user, as the user may see
   * them.
   */
  public List<String> processesWithTasksAssignedTo(String processKey, String userId) {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(processKey)
        .taskAssignee(userId)
        .list()
        .stream()
        .map(Task::getProcessInstanceId)
        .distinct()
        .toList();
  }

  /** A variable of the task's process (or its own scope), read on the service's account. */
  public <T> T variable(OpenTask task, ProcessVariable<T> variable) {
    return variable.from(asService(() -> tasks.getVariable(task.id(), variable.name())));
  }

  /**
   * Completes a task as the signed-in user: Camunda checks that they may work on it, and the task's
   * listeners read who decides from the engine's authentication, exactly as for a Tasklist form. A
   * listener's refusal comes back as itself; Camunda's refusal as an {@link AccessDeniedException}.
   */
  public void complete(OpenTask task, Map<String, Object> variables) {
    try {
      tasks.complete(task.id(), variables);
    } catch (AuthorizationException refused) {
      if (!stillOpen(task)) {
        // Completed by another request meanwhile: its grants went with it, so Camunda answers as if
        // the user had never had them. The conflict is the truth, not a refusal.
        throw new StateConflictException(
            "'" + task.name() + "' was completed meanwhile; nothing was recorded by this request");
      }
      throw new AccessDeniedException(
          "'"
              + task.name()
              + "' is not a task "
              + currentUserId().orElse("this user")
              + " may complete");
    } catch (ProcessEngineException e) {
      RuntimeException answer = unwrapped(e);
      if (answer == e && goneMeanwhile(task)) {
        // Another request completed it first ("cannot find task", or its listeners found the
        // process
        // moved on): a conflict, not a fault of the service.
        throw new StateConflictException(
            "'" + task.name() + "' was completed meanwhile; nothing was recorded by this request");
      }
      throw answer;
    }
  }

  /**
   * Whether the task is gone, when that can still be asked: after a failed write the database
   * transaction may be aborted, and then the engine's own exception stands.
   */
  private boolean goneMeanwhile(OpenTask task) {
    try {
      return !stillOpen(task);
    } catch (RuntimeException unanswerable) {
      return false;
    }
  }

  /** Whether the task is still open, asked on the service's account. */
  private boolean stillOpen(OpenTask task) {
    return asService(() -> tasks.createTaskQuery().taskId(task.id()).count() > 0);
  }

  /** Completes a task on the service's account (the caller has checked the user's right to it). */
  public void completeAsService(OpenTask task, Map<String, Object> variables) {
    try {
      asService(
          () -> {
            tasks.complete(task.id(), variables);
            return null;
          });
    } catch (ProcessEngineException e) {
      throw unwrapped(e);
    }
  }

  /**
   * A text value for a completion's variables that reaches the step's listeners and delegates but
   * is never stored, nor kept in history (e.g. a list that grows with a meeting and goes into our
   * tables).
   */
  public static Object transientText(String text) {
    return org.camunda.bpm.engine.variable.Variables.stringValue(text, true);
  }

  /**
   * A JSON value as Camunda Forms submit a checklist's choices (a Spin JSON variable, which form-js
   * and the engine's FEEL read as a list), from its JSON text.
   */
  public static Object jsonValue(String json) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(json).create();
  }

  /** Claims a task for a user, as the signed-in user (Camunda checks they may). */
  public void claim(OpenTask task, String userId) {
    tasks.claim(task.id(), userId);
  }

  /** Assigns a task to a user, as the signed-in user (Camunda checks they may). */
  public void assign(OpenTask task, String userId) {
    tasks.setAssignee(task.id(), userId);
  }

  // --- work lists --------------------------------------------------------------------------------

  /** How a work list is ordered. */
  public enum WorkOrder {
    /** Due date, earliest first. */
    DUE,
    /** Created, oldest first: the longest waiting first. */
    WAITED
  }

  /**
   * Which open tasks a work list shows. Who: tasks assigned to {@code assignee}, or offered to one
   * of {@code offeredTo} (unassigned ones, or assigned ones too with {@code includeAssigned});
   * either, when both are given. Empty collections and nulls mean "any".
   */
  public record WorkQuery(
      String assignee,
      Collection<String> offeredTo,
      boolean includeAssigned,
      Collection<String> taskKeys,
      Collection<String> businessKeys,
      java.time.Instant dueBefore,
      java.time.Instant dueAfter,
      WorkOrder order,
      int first,
      int max) {}

  /** One page of a work list and how many tasks the whole list holds. */
  public record WorkPage(List<OpenTask> tasks, long total) {}

  /**
   * A page of open tasks as the user sees them, whatever the page's size: one query for the page
   * and one count, both restricted to the user's own identity links (assignee, candidate groups:
   * what Camunda's default task permissions are granted on), then the page read again as the user
   * with Camunda's authorizations on, so that a task the user may not see is never shown.
   * (Camunda's own authorization join over every task is not used for the whole list: with a grant
   * per task it compares every task with every grant, seconds at 10,000 tasks; over a page's ids it
   * is cheap.)
   */
  public WorkPage work(CareUser user, WorkQuery query) {
    List<Task> candidates = asService(() -> workQuery(query).listPage(query.first(), query.max()));
    long total = count(user, query);
    if (candidates.isEmpty()) {
      return new WorkPage(List.of(), total);
    }
    Set<String> visible =
        asUser(
                user,
                () ->
                    tasks
                        .createTaskQuery()
                        .taskIdIn(candidates.stream().map(Task::getId).toArray(String[]::new))
                        .list())
            .stream()
            .map(Task::getId)
            .collect(Collectors.toSet());
    List<Task> shown = candidates.stream().filter(task -> visible.contains(task.getId())).toList();
    return new WorkPage(asService(() -> of(shown)), total - (candidates.size() - shown.size()));
  }

  /**
   * How many open tasks a work list holds: the user's own identity links decide, as for {@link
   * #work}; the caller passes only the user's own id and groups.
   */
  public long count(CareUser user, WorkQuery query) {
    return asService(() -> workQuery(query).count());
  }

  /**
   * What {@link #count} answers for each of several work lists, in one read: a single scan of the
   * open tasks with one conditional sum per list, where each list's own count would scan them again
   * (a team's backlog by how overdue, and the navigation's counts, are several lists over the same
   * tasks). The same conditions as Camunda's task query that {@link #count} runs (active; assigned
   * to the user, or offered to one of the groups by a candidate link and, unless {@code
   * includeAssigned}, assigned to nobody; task key; process business key; due before and after,
   * with a due date), read from the engine's tables; the caller passes only the user's own id and
   * groups, as for {@link #count}. The page, order and size of each query play no part.
   *
   * @return one count per query, in their order
   */
  public long[] counts(CareUser user, List<WorkQuery> queries) {
    long[] counts = new long[queries.size()];
    if (queries.isEmpty()) {
      return counts;
    }
    TaskSql sql = TaskSql.of(queries);
    StringBuilder select = new StringBuilder("select ");
    for (int i = 0; i < queries.size(); i++) {
      select
          .append(i == 0 ? "" : ", ")
          .append("sum(case when ")
          .append(sql.conditions.get(i))
          .append(" then 1 else 0 end) as N")
          .append(i);
    }
    return jdbc.query(
        select + " " + sql.from(),
        sql.parameters,
        (java.sql.ResultSet row) -> {
          row.next();
          for (int i = 0; i < counts.length; i++) {
            counts[i] = row.getLong(i + 1);
          }
          return counts;
        });
  }

  /**
   * Work lists' conditions on the engine's open tasks {@code T}, as {@link #workQuery} asks Camunda
   * for them (active; assigned to the user, or offered to one of the groups by a candidate link
   * and, unless {@code includeAssigned}, assigned to nobody; task key; process business key; due
   * before and after, with a due date). A task's candidate links are read once, as one row per task
   * with a flag per set of groups ({@code L.G0_}, {@code L.G1_}, ...), where Camunda's query joins
   * every link and de-duplicates the rows after.
   */
  private static final class TaskSql {

    final MapSqlParameterSource parameters = new MapSqlParameterSource();
    final List<String> conditions = new java.util.ArrayList<>();
    private final List<List<String>> groupSets = new java.util.ArrayList<>();

    static TaskSql of(List<WorkQuery> queries) {
      TaskSql sql = new TaskSql();
      for (int i = 0; i < queries.size(); i++) {
        sql.conditions.add(sql.condition(queries.get(i), i));
      }
      return sql;
    }

    /** From the open tasks, those of any of the lists, with their candidate links' flags. */
    String from() {
      StringBuilder from = new StringBuilder("from ACT_RU_TASK T");
      if (!groupSets.isEmpty()) {
        from.append(" left join (select I.TASK_ID_");
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (int g = 0; g < groupSets.size(); g++) {
          from.append(", max(case when I.GROUP_ID_ in (:groups")
              .append(g)
              .append(") then 1 else 0 end) as G")
              .append(g)
              .append("_");
          parameters.addValue("groups" + g, groupSets.get(g));
          all.addAll(groupSets.get(g));
        }
        from.append(
            " from ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate' and I.GROUP_ID_ in"
                + " (:allGroups) group by I.TASK_ID_) L on L.TASK_ID_ = T.ID_");
        parameters.addValue("allGroups", List.copyOf(all));
      }
      return from + " where T.SUSPENSION_STATE_ = 1 and (" + String.join(" or ", conditions) + ")";
    }

    private String condition(WorkQuery query, int index) {
      List<String> parts = new java.util.ArrayList<>();
      boolean byAssignee = query.assignee() != null;
      boolean byGroups = query.offeredTo() != null && !query.offeredTo().isEmpty();
      String offered = null;
      if (byGroups) {
        List<String> groups = query.offeredTo().stream().distinct().sorted().toList();
        int set = groupSets.indexOf(groups);
        if (set < 0) {
          groupSets.add(groups);
          set = groupSets.size() - 1;
        }
        offered = "L.G" + set + "_ = 1";
      }
      if (byAssignee) {
        parameters.addValue("assignee" + index, query.assignee());
      }
      if (byAssignee && byGroups) {
        parts.add(
            "(T.ASSIGNEE_ = :assignee" + index + " or (T.ASSIGNEE_ is null and " + offered + "))");
      } else if (byAssignee) {
        parts.add("T.ASSIGNEE_ = :assignee" + index);
      } else if (byGroups) {
        parts.add(query.includeAssigned() ? offered : "T.ASSIGNEE_ is null and " + offered);
      }
      if (query.taskKeys() != null && !query.taskKeys().isEmpty()) {
        parts.add("T.TASK_DEF_KEY_ in (:keys" + index + ")");
        parameters.addValue("keys" + index, List.copyOf(query.taskKeys()));
      }
      if (query.businessKeys() != null) {
        parts.add(
            "T.PROC_INST_ID_ in (select E.ID_ from ACT_RU_EXECUTION E where E.BUSINESS_KEY_ in"
                + " (:businessKeys"
                + index
                + "))");
        parameters.addValue(
            "businessKeys" + index,
            query.businessKeys().isEmpty() ? List.of("-") : List.copyOf(query.businessKeys()));
      }
      if (query.dueBefore() != null) {
        parts.add("T.DUE_DATE_ < :dueBefore" + index);
        parameters.addValue("dueBefore" + index, java.sql.Timestamp.from(query.dueBefore()));
      }
      if (query.dueAfter() != null) {
        parts.add("T.DUE_DATE_ > :dueAfter" + index);
        parameters.addValue("dueAfter" + index, java.sql.Timestamp.from(query.dueAfter()));
      }
      if (query.dueBefore() != null || query.dueAfter() != null) {
        parts.add("T.DUE_DATE_ is not null");
      }
      return parts.isEmpty() ? "(1 = 1)" : "(" + String.join(" and ", parts) + ")";
    }
  }

  private TaskQuery workQuery(WorkQuery query) {
    TaskQuery q = tasks.createTaskQuery().active();
    boolean byAssignee = query.assignee() != null;
    boolean byGroups = query.offeredTo() != null && !query.offeredTo().isEmpty();
    if (byAssignee && byGroups) {
      q.or()
          .taskAssignee(query.assignee())
          .taskCandidateGroupIn(List.copyOf(query.offeredTo()))
          .endOr();
    } else if (byAssignee) {
      q.taskAssignee(query.assignee());
    } else if (byGroups) {
      q.taskCandidateGroupIn(List.copyOf(query.offeredTo()));
      if (query.includeAssigned()) {
        q.includeAssignedTasks();
      }
    }
    if (query.taskKeys() != null && !query.taskKeys().isEmpty()) {
      q.taskDefinitionKeyIn(query.taskKeys().toArray(String[]::new));
    }
    if (query.businessKeys() != null) {
      // An empty set (a search that matched nobody) matches no task.
      q.processInstanceBusinessKeyIn(
          query.businessKeys().isEmpty()
              ? new String[] {"-"}
              : query.businessKeys().toArray(String[]::new));
    }
    if (query.dueBefore() != null) {
      q.dueBefore(java.util.Date.from(query.dueBefore()));
    }
    if (query.dueAfter() != null) {
      q.dueAfter(java.util.Date.from(query.dueAfter()));
    }
    if (query.order() == WorkOrder.WAITED) {
      q.orderByTaskCreateTime().asc();
    } else {
      q.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }
    return q;
  }

  /** The open task with this id if the user may see it (Camunda's authorizations apply). */
  public Optional<OpenTask> visibleTask(CareUser user, String taskId) {
    Task task = asUser(user, () -> tasks.createTaskQuery().taskId(taskId).active().singleResult());
    return task == null ? Optional.empty() : asService(() -> one(task));
  }

  /**
   * The Camunda Form the task's model names ({@code camunda:formRef}), if any, read on the
   * service's account.
   */
  public Optional<String> formRef(OpenTask task) {
    return asService(
        () -> {
          Task found =
              tasks.createTaskQuery().taskId(task.id()).initializeFormKeys().singleResult();
          return found == null || found.getCamundaFormRef() == null
              ? Optional.<String>empty()
              : Optional.ofNullable(found.getCamundaFormRef().getKey());
        });
  }

  /** The task's variables (its own and its process's), read on the service's account. */
  public Map<String, Object> variables(OpenTask task) {
    return asService(() -> tasks.getVariables(task.id()));
  }

  /**
   * Users' names as the identity service knows them ("Taylor North"), by user id; unknown ids are
   * absent.
   */
  public Map<String, String> userNames(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return asService(
        () ->
            identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
                .collect(
                    Collectors.toMap(
                        org.camunda.bpm.engine.identity.User::getId,
                        user ->
                            (nullToEmpty(user.getFirstName())
                                    + " "
                                    + nullToEmpty(user.getLastName()))
                                .strip(),
                        (a, b) -> a)));
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /**
   * Runs {@code work} as the user: the engine's authentication is theirs (user id and groups) for
   * its length, as the API's requests set it, so Camunda's authorizations and the task listeners'
   * "who decides" apply to them; whatever was set before is put back.
   */
  public <T> T asUser(CareUser user, Supplier<T> work) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(user.userId(), List.copyOf(user.groupIds()));
    try {
      return work.get();
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  // --- decisions ---------------------------------------------------------------------------------

  /**
   * Evaluates the latest deployed version of a decision table (the council's policy): one map of
   * outputs per matching rule. A read, not a decision taken: it writes no decision history.
   */
  public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
    DmnDecision decision =
        asService(
            () -> {
              DecisionDefinition definition =
                  repository
                      .createDecisionDefinitionQuery()
                      .decisionDefinitionKey(decisionKey)
                      .latestVersion()
                      .singleResult();
              if (definition == null) {
                throw new IllegalStateException("decision " + decisionKey + " is not deployed");
              }
              return parsed.computeIfAbsent(
                  definition.getId(),
                  id -> dmn.parseDecision(decisionKey, repository.getDecisionModel(id)));
            });
    return dmn.evaluateDecisionTable(decision, inputs).getResultList();
  }

  /** The first matching rule's outputs, or empty when no rule matches. */
  public Optional<Map<String, Object>> evaluateFirst(
      String decisionKey, Map<String, Object> inputs) {
    return evaluate(decisionKey, inputs).stream().findFirst();
  }

  // --- actors ------------------------------------------------------------------------------------

  /**
   * Runs {@code work} without Camunda authorization checks, inside or outside an engine command.
   */
  public <T> T asService(Supplier<T> work) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null) {
      return commandContext.runWithoutAuthorization((Callable<T>) work::get);
    }
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }

  /** {@link #asService(Supplier)} for work without a result. */
  public void asService(Runnable work) {
    asService(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * The user the engine is acting for (API request, Tasklist form), or null when nobody is signed
   * in.
   */
  public CareUser currentActor() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    List<String> groups =
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return CareUser.fromGroups(authentication.getUserId(), groups);
  }

  /** The id of the user the engine is acting for, if anyone. */
  public Optional<String> currentUserId() {
    Authentication authentication = identity.getCurrentAuthentication();
    return Optional.ofNullable(authentication == null ? null : authentication.getUserId());
  }

  /** Whether a user is a member of a group, asked on the service's account. */
  public boolean isMember(String userId, String groupId) {
    return asService(
        () -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  /** Whether a user exists, asked on the service's account. */
  public boolean userExists(String userId) {
    return asService(() -> identity.createUserQuery().userId(userId).count() > 0);
  }

  /** The members of any of these groups, by user id, asked on the service's account. */
  public List<String> membersOf(Collection<String> groupIds) {
    return asService(
        () ->
            groupIds.stream()
                .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
                .map(org.camunda.bpm.engine.identity.User::getId)
                .distinct()
                .sorted()
                .toList());
  }

  // --- internals ---------------------------------------------------------------------------------

  /**
   * Our own records of the engine's tasks, with the case each concerns (one query for them all).
   */
  private List<OpenTask> of(List<Task> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds =
        found.stream()
            .map(Task::getProcessInstanceId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      runtime
          .createProcessInstanceQuery()
          .processInstanceIds(instanceIds)
          .list()
          .forEach(
              instance -> {
                if (instance.getBusinessKey() != null) {
                  businessKeys.put(instance.getId(), instance.getBusinessKey());
                }
              });
    }
    return found.stream()
        .map(task -> of(task, businessKeys.get(task.getProcessInstanceId())))
        .toList();
  }

  private Optional<OpenTask> one(Task task) {
    return task == null ? Optional.empty() : Optional.of(of(List.of(task)).get(0));
  }

  private static OpenTask of(Task task, String businessKey) {
    return new OpenTask(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getAssignee(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
        task.getProcessInstanceId(),
        businessKey);
  }

  /**
   * The refusal a listener or a later step threw, if the engine wrapped one; else the engine's
   * exception.
   */
  static RuntimeException unwrapped(ProcessEngineException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidRequestException
          || cause instanceof StateConflictException
          || cause instanceof RecordNotFoundException
          || cause instanceof AccessDeniedException) {
        return (RuntimeException) cause;
      }
    }
    return e;
  }
}

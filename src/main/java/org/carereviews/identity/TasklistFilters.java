package org.carereviews.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, in every profile, kept up to date at each start (idempotent): "My
 * tasks" (assigned to me) and "My teams' tasks" (offered to any of my groups: roles, teams and the
 * team managers' groups, assigned or not). Every user task of every process is offered to a group
 * or assigned to a user, so every task a user must act on is in one of them. Every signed-in user
 * may read them.
 */
@Component
class TasklistFilters implements ApplicationRunner {

  static final String MY_TASKS = "My tasks";
  static final String MY_TEAMS_TASKS = "My teams' tasks";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(MY_TASKS, -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(
        MY_TEAMS_TASKS,
        -5,
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
    if (authorizations
            .createAuthorizationQuery()
            .resourceType(Resources.FILTER)
            .resourceId(Authorization.ANY)
            .userIdIn(Authorization.ANY)
            .count()
        == 0) {
      Authorization readFilters =
          authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      readFilters.setResource(Resources.FILTER);
      readFilters.setResourceId(Authorization.ANY);
      readFilters.addPermission(Permissions.READ);
      authorizations.saveAuthorization(readFilters);
    }
  }

  private void ensure(String name, int priority, TaskQuery query) {
    List<Filter> existing = filters.createFilterQuery().filterName(name).list();
    Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "description", name + ": each task is named after whom it concerns and what is at stake");
    properties.put("priority", priority);
    properties.put("refresh", true);
    filter.setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
  }
}

package org.carereviews.demo;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.carereviews.demo.DemoUsers.DemoUser;
import org.carereviews.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users and groups in Camunda's identity service, with the Tasklist access they
 * need (the shared task filters are {@code identity.TasklistFilters}, in every profile). Embedded default only; idempotent across restarts.
 */
@Component
@Profile("demo")
@Order(1)
class DemoIdentityInitializer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoIdentityInitializer.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  DemoIdentityInitializer(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<String> groups = new LinkedHashSet<>();
    DemoUsers.ALL.forEach(user -> groups.addAll(user.groups()));
    groups.forEach(this::ensureGroup);
    DemoUsers.ALL.forEach(this::ensureUser);
    groups.stream().filter(group -> !Roles.ADMIN.equals(group))
        .forEach(group -> grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    // Administrators may do everything in Camunda, as Camunda's own admin-user set-up grants.
    for (Resources resource : Resources.values()) {
      grant(Roles.ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    log.warn("Demo identity ready: {} demo users with the password '{}'", DemoUsers.ALL.size(), DemoUsers.PASSWORD);
  }

  private void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(groupId);
    boolean managers = Roles.isManagerGroup(groupId);
    group.setName(managers ? "Team " + Roles.teamCode(groupId.substring(0, groupId.length()
        - Roles.MANAGER_GROUP_SUFFIX.length())) + " managers"
        : Roles.isTeamGroup(groupId) ? "Team " + Roles.teamCode(groupId) : groupId);
    group.setType(Roles.isTeamGroup(groupId) || managers ? "TEAM" : "WORKFLOW");
    identityService.saveGroup(group);
  }

  private void ensureUser(DemoUser demoUser) {
    if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
      User user = identityService.newUser(demoUser.id());
      user.setFirstName(demoUser.firstName());
      user.setLastName(demoUser.lastName());
      user.setPassword(DemoUsers.PASSWORD);
      user.setEmail(demoUser.id() + "@demo.invalid");
      identityService.saveUser(user);
    }
    for (String groupId : demoUser.groups()) {
      if (identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(groupId).count() == 0) {
        identityService.createMembership(demoUser.id(), groupId);
      }
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permissions permission) {
    boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}

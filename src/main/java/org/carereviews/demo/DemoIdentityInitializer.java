package org.carereviews.demo;

import java.util.LinkedHashSet;
import java.util.Set;
import org.carereviews.identity.CamundaDirectory;
import org.carereviews.identity.CamundaGrants;
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
 * need (the shared task filters are {@code identity.TasklistFilters}, in every profile). Embedded
 * default only; idempotent across restarts.
 */
@Component
@Profile("demo")
@Order(1)
class DemoIdentityInitializer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoIdentityInitializer.class);

  private final CamundaDirectory directory;
  private final CamundaGrants grants;

  DemoIdentityInitializer(CamundaDirectory directory, CamundaGrants grants) {
    this.directory = directory;
    this.grants = grants;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<String> groups = new LinkedHashSet<>();
    DemoUsers.ALL.forEach(user -> groups.addAll(user.groups()));
    groups.forEach(this::ensureGroup);
    DemoUsers.ALL.forEach(
        user ->
            directory.ensureUser(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.id() + "@demo.invalid",
                DemoUsers.PASSWORD,
                user.groups()));
    groups.stream().filter(group -> !Roles.ADMIN.equals(group)).forEach(grants::mayUseTasklist);
    grants.mayDoEverything(Roles.ADMIN);
    log.warn(
        "Demo identity ready: {} demo users with the password '{}'",
        DemoUsers.ALL.size(),
        DemoUsers.PASSWORD);
  }

  private void ensureGroup(String groupId) {
    boolean managers = Roles.isManagerGroup(groupId);
    String name =
        managers
            ? "Team "
                + Roles.teamCode(
                    groupId.substring(0, groupId.length() - Roles.MANAGER_GROUP_SUFFIX.length()))
                + " managers"
            : Roles.isTeamGroup(groupId) ? "Team " + Roles.teamCode(groupId) : groupId;
    directory.ensureGroup(
        groupId, name, Roles.isTeamGroup(groupId) || managers ? "TEAM" : "WORKFLOW");
  }
}

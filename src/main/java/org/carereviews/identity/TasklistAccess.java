package org.carereviews.identity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Every user type may open Tasklist, in every profile (idempotent): what they see in it is still
 * limited by Camunda's task authorizations (candidate groups). With Keycloak as Camunda's identity,
 * the groups are Keycloak's, with the same names as {@link Roles}.
 */
@Component
class TasklistAccess implements ApplicationRunner {

  private final CamundaGrants grants;

  TasklistAccess(CamundaGrants grants) {
    this.grants = grants;
  }

  @Override
  public void run(ApplicationArguments args) {
    Roles.ALL.stream().filter(group -> !Roles.ADMIN.equals(group)).forEach(grants::mayUseTasklist);
  }
}

package org.carereviews.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Grants a group Camunda permissions on a resource, adding to what it already has (idempotent). */
@Component
public class CamundaGrants {

  private final AuthorizationService authorizations;

  public CamundaGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    Authorization authorization =
        existing != null
            ? existing
            : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /** Lets a group see a process (Tasklist shows its forms): READ on its definition. */
  public void mayReadProcess(String groupId, String processKey) {
    grant(groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ);
  }

  /**
   * Lets a group see and start a process: READ and CREATE_INSTANCE on its definition, CREATE on
   * instances.
   */
  public void mayStartProcess(String groupId, String processKey) {
    grant(
        groupId,
        Resources.PROCESS_DEFINITION,
        processKey,
        Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
  }

  /** Lets a group open Tasklist (what they see in it is still limited by task authorizations). */
  public void mayUseTasklist(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
  }

  /** Lets a group do everything in Camunda, as Camunda's own administrator set-up grants. */
  public void mayDoEverything(String groupId) {
    for (Resources resource : Resources.values()) {
      grant(groupId, resource, Authorization.ANY, Permissions.ALL);
    }
  }
}

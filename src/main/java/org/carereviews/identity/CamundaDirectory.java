package org.carereviews.identity;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Camunda's own users and groups (the embedded default's directory; with Keycloak, Keycloak's users
 * are read through the identity plugin and this directory is not written). Idempotent writes, for
 * seeding; and the check that a directory holds no user with a known password.
 */
@Component
public class CamundaDirectory {

  private final IdentityService identity;
  private final PasswordManager passwords;

  CamundaDirectory(ProcessEngine engine) {
    this.identity = engine.getIdentityService();
    this.passwords =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getPasswordManager();
  }

  /** Creates the group unless it exists. */
  public void ensureGroup(String groupId, String name, String type) {
    if (identity.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    Group group = identity.newGroup(groupId);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  /**
   * Creates the user unless they exist, and makes them a member of each group they are not yet in.
   */
  public void ensureUser(
      String userId,
      String firstName,
      String lastName,
      String email,
      String password,
      Collection<String> groupIds) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      user.setEmail(email);
      identity.saveUser(user);
    }
    for (String groupId : groupIds) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(userId, groupId);
      }
    }
  }

  /**
   * Those of the users who exist with this password. The stored hash is compared directly:
   * checkPassword would count a failed sign-in against each user.
   */
  public List<String> usersWithPassword(Collection<String> userIds, String password) {
    return userIds.stream()
        .map(id -> identity.createUserQuery().userId(id).singleResult())
        .filter(
            user ->
                user instanceof UserEntity entity
                    && entity.getPassword() != null
                    && passwords.check(
                        EncryptionUtil.saltPassword(password, entity.getSalt()),
                        entity.getPassword()))
        .map(User::getId)
        .toList();
  }

  /**
   * A user's name as people read it (first and last name, from Camunda's directory or, with the
   * Keycloak plugin, Keycloak's), or the user id when the directory has no name for them.
   */
  public String displayName(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = (nonBlank(user.getFirstName()) + " " + nonBlank(user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  private static String nonBlank(String text) {
    return text == null ? "" : text.strip();
  }
}

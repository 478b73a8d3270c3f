package org.carereviews.support;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carereviews.demo.DemoUsers;
import org.carereviews.demo.DemoUsers.DemoUser;

/**
 * Creates the demo users and their groups in a test database's Camunda identity tables. On
 * PostgreSQL the tests sign in with tokens ({@link TestTokens}); the users get a random password,
 * never the demo one, which the {@code postgres} profile refuses.
 */
public final class TestUsers {

  /** The embedded default's demo password (HTTP Basic there). */
  public static final String PASSWORD = DemoUsers.PASSWORD;

  private TestUsers() {}

  public static void ensure(IdentityService identity) {
    Set<String> groups = new LinkedHashSet<>();
    DemoUsers.ALL.forEach(u -> groups.addAll(u.groups()));
    for (String groupId : groups) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        identity.saveGroup(identity.newGroup(groupId));
      }
    }
    for (DemoUser demoUser : DemoUsers.ALL) {
      if (identity.createUserQuery().userId(demoUser.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(demoUser.id());
      user.setPassword(java.util.UUID.randomUUID().toString());
      identity.saveUser(user);
      demoUser.groups().forEach(g -> identity.createMembership(demoUser.id(), g));
    }
  }
}

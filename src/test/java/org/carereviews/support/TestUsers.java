package org.carereviews.support;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carereviews.demo.DemoUsers;
import org.carereviews.demo.DemoUsers.DemoUser;

/** Creates the demo users (password {@code demo}) in a test database's Camunda identity tables. */
public final class TestUsers {

  public static final String PASSWORD = DemoUsers.PASSWORD;

  private TestUsers() {
  }

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
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      demoUser.groups().forEach(g -> identity.createMembership(demoUser.id(), g));
    }
  }
}

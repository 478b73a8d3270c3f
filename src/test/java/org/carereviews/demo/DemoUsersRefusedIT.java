package org.carereviews.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carereviews.identity.CamundaDirectory;
import org.carereviews.identity.KeycloakDirectory;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/** Production refuses to start while a demo user can sign in to Camunda with the demo password. */
@PostgresIntegrationTest
class DemoUsersRefusedIT {

  @Autowired IdentityService identity;
  @Autowired CamundaDirectory directory;
  @Autowired ObjectProvider<KeycloakDirectory> keycloak;

  @Test
  void aDemoUserWithTheDemoPasswordStopsTheStart() {
    TestUsers.ensure(identity);
    DemoUsersRefused check = new DemoUsersRefused(directory, keycloak, false);
    // The test users exist with other passwords: allowed.
    assertThatCode(() -> check.run(null)).doesNotThrowAnyException();

    User director = identity.createUserQuery().userId("director").singleResult();
    director.setPassword(DemoUsers.PASSWORD);
    identity.saveUser(director);
    try {
      assertThatThrownBy(() -> check.run(null))
          .hasMessageContaining("Refusing to start")
          .hasMessageContaining("director");
    } finally {
      director.setPassword(java.util.UUID.randomUUID().toString());
      identity.saveUser(director);
    }
  }
}

package org.carereviews.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carereviews.identity.CamundaDirectory;
import org.carereviews.identity.KeycloakDirectory;
import org.carereviews.support.PostgresInitializer;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.RealKeycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

/**
 * With Camunda's identity in Keycloak, the demo users live in the realm: a production start finds
 * them (attribute demo-only) and refuses, unless demo users are explicitly allowed, as the
 * docker-compose demonstration and this test's context allow them.
 */
@PostgresIntegrationTest
@ContextConfiguration(initializers = {PostgresInitializer.class, RealKeycloak.class})
@ExtendWith(RealKeycloak.class)
class DemoUsersInKeycloakIT {

  @Autowired CamundaDirectory directory;
  @Autowired ObjectProvider<KeycloakDirectory> keycloak;

  @Test
  void theDemoRealmsUsersStopAProductionStartUnlessExplicitlyAllowed() {
    assertThat(keycloak.getObject().usernamesWithAttribute(DemoUsersRefused.DEMO_ATTRIBUTE, "true"))
        .containsAll(DemoUsers.ALL.stream().map(DemoUsers.DemoUser::id).toList())
        .doesNotContain("service-account-care-reviews-camunda-identity");

    assertThatThrownBy(() -> new DemoUsersRefused(directory, keycloak, false).run(null))
        .hasMessageContaining("Refusing to start")
        .hasMessageContaining("sw.north")
        .hasMessageContaining(DemoUsersRefused.ALLOWED + "=true");
    assertThatCode(() -> new DemoUsersRefused(directory, keycloak, true).run(null))
        .doesNotThrowAnyException();
  }
}

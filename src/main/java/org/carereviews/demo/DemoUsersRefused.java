package org.carereviews.demo;

import java.util.List;
import org.carereviews.demo.DemoUsers.DemoUser;
import org.carereviews.identity.CamundaDirectory;
import org.carereviews.identity.KeycloakDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users never sign in to production: in the {@code postgres} profile the service refuses
 * to start while any of them exists in Camunda's identity tables with the demo password, or, when
 * Camunda's identity is Keycloak's, while the realm holds users marked {@value #DEMO_ATTRIBUTE}
 * (the demo realm's users, password {@code demo}). Their ids alone are allowed: a council may have
 * its own "director". The docker-compose stack, a demonstration of production, imports the demo
 * realm and says so with {@code care-reviews.security.keycloak.demo-users-allowed=true}; the
 * service then starts and warns.
 */
@Component
@Profile("postgres")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoUsersRefused implements ApplicationRunner {

  static final String DEMO_ATTRIBUTE = "demo-only";
  static final String ALLOWED = "care-reviews.security.keycloak.demo-users-allowed";

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsersRefused.class);

  private final CamundaDirectory camundaDirectory;
  private final ObjectProvider<KeycloakDirectory> keycloak;
  private final boolean demoUsersAllowedInKeycloak;

  DemoUsersRefused(
      CamundaDirectory camundaDirectory,
      ObjectProvider<KeycloakDirectory> keycloak,
      @Value("${" + ALLOWED + ":false}") boolean demoUsersAllowedInKeycloak) {
    this.camundaDirectory = camundaDirectory;
    this.keycloak = keycloak;
    this.demoUsersAllowedInKeycloak = demoUsersAllowedInKeycloak;
  }

  @Override
  public void run(ApplicationArguments args) {
    KeycloakDirectory directory = keycloak.getIfAvailable();
    if (directory != null) {
      refuseDemoUsersIn(directory);
      return;
    }
    List<String> found =
        camundaDirectory.usersWithPassword(
            DemoUsers.ALL.stream().map(DemoUser::id).toList(), DemoUsers.PASSWORD);
    if (!found.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start: "
              + found.size()
              + " demo user(s) with the demo password "
              + "exist in Camunda's identity tables ("
              + String.join(", ", found)
              + "). Delete them or change their "
              + "passwords; demo users are for the embedded default only.");
    }
  }

  private void refuseDemoUsersIn(KeycloakDirectory directory) {
    List<String> found = directory.usernamesWithAttribute(DEMO_ATTRIBUTE, "true");
    if (found.isEmpty()) {
      return;
    }
    if (!demoUsersAllowedInKeycloak) {
      throw new IllegalStateException(
          "Refusing to start: the Keycloak realm holds "
              + found.size()
              + " demo user(s) "
              + "marked "
              + DEMO_ATTRIBUTE
              + " ("
              + String.join(", ", found)
              + "), whose password is 'demo'. Import the "
              + "realm without its users for a real council, or set "
              + ALLOWED
              + "=true for a demonstration.");
    }
    LOG.warn(
        "DEMO USERS: the Keycloak realm holds {} demo user(s) with the password 'demo' ({}), allowed by {}=true. "
            + "This is a demonstration, not a council's production.",
        found.size(),
        String.join(", ", found),
        ALLOWED);
  }
}

package org.carereviews.identity;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Production signs users in through the identity provider only. Before any bean is created, the
 * service refuses the {@code postgres} profile
 *
 * <ul>
 *   <li>without {@code care-reviews.security.issuer-uri}, which would leave the API on HTTP Basic
 *       against Camunda's own user table;
 *   <li>without the webapps client's and the identity client's secrets, which would leave Tasklist,
 *       Cockpit and Admin on Camunda's own login form and Camunda's users and groups apart from
 *       Keycloak's. Only {@code care-reviews.security.keycloak.required=false} (environment {@code
 *       CARE_REVIEWS_KEYCLOAK_REQUIRED}) lets it start that way, and it then says so in the log.
 * </ul>
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class IssuerRequiredGuard
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String POSTGRES = "postgres";
  static final String ISSUER = "care-reviews.security.issuer-uri";
  static final String KEYCLOAK_REQUIRED = "care-reviews.security.keycloak.required";
  static final List<Setting> KEYCLOAK_SECRETS =
      List.of(
          new Setting(
              "care-reviews.security.keycloak.webapps-client-secret",
              "CARE_REVIEWS_WEBAPPS_CLIENT_SECRET"),
          new Setting(
              "care-reviews.security.keycloak.identity-client-secret",
              "CARE_REVIEWS_IDENTITY_CLIENT_SECRET"));

  /**
   * A setting as the error names it: the Spring property and the environment variable that feeds
   * it.
   */
  record Setting(String property, String environmentVariable) {
    @Override
    public String toString() {
      return property + " (" + environmentVariable + ")";
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(IssuerRequiredGuard.class);

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (!Arrays.asList(environment.getActiveProfiles()).contains(POSTGRES)) {
      return;
    }
    String issuer = environment.getProperty(ISSUER);
    if (!KeycloakProperties.isSet(issuer)) {
      throw new IllegalStateException(
          "Refusing to start: the 'postgres' profile needs "
              + ISSUER
              + " (CARE_REVIEWS_ISSUER_URI), the Keycloak realm whose tokens the API accepts. HTTP Basic sign-in "
              + "is for the embedded default only.");
    }
    List<String> missing =
        KEYCLOAK_SECRETS.stream()
            .filter(secret -> !KeycloakProperties.isSet(environment.getProperty(secret.property())))
            .map(Setting::toString)
            .toList();
    if (missing.isEmpty()) {
      return;
    }
    if (environment.getProperty(KEYCLOAK_REQUIRED, Boolean.class, true)) {
      throw new IllegalStateException(
          "Refusing to start: the 'postgres' profile needs "
              + String.join(" and ", missing)
              + ", so that Tasklist, Cockpit and Admin sign in through Keycloak and Camunda's users and groups are "
              + "Keycloak's. Set "
              + KEYCLOAK_REQUIRED
              + "=false only to keep Camunda's own login and users.");
    }
    LOG.warn(
        "Without {}: Camunda's webapps use their own login form and Camunda's own users and groups "
            + "({}=false).",
        String.join(" and ", missing),
        KEYCLOAK_REQUIRED);
  }
}

package org.carereviews.identity;

import java.util.Arrays;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Production signs users in through the identity provider only: before any bean is created, the
 * service refuses the {@code postgres} profile without {@code care-reviews.security.issuer-uri},
 * which would otherwise leave the API on HTTP Basic against Camunda's own user table.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class IssuerRequiredGuard implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String POSTGRES = "postgres";
  static final String ISSUER = "care-reviews.security.issuer-uri";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (!Arrays.asList(environment.getActiveProfiles()).contains(POSTGRES)) {
      return;
    }
    String issuer = environment.getProperty(ISSUER);
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalStateException("Refusing to start: the 'postgres' profile needs " + ISSUER
          + " (CARE_REVIEWS_ISSUER_URI), the Keycloak realm whose tokens the API accepts. HTTP Basic sign-in "
          + "is for the embedded default only.");
    }
  }
}

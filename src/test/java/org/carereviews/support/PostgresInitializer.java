package org.carereviews.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Points a Spring test context at a fresh PostgreSQL database and at the test token issuer. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    EmbeddedPostgres.Database database = EmbeddedPostgres.newDatabase();
    TestPropertyValues.of(
            "spring.datasource.url=" + database.url(),
            "spring.datasource.username=" + database.username(),
            "spring.datasource.password=" + database.password(),
            "care-reviews.security.issuer-uri=" + TestTokens.issuer(),
            // Tokens from the test issuer on the API; the webapps and Camunda's identity on
            // Camunda's own
            // users (TestUsers). RealKeycloak sets both clients' secrets, as production must.
            "care-reviews.security.keycloak.required=false")
        .applyTo(context.getEnvironment());
    EmbeddedPostgres.contextOpened(context);
  }
}

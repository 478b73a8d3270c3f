package org.carereviews.demo;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Demo users (password {@code demo}) and synthetic people must never reach a production database:
 * the service refuses to start when the {@code demo} and {@code postgres} profiles are both active.
 */
@Configuration
@Profile("demo & postgres")
class DemoProfileGuard {

  DemoProfileGuard() {
    throw new IllegalStateException("The 'demo' profile (demo users with the password 'demo' and synthetic data) "
        + "cannot run with the 'postgres' profile. Start the production profile without 'demo'.");
  }
}

/** Synthetic people are never loaded into a production (PostgreSQL profile) database. */
@Configuration
@Profile("postgres")
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "care-reviews.demo.load-data",
    havingValue = "true")
class DemoDataOnPostgresGuard {

  DemoDataOnPostgresGuard() {
    throw new IllegalStateException("care-reviews.demo.load-data=true is refused with the 'postgres' profile: "
        + "demo data is for the embedded default only.");
  }
}

package org.carereviews.demo;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Demo users (password {@code demo}) and synthetic people never reach a production database. Before
 * anything starts, the service refuses the {@code demo} profile, or {@code
 * care-reviews.demo.load-data=true}, together with the {@code postgres} profile.
 */
public class DemoSafetyGuard implements EnvironmentPostProcessor, Ordered {

  static final String DEMO = "demo";
  static final String POSTGRES = "postgres";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    var active = Arrays.asList(environment.getActiveProfiles());
    if (!active.contains(POSTGRES)) {
      return;
    }
    if (active.contains(DEMO)) {
      throw new IllegalStateException(
          "Refusing to start: the 'demo' profile (demo users with the password 'demo' "
              + "and synthetic people) cannot run with the 'postgres' profile. Start production without 'demo'.");
    }
    if (environment.getProperty("care-reviews.demo.load-data", Boolean.class, false)) {
      throw new IllegalStateException(
          "Refusing to start: care-reviews.demo.load-data=true is not allowed with the "
              + "'postgres' profile; demo data is for the embedded default only.");
    }
  }

  /** After the application's own configuration files have been read. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

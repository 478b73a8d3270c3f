package org.carereviews.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says loudly, once the service is up, that this is the demo configuration. */
@Component
@Profile("demo")
class DemoBanner {

  private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

  private final Environment environment;

  DemoBanner(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    log.warn(
        """

        ********************************************************************************
        *  DEMO CONFIGURATION - NOT FOR REAL PEOPLE'S DATA                              *
        *  Embedded H2 database under ./data, synthetic people, and demo users whose    *
        *  password is 'demo' (sw.north, tm.north, panel.asc, fin.validator, admin...). *
        *  For production use the 'postgres' profile (see README).                      *
        ********************************************************************************
          Workspace:  http://localhost:{}/
          Tasklist:   http://localhost:{}/camunda/app/tasklist/
          Cockpit:    http://localhost:{}/camunda/app/cockpit/
          Swagger UI: http://localhost:{}/swagger-ui.html
          API:        curl -u sw.north:demo 'http://localhost:{}/api/people?size=5'
        """,
        port,
        port,
        port,
        port,
        port);
  }
}

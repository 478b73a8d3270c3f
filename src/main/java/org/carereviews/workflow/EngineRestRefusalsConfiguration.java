package org.carereviews.workflow;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link EngineRestRefusals} with both of Camunda's REST applications: {@code
 * /engine-rest} (the Spring Boot starter's Jersey {@code ResourceConfig}, customised) and the
 * webapps' engine API {@code /camunda/api/engine} (the servlet "Engine Api" the webapp starter
 * registers; Jersey adds the classes named in its {@code jersey.config.server.provider.classnames}
 * parameter).
 */
@Configuration
class EngineRestRefusalsConfiguration {

  /** The name the Camunda webapp starter gives the servlet of Tasklist's engine API. */
  static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

  @Bean
  ResourceConfigCustomizer engineRestRefusals() {
    return config -> EngineRestRefusals.MAPPERS.forEach(config::register);
  }

  @Bean
  ServletContextInitializer webappEngineApiRefusals() {
    // A listener runs once every initializer has run, Camunda's (which registers the servlet)
    // included. It asks
    // the context the initializer was given: the one in its event may not look up registrations.
    return servletContext ->
        servletContext.addListener(
            new ServletContextListener() {
              @Override
              public void contextInitialized(ServletContextEvent event) {
                ServletRegistration engineApi =
                    servletContext.getServletRegistration(WEBAPP_ENGINE_API_SERVLET);
                if (engineApi != null) {
                  engineApi.setInitParameter(
                      ServerProperties.PROVIDER_CLASSNAMES,
                      EngineRestRefusals.MAPPERS.stream()
                          .map(Class::getName)
                          .collect(Collectors.joining(",")));
                }
              }
            });
  }
}

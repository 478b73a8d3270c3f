package org.carereviews.audit;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link EngineApiAuditFilter} in front of Camunda's REST API and the webapps' API. */
@Configuration
class EngineApiAuditConfiguration {

  @Bean
  FilterRegistrationBean<EngineApiAuditFilter> engineApiAudit(AuditTrail trail) {
    FilterRegistrationBean<EngineApiAuditFilter> registration =
        new FilterRegistrationBean<>(new EngineApiAuditFilter(trail));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    // Inside Spring Security's filter chain, so that its signed-in user is still known.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}

package org.carereviews.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * HTTP security.
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: stateless, authenticated (HTTP Basic against
 *       Camunda's identity service), never anonymous; errors as RFC 9457 problem details.
 *   <li>API docs, Swagger UI and health: open.
 *   <li>Camunda webapps ({@code /camunda/**}): they sign users in themselves against the same
 *       identity service and carry their own CSRF protection.
 * </ul>
 */
@Configuration
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper objectMapper)
      throws Exception {
    // Path patterns, not MVC matchers: /engine-rest is Camunda's Jersey servlet, outside Spring MVC.
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
            writeProblem(response, objectMapper, HttpStatus.UNAUTHORIZED, "Sign in to use this API.", request.getRequestURI())))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            writeProblem(response, objectMapper, HttpStatus.FORBIDDEN, "You do not have access to this.", request.getRequestURI())))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(new CamundaEngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain openSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // The Camunda webapps have their own session login and CSRF prevention filter.
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  private static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status,
      String detail, String path) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(path));
    response.setStatus(status.value());
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"care-reviews\"");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}

package org.carereviews.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.carereviews.common.web.AccessRefused;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
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
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * HTTP security.
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: stateless, never anonymous; errors as RFC 9457
 *       problem details. With {@code care-reviews.security.issuer-uri} (production): bearer JWTs of
 *       that issuer only, signature, issuer, audience and expiry checked, Keycloak groups and realm
 *       roles mapped to {@code GROUP_<id>} authorities ({@link KeycloakAuthorities}). Without it (the
 *       embedded default): HTTP Basic against Camunda's identity service. The same role rules
 *       ({@link ApiAccessRules}) either way; refusals are published for the audit trail.
 *   <li>API docs, Swagger UI and health: open.
 *   <li>Camunda webapps ({@code /camunda/**}): with the issuer and the webapps client's secret, OIDC
 *       sign-in through Keycloak ({@link WebappSignInConfiguration}); otherwise they sign users in
 *       themselves against Camunda's identity service. They carry their own CSRF protection.
 * </ul>
 */
@Configuration
@EnableConfigurationProperties({SecurityProperties.class, KeycloakProperties.class})
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper objectMapper,
      SecurityProperties properties, ApplicationEventPublisher events) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    boolean tokens = properties.usesTokens();
    AuthenticationEntryPoint signIn = (request, response, e) -> writeProblem(response, objectMapper,
        HttpStatus.UNAUTHORIZED, "Sign in to use this API.", request.getRequestURI(),
        tokens ? "Bearer" : "Basic realm=\"care-reviews\"");
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
        .authorizeHttpRequests(ApiAccessRules::apply)
        .exceptionHandling(ex -> ex.authenticationEntryPoint(signIn).accessDeniedHandler((request, response, e) -> {
          if (request.getAttribute(AccessRefused.RECORDED) == null) {
            events.publishEvent(new AccessRefused(request.getMethod() + " " + request.getRequestURI(),
                request.getRemoteAddr()));
          }
          writeProblem(response, objectMapper, HttpStatus.FORBIDDEN, "You do not have access to this.",
              request.getRequestURI(), null);
        }))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(new CamundaEngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    if (tokens) {
      http.oauth2ResourceServer(server -> server
          .jwt(jwt -> jwt.decoder(jwtDecoder(properties)).jwtAuthenticationConverter(new KeycloakAuthorities()))
          .authenticationEntryPoint(signIn));
    } else {
      http.authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
          .httpBasic(basic -> basic.authenticationEntryPoint(signIn));
    }
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain openSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // The Camunda webapps have their own session login and CSRF prevention filter.
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  /**
   * Signed (RS256) tokens from the issuer's key set only: unsigned ({@code alg: none}) tokens and
   * keys not in the set are refused by the decoder; issuer, expiry and not-before (60 s skew) and
   * audience by the validators.
   */
  static JwtDecoder jwtDecoder(SecurityProperties properties) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .build();
    OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
        && jwt.getAudience().contains(properties.audience())
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for this API", null));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(properties.issuerUri()), audience));
    return decoder;
  }

  private static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status,
      String detail, String path, String challenge) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(path));
    response.setStatus(status.value());
    if (challenge != null) {
      response.setHeader("WWW-Authenticate", challenge);
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}

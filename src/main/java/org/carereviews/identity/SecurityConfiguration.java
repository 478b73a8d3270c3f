package org.carereviews.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
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
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP security.
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: stateless, never anonymous; errors as RFC 9457
 *       problem details. With {@code care-reviews.security.issuer-uri} (production): bearer JWTs of
 *       that issuer only, signature, issuer, audience and expiry checked, Keycloak groups and realm
 *       roles mapped to {@code GROUP_<id>} authorities ({@link KeycloakAuthorities}). Without it
 *       (the embedded default): HTTP Basic against Camunda's identity service. The same role rules
 *       ({@link ApiAccessRules}) either way; refusals are published for the audit trail.
 *   <li>Health probes ({@code /actuator/health/**}), API docs and Swagger UI: open; the rest of
 *       {@code /actuator}: administrators, signed in as for the API.
 *   <li>Camunda webapps ({@code /camunda/**}): with the issuer and the webapps client's secret,
 *       OIDC sign-in through Keycloak ({@link WebappSignInConfiguration}); otherwise they sign
 *       users in themselves against Camunda's identity service. They carry their own CSRF
 *       protection.
 * </ul>
 */
@Configuration
@EnableConfigurationProperties({SecurityProperties.class, KeycloakProperties.class})
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      IdentityService identityService,
      ObjectMapper objectMapper,
      SecurityProperties properties,
      ApplicationEventPublisher events)
      throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    boolean tokens = properties.usesTokens();
    AuthenticationEntryPoint signIn =
        (request, response, e) ->
            writeProblem(
                response,
                objectMapper,
                HttpStatus.UNAUTHORIZED,
                "Sign in to use this API.",
                request.getRequestURI(),
                tokens ? "Bearer" : "Basic realm=\"care-reviews\"");
    // The actuator's other endpoints sign in as the API does; its health probes stay open
    // (openSecurity).
    RequestMatcher actuator =
        new AndRequestMatcher(
            paths.matcher("/actuator/**"),
            new NegatedRequestMatcher(
                new OrRequestMatcher(
                    paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))));
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher("/api/**"), paths.matcher("/engine-rest/**"), actuator))
        .authorizeHttpRequests(ApiAccessRules::apply)
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(signIn)
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          if (request.getAttribute(AccessRefused.RECORDED) == null) {
                            events.publishEvent(
                                new AccessRefused(
                                    request.getMethod() + " " + request.getRequestURI(),
                                    request.getRemoteAddr()));
                          }
                          writeProblem(
                              response,
                              objectMapper,
                              HttpStatus.FORBIDDEN,
                              "You do not have access to this.",
                              request.getRequestURI(),
                              null);
                        }))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(
            new CamundaEngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    if (tokens) {
      http.oauth2ResourceServer(
          server ->
              server
                  .jwt(
                      jwt ->
                          jwt.decoder(jwtDecoder(properties))
                              .jwtAuthenticationConverter(new KeycloakAuthorities()))
                  .authenticationEntryPoint(signIn));
    } else {
      http.authenticationManager(
              new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
          .httpBasic(basic -> basic.authenticationEntryPoint(signIn));
    }
    return http.build();
  }

  /**
   * Everything outside the API. Open to anyone: the health probes, the API description (OpenAPI and
   * Swagger UI), the start page's redirect, and what Camunda's webapps need before sign-in: their
   * static pages and scripts (which hold no data), their sign-in, sign-out and who-am-I calls, and
   * the list of engine names (the sign-in form asks for it before it sends the password). The rest
   * of the webapps' API needs a user signed in to the webapps (Camunda's own check then applies
   * too); Camunda's first-administrator setup is closed (users come from Keycloak or the demo).
   * Anything else: 401. With Keycloak sign-in for the webapps, {@link WebappSignInConfiguration}
   * guards all of {@code /camunda/**} before this chain.
   */
  @Bean
  @Order(3)
  SecurityFilterChain openSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    AuthenticationEntryPoint signIn =
        (request, response, e) ->
            writeProblem(
                response,
                objectMapper,
                HttpStatus.UNAUTHORIZED,
                "Sign in to use this.",
                request.getRequestURI(),
                null);
    http.securityMatcher("/**")
        .authorizeHttpRequests(
            auth ->
                auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                    .permitAll()
                    .requestMatchers(
                        paths.matcher(HttpMethod.GET, "/"),
                        paths.matcher("/actuator/health"),
                        paths.matcher("/actuator/health/**"),
                        paths.matcher("/v3/api-docs"),
                        paths.matcher("/v3/api-docs/**"),
                        paths.matcher("/swagger-ui.html"),
                        paths.matcher("/swagger-ui/**"))
                    .permitAll()
                    .requestMatchers(
                        paths.matcher(HttpMethod.GET, "/camunda/api/engine/engine"),
                        paths.matcher(HttpMethod.GET, "/camunda/api/engine/engine/"),
                        paths.matcher("/camunda/api/admin/auth/user/**"),
                        paths.matcher("/camunda/api/*/plugin/*/static/**"))
                    .permitAll()
                    .requestMatchers(paths.matcher("/camunda/api/admin/setup/**"))
                    .denyAll()
                    .requestMatchers(paths.matcher("/camunda/api/**"))
                    .access(
                        (authentication, context) ->
                            new AuthorizationDecision(
                                CamundaWebappSession.signedIn(context.getRequest())))
                    .requestMatchers(
                        paths.matcher("/camunda"),
                        paths.matcher("/camunda/*"),
                        paths.matcher("/camunda/app/**"),
                        paths.matcher("/camunda/lib/**"),
                        paths.matcher("/camunda/assets/**"))
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .exceptionHandling(ex -> ex.authenticationEntryPoint(signIn))
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
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    OAuth2TokenValidator<Jwt> audience =
        jwt ->
            jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "The token is not for this API", null));
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuerUri()), audience));
    return decoder;
  }

  private static void writeProblem(
      HttpServletResponse response,
      ObjectMapper objectMapper,
      HttpStatus status,
      String detail,
      String path,
      String challenge)
      throws IOException {
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

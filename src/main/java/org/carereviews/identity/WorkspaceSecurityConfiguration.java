package org.carereviews.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The workspace: the service's own pages for people (docs/workspace.md). A session signed in with a
 * cookie, CSRF protection on every POST, a Content-Security-Policy without inline scripts or
 * styles.
 *
 * <ul>
 *   <li>Which requests: every page of the service ({@code @Controller} methods in {@code
 *       org.carereviews}, not {@code @RestController}s), the workspace's static files ({@value
 *       #STATIC}) and GOV.UK Frontend's and htmx's files from their webjars, and any other path
 *       once signed in (an unknown page is then the workspace's "Page not found"). Never the API,
 *       {@code /engine-rest}, the Camunda webapps, the actuator, the API description or the OIDC
 *       endpoints: their chains are unchanged. An unknown path without sign-in stays a 401 of
 *       {@link SecurityConfiguration#openSecurity}.
 *   <li>Sign-in without an issuer (the embedded default): the GOV.UK form at {@value #SIGN_IN}
 *       (user id and password, checked by Camunda's identity service, as HTTP Basic on the API is).
 *       With the issuer and the webapps client's secret: OIDC through Keycloak, by the chain of
 *       {@link WebappSignInConfiguration}.
 *   <li>A POST without its CSRF token, or with a stale one (the session timed out while the form
 *       was open), is refused and sent to {@value #SIGN_IN}{@code ?expired}, which asks to sign in
 *       again (or, still signed in, goes on to the start page).
 *   <li>Sign-out: {@code POST} {@value #SIGN_OUT} ends the session (and, with Keycloak,
 *       Keycloak's), then {@value #SIGN_IN}{@code ?signed-out}. Sign-ins, failed sign-ins and
 *       sign-outs are published as {@link SignInEvent}s for the audit trail.
 * </ul>
 */
@Configuration
class WorkspaceSecurityConfiguration {

  static final String SIGN_IN = "/sign-in";
  static final String SIGN_OUT = "/sign-out";

  /**
   * Where a failed sign-in is forwarded (inside the server) to show the form again with its errors.
   */
  static final String SIGN_IN_FAILED = "/sign-in/failed";

  static final String STATIC = "/workspace/**";
  static final String SIGNED_OUT = SIGN_IN + "?signed-out";
  static final String SESSION_EXPIRED = SIGN_IN + "?expired";

  /**
   * Script, style, images and fonts from the service only; no inline script or style; no framing.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "frame-ancestors 'none'; form-action 'self'";

  @Bean
  @Order(2)
  SecurityFilterChain workspaceSecurity(
      HttpSecurity http,
      IdentityService identityService,
      ApplicationEventPublisher events,
      ApplicationContext context,
      ObjectProvider<ClientRegistrationRepository> keycloak)
      throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    ClientRegistrationRepository registrations = keycloak.getIfAvailable();
    String formAction = registrations == null ? "" : " " + origin(registrations);
    http.securityMatcher(workspaceRequests(paths, context))
        .authorizeHttpRequests(
            auth ->
                auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                    .permitAll()
                    .requestMatchers(
                        paths.matcher(SIGN_IN),
                        paths.matcher(HttpMethod.GET, STATIC),
                        paths.matcher(HttpMethod.GET, "/webjars/govuk-frontend/**"),
                        paths.matcher(HttpMethod.GET, "/webjars/htmx.org/**"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(paths.matcher(HttpMethod.POST, SIGN_OUT))
                    .addLogoutHandler(
                        (request, response, authentication) -> {
                          if (authentication != null) {
                            events.publishEvent(
                                new SignInEvent(
                                    authentication.getName(),
                                    SignInEvent.Kind.SIGNED_OUT,
                                    request.getRemoteAddr()));
                          }
                        })
                    .logoutSuccessHandler(signedOut(registrations)))
        // A form whose token is missing or stale (most often: the session timed out while it was
        // open) is refused,
        // and the user is sent to sign in again rather than shown a bare 403.
        .exceptionHandling(
            ex ->
                ex.accessDeniedHandler(
                    (request, response, denied) -> {
                      if (denied instanceof CsrfException) {
                        response.sendRedirect(request.getContextPath() + SESSION_EXPIRED);
                      } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                      }
                    }))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY + formAction))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny()))
        .addFilterAfter(
            new CamundaEngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    if (registrations == null) {
      SavedRequestAwareAuthenticationSuccessHandler back =
          new SavedRequestAwareAuthenticationSuccessHandler();
      http.authenticationManager(
              new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
          .formLogin(
              form ->
                  form.loginPage(SIGN_IN)
                      .loginProcessingUrl(SIGN_IN)
                      .usernameParameter("username")
                      .passwordParameter("password")
                      .successHandler(
                          (request, response, authentication) -> {
                            events.publishEvent(
                                new SignInEvent(
                                    authentication.getName(),
                                    SignInEvent.Kind.SIGNED_IN,
                                    request.getRemoteAddr()));
                            back.onAuthenticationSuccess(request, response, authentication);
                          })
                      // The sign-in page again, with the error summary (the workspace's sign-in
                      // controller answers the POST).
                      .failureHandler(
                          (request, response, exception) -> {
                            events.publishEvent(
                                new SignInEvent(
                                    request.getParameter("username"),
                                    SignInEvent.Kind.SIGN_IN_FAILED,
                                    request.getRemoteAddr()));
                            request.getRequestDispatcher(SIGN_IN_FAILED).forward(request, response);
                          }));
    } else {
      // Keycloak's sign-in, through the OIDC chain of WebappSignInConfiguration; back to the page
      // asked for.
      http.exceptionHandling(
          ex ->
              ex.authenticationEntryPoint(
                  new LoginUrlAuthenticationEntryPoint(
                      "/oauth2/authorization/" + WebappSignInConfiguration.REGISTRATION_ID)));
    }
    return http.build();
  }

  private static LogoutSuccessHandler signedOut(ClientRegistrationRepository registrations) {
    if (registrations == null) {
      SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
      handler.setDefaultTargetUrl(SIGNED_OUT);
      return handler;
    }
    // Keycloak's session ends too (RP-initiated logout), so that "Sign in" asks for the password
    // again.
    OidcClientInitiatedLogoutSuccessHandler handler =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
    handler.setDefaultTargetUrl(SIGNED_OUT);
    return handler;
  }

  /**
   * Where the browser is sent to sign out of Keycloak: a form's redirect target, so the policy must
   * allow it.
   */
  private static String origin(ClientRegistrationRepository registrations) {
    URI issuer =
        URI.create(
            registrations
                .findByRegistrationId(WebappSignInConfiguration.REGISTRATION_ID)
                .getProviderDetails()
                .getIssuerUri());
    return issuer.getScheme() + "://" + issuer.getAuthority();
  }

  /** The workspace's requests: see the class comment. */
  static RequestMatcher workspaceRequests(
      PathPatternRequestMatcher.Builder paths, ApplicationContext context) {
    RequestMatcher others =
        new OrRequestMatcher(
            paths.matcher("/api/**"),
            paths.matcher("/engine-rest/**"),
            paths.matcher("/camunda/**"),
            paths.matcher("/actuator/**"),
            paths.matcher("/v3/api-docs/**"),
            paths.matcher("/v3/api-docs"),
            paths.matcher("/swagger-ui.html"),
            paths.matcher("/swagger-ui/**"),
            paths.matcher("/oauth2/**"),
            paths.matcher("/login/oauth2/**"));
    RequestMatcher workspace =
        new OrRequestMatcher(
            paths.matcher(SIGN_IN),
            paths.matcher(SIGN_OUT),
            paths.matcher(STATIC),
            paths.matcher("/webjars/govuk-frontend/**"),
            paths.matcher("/webjars/htmx.org/**"),
            new PageRequestMatcher(context),
            WorkspaceSecurityConfiguration::signedIn);
    return new AndRequestMatcher(new NegatedRequestMatcher(others), workspace);
  }

  /**
   * Whether the request's session holds a signed-in user (of the workspace or, with Keycloak, the
   * webapps).
   */
  static boolean signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
            != null;
  }

  /**
   * Whether Spring MVC would answer the request with a page: a handler method of a
   * {@code @Controller} (not a {@code @RestController}) of the service. Pages are found where they
   * are declared, in any capability, without a list of paths to keep.
   */
  static final class PageRequestMatcher implements RequestMatcher {

    private final ApplicationContext context;
    private volatile RequestMappingHandlerMapping mapping;

    PageRequestMatcher(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
      Object previousPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
      try {
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mapping().getHandler(request);
        return chain != null
            && chain.getHandler() instanceof HandlerMethod method
            && isPage(method.getBeanType());
      } catch (Exception e) {
        // No handler for this method (405) or no mapping at all: not a page.
        return false;
      } finally {
        if (previousPath == null) {
          request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        } else {
          request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previousPath);
        }
      }
    }

    private RequestMappingHandlerMapping mapping() {
      if (mapping == null) {
        mapping =
            context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
      }
      return mapping;
    }

    static boolean isPage(Class<?> type) {
      return type.getPackageName().startsWith("org.carereviews")
          && AnnotatedElementUtils.hasAnnotation(type, Controller.class)
          && !AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class);
    }
  }
}

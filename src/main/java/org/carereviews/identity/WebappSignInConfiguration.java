package org.carereviews.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Camunda's webapps (Tasklist, Cockpit, Admin) sign in through Keycloak when the issuer and the
 * webapps client's secret are set: Spring Security's OIDC sign-in (authorization code with PKCE,
 * client {@code care-reviews-webapps}) guards {@code /camunda/**}, and Camunda's container-based
 * authentication filter takes the signed-in user from it ({@link
 * WebappSignInAuthenticationProvider}). Camunda's own login form is then never shown. Browsers are
 * sent to the issuer's authorization endpoint; the service redeems codes and reads keys at the
 * back-channel address ({@link KeycloakProperties#backchannelUri()}).
 */
@Configuration
@ConditionalOnExpression(
    "'${care-reviews.security.issuer-uri:}' != '' "
        + "&& '${care-reviews.security.keycloak.webapps-client-secret:}' != ''")
class WebappSignInConfiguration {

  static final String REGISTRATION_ID = "keycloak";
  static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";

  @Bean
  ClientRegistrationRepository clientRegistrations(
      SecurityProperties security, KeycloakProperties keycloak) {
    String issuer = security.issuerUri().replaceAll("/+$", "");
    String backchannel = keycloak.realmUri(security) + "/protocol/openid-connect";
    ClientRegistration webapps =
        ClientRegistration.withRegistrationId(REGISTRATION_ID)
            .clientId(keycloak.webappsClientId())
            .clientSecret(keycloak.webappsClientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid", "profile")
            .authorizationUri(issuer + "/protocol/openid-connect/auth")
            .tokenUri(backchannel + "/token")
            .userInfoUri(backchannel + "/userinfo")
            .jwkSetUri(security.effectiveJwkSetUri())
            .issuerUri(issuer)
            // The signed-in user's name is their user id (sw.north), as with bearer tokens and in
            // Camunda.
            .userNameAttributeName(KeycloakAuthorities.USERNAME_CLAIM)
            .providerConfigurationMetadata(
                Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
            .clientName("Keycloak")
            // PKCE (S256), which the realm requires of this client.
            .clientSettings(
                ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
            .build();
    return new InMemoryClientRegistrationRepository(webapps);
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http, ApplicationEventPublisher events)
      throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    SimpleUrlAuthenticationFailureHandler failed =
        new SimpleUrlAuthenticationFailureHandler(
            "/oauth2/authorization/" + REGISTRATION_ID + "?error");
    // The workspace (WorkspaceSecurityConfiguration) signs in through this chain too: the user goes
    // back to
    // the page they asked for, with the same authorities as a bearer token gives.
    http.securityMatcher("/camunda/**", "/oauth2/authorization/**", "/login/oauth2/code/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .oauth2Login(
            login ->
                login
                    .loginPage("/oauth2/authorization/" + REGISTRATION_ID)
                    .userInfoEndpoint(
                        userInfo ->
                            userInfo.userAuthoritiesMapper(
                                WebappSignInConfiguration::groupAuthorities))
                    .successHandler(
                        new SavedRequestAwareAuthenticationSuccessHandler() {
                          @Override
                          public void onAuthenticationSuccess(
                              HttpServletRequest request,
                              HttpServletResponse response,
                              Authentication authentication)
                              throws IOException, ServletException {
                            events.publishEvent(
                                new SignInEvent(
                                    authentication.getName(),
                                    SignInEvent.Kind.SIGNED_IN,
                                    request.getRemoteAddr()));
                            super.onAuthenticationSuccess(request, response, authentication);
                          }
                        })
                    .failureHandler(
                        (request, response, exception) -> {
                          events.publishEvent(
                              new SignInEvent(
                                  null, SignInEvent.Kind.SIGN_IN_FAILED, request.getRemoteAddr()));
                          failed.onAuthenticationFailure(request, response, exception);
                        }))
        // Camunda's sign-out ends the Spring session too (Keycloak's own session ends at Keycloak).
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(paths.matcher(HttpMethod.POST, CAMUNDA_LOGOUT))
                    .logoutSuccessHandler(
                        new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
        // The Camunda webapps carry their own CSRF prevention filter.
        .csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher("/camunda/**")))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  /**
   * The OIDC user's own authorities and, from its claims, {@code GROUP_<id>} for its groups and
   * realm roles.
   */
  static Collection<GrantedAuthority> groupAuthorities(
      Collection<? extends GrantedAuthority> granted) {
    Set<GrantedAuthority> authorities = new LinkedHashSet<>(granted);
    for (GrantedAuthority authority : granted) {
      if (authority instanceof OidcUserAuthority oidc) {
        Map<String, Object> claims = new HashMap<>(oidc.getIdToken().getClaims());
        if (oidc.getUserInfo() != null) {
          claims.putAll(oidc.getUserInfo().getClaims());
        }
        authorities.addAll(KeycloakAuthorities.authorities(claims));
      }
    }
    return authorities;
  }

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", WebappSignInAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    // After Spring Security's filter chain, which signs the user in.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}

package org.carereviews.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Tells Camunda's webapps (through their {@code ContainerBasedAuthenticationFilter}) who signed in
 * with Keycloak: the OIDC user's {@code preferred_username} is the Camunda user id and the {@code
 * groups} claim the Camunda groups, as for bearer tokens on the API. Camunda instantiates this
 * class itself.
 */
public class WebappSignInAuthenticationProvider implements AuthenticationProvider {

  static final String USERNAME_CLAIM = "preferred_username";
  static final String GROUPS_CLAIM = "groups";

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = user.getClaimAsString(USERNAME_CLAIM);
    if (userId == null || userId.isBlank()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(userId);
    Collection<String> groups = user.getClaimAsStringList(GROUPS_CLAIM);
    result.setGroups(groups == null ? List.of() : List.copyOf(groups));
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    // Spring Security's OIDC sign-in sends unauthenticated browsers to Keycloak before this filter
    // runs.
  }
}

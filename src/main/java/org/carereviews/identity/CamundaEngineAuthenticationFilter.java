package org.carereviews.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user that Spring Security authenticated to the Camunda engine for the length of the
 * request, so that Camunda authorizations apply to {@code /engine-rest} and to engine calls made by
 * our API.
 */
class CamundaEngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  CamundaEngineAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || "anonymousUser".equals(authentication.getName())) {
      chain.doFilter(request, response);
      return;
    }
    CareUser user = CurrentUser.fromAuthentication(authentication);
    try {
      identityService.setAuthentication(user.userId(), new ArrayList<>(user.groupIds()));
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}

package org.carereviews.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.carereviews.audit.EngineApiRequests.EngineAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits what users do to case records through Camunda's own APIs: {@code /engine-rest} and the API
 * behind Tasklist, Cockpit and Admin ({@code /camunda/api}). Which requests count is
 * {@link EngineApiRequests}'s business. Runs after Spring Security (which signs {@code /engine-rest}
 * callers in, and refuses and audits requests its rules forbid) and records after the engine has
 * answered: a 403 (a Camunda authorization) as refused, anything else as allowed. Requests nobody is
 * signed in for are not recorded: they reach no record.
 */
class EngineApiAuditFilter extends OncePerRequestFilter {

  private static final String WEBAPPS = "/camunda/";

  private final AuditTrail trail;

  EngineApiAuditFilter(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    Optional<EngineAccess> access = EngineApiRequests.classify(request.getMethod(), path);
    try {
      chain.doFilter(request, response);
    } finally {
      if (access.isPresent()) {
        // The webapps keep their user in Camunda's session; /engine-rest callers are Spring Security's.
        Optional<String> user = path.startsWith(WEBAPPS) ? webappUser(request) : springSecurityUser();
        user.ifPresent(signedIn -> record(signedIn, access.get(), request, response));
      }
    }
  }

  private void record(String user, EngineAccess access, HttpServletRequest request, HttpServletResponse response) {
    int status = response.getStatus();
    if (status == HttpStatus.UNAUTHORIZED.value()) {
      return;
    }
    AuditOutcome outcome = status == HttpStatus.FORBIDDEN.value() ? AuditOutcome.REFUSED : AuditOutcome.ALLOWED;
    trail.record(user, access.action(), access.recordType(), access.recordId(), outcome, request.getRemoteAddr());
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static Optional<String> springSecurityUser() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(authentication.getName());
  }

  private static Optional<String> webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications.getAuthentications().stream().map(Authentication::getName).findFirst();
  }
}

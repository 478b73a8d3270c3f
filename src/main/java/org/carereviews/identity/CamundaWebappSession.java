package org.carereviews.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/**
 * Whether a user has signed in to Camunda's webapps (Tasklist, Cockpit, Admin) in this request's
 * session.
 */
final class CamundaWebappSession {

  private CamundaWebappSession() {}

  static boolean signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
        && !AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty();
  }
}

package org.carereviews.workspace.dashboard;

import org.carereviews.identity.CurrentUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every workspace page knows whether the signed-in user reads the dashboard ({@code
 * readsDashboard}), to link to it.
 */
@ControllerAdvice(basePackages = "org.carereviews.workspace")
class DashboardLink {

  @ModelAttribute("readsDashboard")
  boolean readsDashboard() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)
        && DashboardAccess.readsDashboard(CurrentUser.fromAuthentication(authentication));
  }
}

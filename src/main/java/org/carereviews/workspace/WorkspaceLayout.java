package org.carereviews.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Set;
import org.carereviews.identity.CamundaDirectory;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.CurrentUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.validation.ValidationDesk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * What {@code templates/workspace/layout.html} reads from every page's model (docs/workspace.md):
 * filled in after each page's controller, and for the workspace's error pages.
 */
@Component
class WorkspaceLayout {

  /** The settings ({@link WorkspaceProperties}): council name, brand colour, phase. */
  static final String SETTINGS = "workspace";

  /** The service's name, "Care Reviews". */
  static final String SERVICE_NAME = "serviceName";

  /**
   * The signed-in user ({@link SignedInUser}), or absent on the sign-in and error pages of
   * anonymous visitors.
   */
  static final String SIGNED_IN = "signedIn";

  /**
   * Counts beside the service navigation's items: a {@code Map<String, Long>} by item key ({@link
   * #MY_WORK}, {@link #TEAM_WORK}, {@link #PEOPLE}); a page may add its own, else it is empty and
   * no count shows.
   */
  static final String NAV_COUNTS = "navCounts";

  /**
   * The key of the service navigation's current item; a page may set it, else it follows the path.
   */
  static final String NAV_CURRENT = "navCurrent";

  static final String MY_WORK = "my-work";
  static final String TEAM_WORK = "team-work";
  static final String PEOPLE = "people";
  static final String DASHBOARD = "dashboard";
  static final String DASHBOARD_PATH = "/dashboard";
  static final String PANEL = "panel";

  /** The paths of the service navigation's items. */
  static final String MY_WORK_PATH = "/";

  static final String TEAM_WORK_PATH = "/team-work";
  static final String PEOPLE_PATH = "/people";
  static final String PANEL_PATH = "/panel";
  static final String VALIDATION = "validation";
  static final String VALIDATION_PATH = "/validation";

  /** Who sees the panel meeting in the navigation: its members and those who oversee it. */
  private static final java.util.Set<String> PANEL_READERS =
      java.util.Set.of(
          Roles.PANEL_ASC,
          Roles.PANEL_FINANCE,
          Roles.PANEL_COMMISSIONING,
          Roles.DIRECTOR,
          Roles.AUDITOR);

  private static final String NAME_IN_SESSION = WorkspaceLayout.class.getName() + ".name";

  /** Who is signed in, as the header shows them. */
  /**
   * The signed-in user as the layout shows them, with what the navigation offers them: My team's
   * work (team managers), the panel meeting (its members and readers), the board's list (board
   * members), the CTR register (CTR members), finance validation (finance validators and the head
   * of finance).
   */
  record SignedInUser(
      String userId,
      String name,
      boolean teamManager,
      boolean panelReader,
      boolean boardMember,
      boolean ctrMember,
      boolean financeValidator) {}

  private final WorkspaceProperties properties;
  private final CamundaDirectory directory;
  private final ObjectProvider<ValidationDesk> validation;

  WorkspaceLayout(
      WorkspaceProperties properties,
      CamundaDirectory directory,
      ObjectProvider<ValidationDesk> validation) {
    this.properties = properties;
    this.directory = directory;
    this.validation = validation;
  }

  void fill(Map<String, Object> model, HttpServletRequest request) {
    model.put(SETTINGS, properties);
    model.put(SERVICE_NAME, WorkspaceProperties.SERVICE_NAME);
    model.putIfAbsent(NAV_COUNTS, Map.of());
    model.putIfAbsent(NAV_CURRENT, current(request.getRequestURI()));
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      CareUser user = CurrentUser.fromAuthentication(authentication);
      model.put(
          SIGNED_IN,
          new SignedInUser(
              user.userId(),
              name(authentication, request),
              user.hasRole(Roles.TEAM_MANAGER),
              user.hasAnyRole(PANEL_READERS),
              user.hasRole(Roles.BOARD_MEMBER),
              user.hasAnyRole(Set.of(Roles.CTR_CHAIR, Roles.CTR_CLINICIAN, Roles.CTR_EXPERT)),
              user.hasAnyRole(Set.of(Roles.FINANCE_VALIDATOR, Roles.HEAD_OF_FINANCE))));
      if (user.hasAnyRole(Set.of(Roles.FINANCE_VALIDATOR, Roles.HEAD_OF_FINANCE))
          && model.get(NAV_COUNTS) instanceof Map<?, ?> counts
          && !counts.containsKey(VALIDATION)) {
        // finance's queue is counted beside "Finance validation" on every page (one count query)
        ValidationDesk desk = validation.getIfAvailable();
        if (desk != null) {
          Map<Object, Object> withQueue = new java.util.LinkedHashMap<>(counts);
          withQueue.put(VALIDATION, desk.waitingCount(user));
          model.put(NAV_COUNTS, withQueue);
        }
      }
    }
  }

  private static String current(String path) {
    if (path == null || path.equals(MY_WORK_PATH)) {
      return MY_WORK;
    }
    if (path.startsWith(PEOPLE_PATH)) {
      return PEOPLE;
    }
    if (path.startsWith(DASHBOARD_PATH)) {
      return DASHBOARD;
    }
    if (path.equals(VALIDATION_PATH) || path.startsWith(VALIDATION_PATH + "/")) {
      return VALIDATION;
    }
    if (path.startsWith("/board")) {
      return "board";
    }
    if (path.equals("/ctr") || path.startsWith("/ctr/")) {
      return "ctr";
    }
    if (path.equals(PANEL_PATH) || path.startsWith(PANEL_PATH + "/")) {
      return PANEL;
    }
    return path.startsWith(TEAM_WORK_PATH) ? TEAM_WORK : "";
  }

  /**
   * The user's name: Keycloak's, or Camunda's first and last name; the user id when neither is
   * known.
   */
  private String name(Authentication authentication, HttpServletRequest request) {
    if (authentication.getPrincipal() instanceof OidcUser oidc && oidc.getFullName() != null) {
      return oidc.getFullName();
    }
    HttpSession session = request.getSession(false);
    String key = NAME_IN_SESSION + "." + authentication.getName();
    if (session != null && session.getAttribute(key) instanceof String known) {
      return known;
    }
    String name = directory.displayName(authentication.getName());
    if (session != null) {
      session.setAttribute(key, name);
    }
    return name;
  }
}

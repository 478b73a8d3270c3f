package org.carereviews.workspace.dashboard;

import java.util.Set;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;

/**
 * Who sees what on the dashboard: the same roles as the API gives the same figures ({@code
 * identity.ApiAccessRules} and the controllers' checks).
 *
 * <ul>
 *   <li>The page, savings and the spend forecast: the savings readers of {@code /api/savings}
 *       (finance, the panel's finance seat, the board, the director, auditors).
 *   <li>People's names in a drill-down: finance validators and the head of finance only, as in the
 *       API.
 *   <li>The review backlog: the oversight roles of {@code /api/reviews} (director, auditor).
 *   <li>The panel: the readers of {@code /api/panel/measures} among them.
 *   <li>CTR: counts only (no person named, no record opened) for the director and auditors.
 *   <li>Importing budgets: the head of finance, who imports the savings programme too.
 * </ul>
 */
final class DashboardAccess {

  static final Set<String> READERS =
      Set.of(
          Roles.FINANCE_VALIDATOR,
          Roles.HEAD_OF_FINANCE,
          Roles.BOARD_MEMBER,
          Roles.DIRECTOR,
          Roles.PANEL_FINANCE,
          Roles.AUDITOR);
  static final Set<String> SEE_NAMES = Set.of(Roles.FINANCE_VALIDATOR, Roles.HEAD_OF_FINANCE);
  static final Set<String> REVIEW_READERS = Set.of(Roles.DIRECTOR, Roles.AUDITOR);
  static final Set<String> PANEL_READERS =
      Set.of(Roles.DIRECTOR, Roles.AUDITOR, Roles.HEAD_OF_FINANCE, Roles.PANEL_FINANCE);
  static final Set<String> CTR_COUNT_READERS = Set.of(Roles.DIRECTOR, Roles.AUDITOR);

  private DashboardAccess() {}

  static boolean readsDashboard(CareUser user) {
    return user.hasAnyRole(READERS);
  }

  static boolean readsSavings(CareUser user) {
    return user.hasAnyRole(READERS);
  }

  static boolean seesNames(CareUser user) {
    return user.hasAnyRole(SEE_NAMES);
  }

  static boolean readsReviews(CareUser user) {
    return user.hasAnyRole(REVIEW_READERS);
  }

  static boolean readsPanel(CareUser user) {
    return user.hasAnyRole(PANEL_READERS);
  }

  static boolean readsCtrCounts(CareUser user) {
    return user.hasAnyRole(CTR_COUNT_READERS);
  }

  static boolean importsBudgets(CareUser user) {
    return user.hasRole(Roles.HEAD_OF_FINANCE);
  }
}

package org.carereviews.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The user types of Care Reviews, as Camunda group ids (and, with Keycloak, realm groups). A user
 * also belongs to the group of their team, {@code team-<code>}; a team manager also to the team's
 * managers' group, {@code team-<code>-manager}, to which the team managers' tasks are offered
 * (Camunda's candidate groups are alternatives, so a task for "team manager of team NORTH" needs a
 * group of its own).
 */
public final class Roles {

  public static final String SOCIAL_WORKER = "social-worker";
  public static final String TEAM_MANAGER = "team-manager";
  public static final String PANEL_ASC = "panel-asc";
  public static final String PANEL_FINANCE = "panel-finance";
  public static final String PANEL_COMMISSIONING = "panel-commissioning";
  public static final String FINANCE_VALIDATOR = "finance-validator";
  public static final String HEAD_OF_FINANCE = "head-of-finance";
  public static final String BOARD_MEMBER = "board-member";
  public static final String CTR_CHAIR = "ctr-chair";
  public static final String CTR_CLINICIAN = "ctr-clinician";
  public static final String CTR_EXPERT = "ctr-expert";
  public static final String DIRECTOR = "director";
  public static final String AUDITOR = "auditor";

  /** Camunda's own administrators group: full rights in Camunda Admin and Cockpit. */
  public static final String ADMIN = "camunda-admin";

  public static final List<String> ALL =
      List.of(
          SOCIAL_WORKER,
          TEAM_MANAGER,
          PANEL_ASC,
          PANEL_FINANCE,
          PANEL_COMMISSIONING,
          FINANCE_VALIDATOR,
          HEAD_OF_FINANCE,
          BOARD_MEMBER,
          CTR_CHAIR,
          CTR_CLINICIAN,
          CTR_EXPERT,
          DIRECTOR,
          AUDITOR,
          ADMIN);

  /** Roles whose work spans every team's people (read). Workers and managers see their own team. */
  public static final Set<String> COUNCIL_WIDE_READERS =
      Set.of(
          PANEL_ASC,
          PANEL_FINANCE,
          PANEL_COMMISSIONING,
          FINANCE_VALIDATOR,
          HEAD_OF_FINANCE,
          BOARD_MEMBER,
          CTR_CHAIR,
          CTR_CLINICIAN,
          CTR_EXPERT,
          DIRECTOR,
          AUDITOR,
          ADMIN);

  public static final String TEAM_GROUP_PREFIX = "team-";
  public static final String MANAGER_GROUP_SUFFIX = "-manager";

  private Roles() {}

  /** {@code NORTH} -> {@code team-north}. */
  public static String teamGroup(String teamCode) {
    return TEAM_GROUP_PREFIX + teamCode.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code NORTH} -> {@code team-north-manager}: the team's managers, to whom their tasks are
   * offered.
   */
  public static String managerGroup(String teamCode) {
    return teamGroup(teamCode) + MANAGER_GROUP_SUFFIX;
  }

  /** {@code team-north} -> {@code team-north-manager}. */
  public static String managerGroupOf(String teamGroup) {
    return teamGroup + MANAGER_GROUP_SUFFIX;
  }

  /** Whether a group is a team's managers' group ({@code team-<code>-manager}). */
  public static boolean isManagerGroup(String groupId) {
    return groupId.startsWith(TEAM_GROUP_PREFIX)
        && groupId.endsWith(MANAGER_GROUP_SUFFIX)
        && !ALL.contains(groupId)
        && groupId.length() > TEAM_GROUP_PREFIX.length() + MANAGER_GROUP_SUFFIX.length();
  }

  /** {@code team-north} -> {@code NORTH}. */
  public static String teamCode(String teamGroup) {
    return teamGroup.substring(TEAM_GROUP_PREFIX.length()).toUpperCase(Locale.ROOT);
  }

  /**
   * Whether a group is a team's; {@code team-manager} is a role, not a team called MANAGER, and
   * {@code team-north-manager} is the managers' group of team NORTH (so no team code ends in {@code
   * -MANAGER}).
   */
  public static boolean isTeamGroup(String groupId) {
    return groupId.startsWith(TEAM_GROUP_PREFIX)
        && !ALL.contains(groupId)
        && !isManagerGroup(groupId);
  }
}

package org.carereviews.identity;

import java.util.Set;

/**
 * Who is asking: user id, role groups and team codes. Built from the authenticated principal; holds
 * no personal data beyond the user id.
 */
public record CareUser(String userId, Set<String> roles, Set<String> teamCodes) {

  public CareUser {
    roles = Set.copyOf(roles);
    teamCodes = Set.copyOf(teamCodes);
  }

  /** From a user id and Camunda group ids (role groups and {@code team-<code>} groups). */
  public static CareUser fromGroups(String userId, java.util.Collection<String> groupIds) {
    Set<String> roles = new java.util.HashSet<>();
    Set<String> teams = new java.util.HashSet<>();
    for (String group : groupIds) {
      if (Roles.isTeamGroup(group)) {
        teams.add(Roles.teamCode(group));
      } else {
        roles.add(group);
      }
    }
    return new CareUser(userId, roles, teams);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(Set<String> anyOf) {
    return roles.stream().anyMatch(anyOf::contains);
  }

  /** Whether this user may read the case records of people in the given team. */
  public boolean canReadTeam(String teamCode) {
    return hasAnyRole(Roles.COUNCIL_WIDE_READERS) || teamCodes.contains(teamCode);
  }

  /** Whether this user reads every team's case records. */
  public boolean readsAllTeams() {
    return hasAnyRole(Roles.COUNCIL_WIDE_READERS);
  }

  /** Whether this user may record people and package changes for the given team. */
  public boolean canWriteTeam(String teamCode) {
    return teamCodes.contains(teamCode)
        && (hasRole(Roles.SOCIAL_WORKER) || hasRole(Roles.TEAM_MANAGER));
  }

  /** All Camunda group ids of this user: roles and team groups. */
  public Set<String> groupIds() {
    var groups = new java.util.HashSet<>(roles);
    teamCodes.forEach(code -> groups.add(Roles.teamGroup(code)));
    return Set.copyOf(groups);
  }
}

package org.carereviews.identity;

import java.util.HashSet;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The {@link CareUser} behind the current request. Authorities are Camunda group ids prefixed
 * {@code GROUP_} (see {@link CamundaIdentityAuthenticationProvider}).
 */
@Component
public class CurrentUser {

  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  public CareUser get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new AuthenticationCredentialsNotFoundException("not signed in");
    }
    return fromAuthentication(authentication);
  }

  public static CareUser fromAuthentication(Authentication authentication) {
    Set<String> roles = new HashSet<>();
    Set<String> teams = new HashSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (!name.startsWith(GROUP_AUTHORITY_PREFIX)) {
        continue;
      }
      String group = name.substring(GROUP_AUTHORITY_PREFIX.length());
      if (Roles.isTeamGroup(group)) {
        teams.add(Roles.teamCode(group));
      } else {
        roles.add(group);
      }
    }
    return new CareUser(authentication.getName(), roles, teams);
  }
}

package org.carereviews.identity;

import java.util.ArrayList;
import java.util.List;
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
    List<String> groups = new ArrayList<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name.startsWith(GROUP_AUTHORITY_PREFIX)) {
        groups.add(name.substring(GROUP_AUTHORITY_PREFIX.length()));
      }
    }
    return CareUser.fromGroups(authentication.getName(), groups);
  }
}

package org.carereviews.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A Keycloak access token to the same authorities that HTTP Basic sign-in gives: {@code GROUP_<id>}
 * for each group of the {@code groups} claim (Keycloak's group membership mapper, with or without the
 * full path) and for each realm role ({@code realm_access.roles}) that is one of {@link Roles#ALL}.
 * The user id is {@code preferred_username} (e.g. {@code sw.north}), as in Camunda.
 */
class KeycloakAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

  static final String GROUPS_CLAIM = "groups";
  static final String USERNAME_CLAIM = "preferred_username";

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Set<String> groups = new LinkedHashSet<>();
    List<String> claimed = jwt.getClaimAsStringList(GROUPS_CLAIM);
    if (claimed != null) {
      for (String group : claimed) {
        String id = group.substring(group.lastIndexOf('/') + 1);
        if (!id.isBlank()) {
          groups.add(id);
        }
      }
    }
    groups.addAll(realmRoles(jwt));
    Collection<SimpleGrantedAuthority> authorities = new ArrayList<>();
    groups.forEach(id -> authorities.add(new SimpleGrantedAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + id)));
    String username = jwt.getClaimAsString(USERNAME_CLAIM);
    return new JwtAuthenticationToken(jwt, authorities, username == null || username.isBlank() ? jwt.getSubject()
        : username);
  }

  private static List<String> realmRoles(Jwt jwt) {
    Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
    if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
      return List.of();
    }
    return roles.stream().map(String::valueOf).filter(Roles.ALL::contains).toList();
  }
}

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
 * for each group of the {@code groups} claim (Keycloak's group membership mapper, with or without
 * the full path) and for each realm role ({@code realm_access.roles}) that is one of {@link
 * Roles#ALL}. The user id is {@code preferred_username} (e.g. {@code sw.north}), as in Camunda.
 */
class KeycloakAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

  static final String GROUPS_CLAIM = "groups";
  static final String USERNAME_CLAIM = "preferred_username";

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Collection<SimpleGrantedAuthority> authorities = authorities(jwt.getClaims());
    String username = jwt.getClaimAsString(USERNAME_CLAIM);
    return new JwtAuthenticationToken(
        jwt, authorities, username == null || username.isBlank() ? jwt.getSubject() : username);
  }

  /**
   * The authorities of a token's or an OIDC user's claims: {@code GROUP_<id>} for each group of the
   * {@code groups} claim and each realm role that is one of {@link Roles#ALL}.
   */
  static Collection<SimpleGrantedAuthority> authorities(Map<String, Object> claims) {
    Set<String> groups = new LinkedHashSet<>();
    if (claims.get(GROUPS_CLAIM) instanceof Collection<?> claimed) {
      for (Object value : claimed) {
        String group = String.valueOf(value);
        String id = group.substring(group.lastIndexOf('/') + 1);
        if (!id.isBlank()) {
          groups.add(id);
        }
      }
    }
    groups.addAll(realmRoles(claims));
    Collection<SimpleGrantedAuthority> authorities = new ArrayList<>();
    groups.forEach(
        id -> authorities.add(new SimpleGrantedAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + id)));
    return authorities;
  }

  private static List<String> realmRoles(Map<String, Object> claims) {
    if (!(claims.get("realm_access") instanceof Map<?, ?> realmAccess)
        || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
      return List.of();
    }
    return roles.stream().map(String::valueOf).filter(Roles.ALL::contains).toList();
  }
}

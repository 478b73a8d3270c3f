package org.carereviews.identity;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's identity read from Keycloak (the community {@code camunda-platform-7-keycloak} plugin)
 * when the issuer and the identity client's secret are set: users by username ({@code sw.north}),
 * groups by name ({@code team-north}, {@code panel-asc}), so candidate groups, Tasklist filters and
 * Camunda authorizations use Keycloak's groups. Read-only: users and groups are managed in
 * Keycloak, not in Camunda Admin. Members of {@link Roles#ADMIN} get every Camunda permission.
 */
@Configuration
@ConditionalOnExpression(
    "'${care-reviews.security.issuer-uri:}' != '' "
        + "&& '${care-reviews.security.keycloak.identity-client-secret:}' != ''")
class KeycloakIdentityConfiguration {

  @Bean
  KeycloakIdentityProviderPlugin keycloakIdentityProvider(
      SecurityProperties security, KeycloakProperties keycloak) {
    KeycloakIdentityProviderPlugin plugin = new KeycloakIdentityProviderPlugin();
    plugin.setKeycloakIssuerUrl(keycloak.realmUri(security));
    plugin.setKeycloakAdminUrl(keycloak.adminUri(security));
    plugin.setClientId(keycloak.identityClientId());
    plugin.setClientSecret(keycloak.identityClientSecret());
    plugin.setUseUsernameAsCamundaUserId(true);
    // Group path without its leading '/': top-level groups keep their names as Camunda group ids.
    plugin.setUseGroupPathAsCamundaGroupId(true);
    plugin.setAdministratorGroupName(Roles.ADMIN);
    plugin.setCacheEnabled(true);
    plugin.setMaxCacheSize(500);
    plugin.setCacheExpirationTimeoutMin(5);
    return plugin;
  }

  @Bean
  KeycloakDirectory keycloakDirectory(SecurityProperties security, KeycloakProperties keycloak) {
    return new KeycloakDirectory(
        keycloak.realmUri(security),
        keycloak.adminUri(security),
        keycloak.identityClientId(),
        keycloak.identityClientSecret());
  }
}

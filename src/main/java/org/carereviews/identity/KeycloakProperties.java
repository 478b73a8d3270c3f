package org.carereviews.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code care-reviews.security.keycloak.*}: the service's own Keycloak clients, used only together
 * with {@code care-reviews.security.issuer-uri}.
 *
 * @param backchannelUri the realm's URL as the service reaches it (token, user info and admin
 *     calls), when that differs from the issuer browsers see (e.g. {@code
 *     http://keycloak:8080/realms/care-reviews} inside docker-compose); empty: the issuer
 * @param webappsClientId the confidential OIDC client the Camunda webapps sign in with
 * @param webappsClientSecret its secret; set: Tasklist, Cockpit and Admin sign in through Keycloak
 * @param identityClientId the client whose service account reads users and groups for Camunda
 *     (realm-management role {@code view-users})
 * @param identityClientSecret its secret; set: Camunda's identity service reads Keycloak's users
 *     and groups (read-only) instead of Camunda's own tables
 */
@ConfigurationProperties("care-reviews.security.keycloak")
public record KeycloakProperties(
    String backchannelUri,
    String webappsClientId,
    String webappsClientSecret,
    String identityClientId,
    String identityClientSecret) {

  static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** Whether the webapps sign in through Keycloak. */
  boolean webappsSignIn(SecurityProperties security) {
    return security.usesTokens() && isSet(webappsClientSecret);
  }

  /** The realm URL for the service's own calls to Keycloak. */
  String realmUri(SecurityProperties security) {
    return (isSet(backchannelUri) ? backchannelUri : security.issuerUri()).replaceAll("/+$", "");
  }

  /** Keycloak's admin REST API for the realm: {@code <base>/admin/realms/<realm>}. */
  String adminUri(SecurityProperties security) {
    String realm = realmUri(security);
    int at = realm.lastIndexOf("/realms/");
    if (at < 0) {
      throw new IllegalStateException(
          "The Keycloak realm URL must end in /realms/<realm>: " + realm);
    }
    return realm.substring(0, at) + "/admin" + realm.substring(at);
  }
}

package org.carereviews.identity;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code care-reviews.security.*}: the identity provider. With an issuer, {@code /api/**} and
 * {@code /engine-rest/**} accept only its JWTs (OAuth2 resource server); without one (the embedded
 * default), HTTP Basic against Camunda's identity service.
 *
 * @param issuerUri the token issuer, e.g. {@code https://sso.example.gov.uk/realms/care-reviews};
 *     checked against every token's {@code iss}
 * @param jwkSetUri where the issuer's signing keys are; by default Keycloak's {@code
 *     <issuer>/protocol/openid-connect/certs}
 * @param audience the API's name, which every token's {@code aud} must include
 */
@Validated
@ConfigurationProperties("care-reviews.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, @NotBlank String audience) {

  /** Whether the service takes tokens from an identity provider (true) or HTTP Basic (false). */
  public boolean usesTokens() {
    return issuerUri != null && !issuerUri.isBlank();
  }

  String effectiveJwkSetUri() {
    if (jwkSetUri != null && !jwkSetUri.isBlank()) {
      return jwkSetUri;
    }
    return issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/certs";
  }
}

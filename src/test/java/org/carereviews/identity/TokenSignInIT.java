package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The production sign-in on PostgreSQL: only the issuer's signed, unexpired tokens for this API are
 * accepted; every other token, HTTP Basic and no sign-in at all get 401.
 */
@PostgresIntegrationTest
class TokenSignInIT {

  @Autowired TestRestTemplate rest;

  @Test
  void validTokenSignsTheUserInWithTheirKeycloakGroups() {
    ResponseEntity<JsonNode> people = get("/api/people", TestTokens.forUser("sw.north"));
    assertThat(people.getStatusCode()).isEqualTo(HttpStatus.OK);
    // The groups claim made sw.north a social worker: the role rules apply.
    assertThat(
            get("/api/savings/lines?financialYear=2024-25", TestTokens.forUser("sw.north"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // A role that is not in the token is not granted: the audit trail is the auditor's.
    assertThat(get("/api/audit", TestTokens.forUser("sw.north")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/audit", TestTokens.forUser("auditor")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void camundaRestTakesTheSameTokensAndIsNeverAnonymous() {
    assertThat(
            get("/engine-rest/process-definition/count", TestTokens.forUser("admin"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/engine-rest/process-definition/count", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void expiredTokenIsRefused() {
    var claims =
        TestTokens.claims(
            "director", TestTokens.issuer(), TestTokens.AUDIENCE, Instant.now().minusSeconds(120));
    assertUnauthorized(TestTokens.sign(claims));
  }

  @Test
  void tokenOfAnotherIssuerIsRefused() {
    var claims =
        TestTokens.claims(
            "director",
            "https://sso.elsewhere.example/realms/care-reviews",
            TestTokens.AUDIENCE,
            Instant.now().plusSeconds(300));
    assertUnauthorized(TestTokens.sign(claims));
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    var claims =
        TestTokens.claims(
            "director", TestTokens.issuer(), "another-api", Instant.now().plusSeconds(300));
    assertUnauthorized(TestTokens.sign(claims));
  }

  @Test
  void unsignedTokenIsRefused() {
    var claims =
        TestTokens.claims(
            "director", TestTokens.issuer(), TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
    assertUnauthorized(TestTokens.unsigned(claims));
  }

  @Test
  void tokenSignedByAnUnknownKeyIsRefused() {
    var claims =
        TestTokens.claims(
            "director", TestTokens.issuer(), TestTokens.AUDIENCE, Instant.now().plusSeconds(300));
    assertUnauthorized(TestTokens.signWithUnknownKey(claims));
  }

  @Test
  void httpBasicIsNotAcceptedInProduction() {
    ResponseEntity<String> response =
        rest.withBasicAuth("director", "demo").getForEntity("/api/people", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void assertUnauthorized(String token) {
    ResponseEntity<JsonNode> response = get("/api/people", token);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
  }

  private ResponseEntity<JsonNode> get(String url, String token) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }
}

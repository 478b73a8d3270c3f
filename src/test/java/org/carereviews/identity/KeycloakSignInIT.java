package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.support.PostgresInitializer;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.RealKeycloak;
import org.carereviews.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service on PostgreSQL behind a real Keycloak with the repo's realm: demo users get tokens by the
 * password grant, the API lets them in where the rules allow and refuses them (403) elsewhere, and
 * tokens Keycloak did not issue for this API get 401. See {@link RealKeycloak} for when it is skipped.
 */
@PostgresIntegrationTest
@ContextConfiguration(initializers = {PostgresInitializer.class, RealKeycloak.class})
@ExtendWith(RealKeycloak.class)
class KeycloakSignInIT {

  @Autowired TestRestTemplate rest;
  @Autowired Teams teams;
  @Autowired CasebookService casebook;
  private final ObjectMapper json = new ObjectMapper();
  private Person northPerson;

  @BeforeEach
  void setUp() {
    Team north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    teams.findByCode("SOUTH").orElseGet(() -> teams.save(new Team("SOUTH", "South")));
    northPerson = casebook.recordPerson("Kay Demo-Keycloak", LocalDate.of(1960, 3, 3), ClientGroup.OLDER_PEOPLE,
        north, Set.of(), Set.of(), "test");
  }

  @Test
  void keycloakTokensCarryTheApiAudienceAndTheUsersGroups() throws Exception {
    JsonNode claims = claims(token("sw.north"));
    assertThat(claims.get("iss").asText()).isEqualTo(RealKeycloak.issuer());
    assertThat(claims.get("aud").toString()).contains("care-reviews-api");
    assertThat(claims.get("preferred_username").asText()).isEqualTo("sw.north");
    assertThat(claims.get("groups").toString()).contains("social-worker", "team-north");
  }

  @Test
  void eachRoleIsLetInWhereTheRulesAllowAndRefusedElsewhere() throws Exception {
    String person = "/api/people/" + northPerson.getId();
    assertThat(status("sw.north", person)).isEqualTo(HttpStatus.OK);
    assertThat(status("sw.south", person)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("board.member", person)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("fin.head", "/api/savings/rollup?financialYear=2024-25")).isEqualTo(HttpStatus.OK);
    assertThat(status("sw.north", "/api/savings/rollup?financialYear=2024-25")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("fin.validator", "/api/ctr/register")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("ctr.chair", "/api/ctr/register")).isEqualTo(HttpStatus.OK);
    assertThat(status("auditor", "/api/audit?recordType=person&recordId=" + northPerson.getId()))
        .isEqualTo(HttpStatus.OK);
    assertThat(status("admin", "/api/audit")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("admin", "/engine-rest/process-definition/count")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void wrongPasswordGetsNoTokenAndForeignTokensGet401() throws Exception {
    assertThat(RealKeycloak.token("sw.north", "not-the-password").statusCode()).isEqualTo(401);
    // Signed by a key Keycloak never published, though naming Keycloak's realm as issuer.
    String forged = TestTokens.signWithUnknownKey(TestTokens.claims("director", RealKeycloak.issuer(),
        TestTokens.AUDIENCE, java.time.Instant.now().plusSeconds(300)));
    assertThat(statusWithToken(forged, "/api/people")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(statusWithToken(token("director") + "x", "/api/people")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(statusWithToken(null, "/api/people")).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private HttpStatus status(String user, String url) throws Exception {
    return statusWithToken(token(user), url);
  }

  private HttpStatus statusWithToken(String token, String url) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    return HttpStatus.valueOf(rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
        .getStatusCode().value());
  }

  private String token(String user) throws Exception {
    HttpResponse<String> response = RealKeycloak.token(user, "demo");
    assertThat(response.statusCode()).as("token for " + user + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("access_token").asText();
  }

  private JsonNode claims(String token) throws Exception {
    return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }
}

package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.Bpmn;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service on PostgreSQL behind a real Keycloak with the repo's realm: demo users get tokens by
 * the password grant, the API lets them in where the rules allow and refuses them (403) elsewhere,
 * and tokens Keycloak did not issue for this API get 401. See {@link RealKeycloak} for when it is
 * skipped.
 */
@PostgresIntegrationTest
@ContextConfiguration(initializers = {PostgresInitializer.class, RealKeycloak.class})
@ExtendWith(RealKeycloak.class)
class KeycloakSignInIT {

  @Autowired TestRestTemplate rest;
  @Autowired Teams teams;
  @Autowired CasebookService casebook;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();
  private Person northPerson;

  @BeforeEach
  void setUp() {
    Team north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    teams.findByCode("SOUTH").orElseGet(() -> teams.save(new Team("SOUTH", "South")));
    northPerson =
        casebook.recordPerson(
            "Kay Demo-Keycloak",
            LocalDate.of(1960, 3, 3),
            ClientGroup.OLDER_PEOPLE,
            north,
            Set.of(),
            Set.of(),
            "test");
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
    assertThat(status("fin.head", "/api/savings/rollup?financialYear=2024-25"))
        .isEqualTo(HttpStatus.OK);
    assertThat(status("sw.north", "/api/savings/rollup?financialYear=2024-25"))
        .isEqualTo(HttpStatus.FORBIDDEN);
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
    String forged =
        TestTokens.signWithUnknownKey(
            TestTokens.claims(
                "director",
                RealKeycloak.issuer(),
                TestTokens.AUDIENCE,
                java.time.Instant.now().plusSeconds(300)));
    assertThat(statusWithToken(forged, "/api/people")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(statusWithToken(token("director") + "x", "/api/people"))
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(statusWithToken(null, "/api/people")).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void camundasIdentityIsReadFromKeycloakWithGroupNamesAsIds() {
    assertThat(identityService.createUserQuery().userId("sw.north").singleResult())
        .as("Keycloak's user sw.north in Camunda's identity service")
        .isNotNull();
    assertThat(identityService.createGroupQuery().groupMember("sw.north").list())
        .extracting(Group::getId)
        .contains("team-north", "social-worker")
        .doesNotContain("team-south");
    assertThat(identityService.createUserQuery().memberOfGroup("panel-asc").list())
        .extracting(u -> u.getId())
        .containsExactly("panel.asc");
  }

  @Test
  void aTaskForTheNorthTeamIsInTheNorthWorkersListOnly() throws Exception {
    repositoryService
        .createDeployment()
        .addModelInstance(
            "keycloak-candidate-group.bpmn",
            Bpmn.createExecutableProcess("Process_KeycloakCandidateGroup")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .userTask("Task_ForNorth")
                .name("For the north team")
                .camundaCandidateGroups("team-north")
                .endEvent("Event_End")
                .done())
        .deploy();
    String instance =
        runtimeService.startProcessInstanceByKey("Process_KeycloakCandidateGroup").getId();
    String query = "/engine-rest/task?processInstanceId=" + instance;
    assertThat(taskNames("sw.north", query)).containsExactly("For the north team");
    assertThat(taskNames("sw.south", query)).isEmpty();
  }

  @Test
  void theWorkspaceSignsInThroughKeycloakWithTheApisRolesAndTeams() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<Void> record =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/people/" + northPerson.getReference()))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(record.statusCode()).isEqualTo(302);
    URI signIn =
        URI.create("http://localhost:" + port + "/")
            .resolve(record.headers().firstValue("Location").orElseThrow());
    assertThat(signIn.getPath()).isEqualTo("/oauth2/authorization/keycloak");
    HttpResponse<Void> toKeycloak =
        browser.send(
            HttpRequest.newBuilder(signIn).build(), HttpResponse.BodyHandlers.discarding());
    String authorization = toKeycloak.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> form =
        browser.send(
            HttpRequest.newBuilder(URI.create(authorization)).build(),
            HttpResponse.BodyHandlers.ofString());
    java.util.regex.Matcher action =
        java.util.regex.Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
            .matcher(form.body());
    assertThat(action.find()).as("Keycloak's sign-in form").isTrue();
    String keycloakCookies =
        String.join(
            "; ",
            form.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .toList());
    HttpResponse<Void> signedIn =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", keycloakCookies)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "username=sw.north&password=demo&credentialId="))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
    HttpResponse<Void> back =
        browser.send(
            HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .contains("/people/" + northPerson.getReference());

    // Back on the page asked for: the person of the user's own team (the token's groups), by user
    // id sw.north.
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/people/" + northPerson.getReference()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Kay Demo-Keycloak", "Sign out");
    // My work answers as the token's user; a social worker (the token's realm role) has no team's
    // work to manage.
    HttpResponse<String> home =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("My work", "Sign out").doesNotContain("href=\"/team-work\"");
    HttpResponse<String> teamWork =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/team-work")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(teamWork.statusCode()).isEqualTo(404);
    assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains(
            "form-action 'self' "
                + URI.create(RealKeycloak.issuer()).getScheme()
                + "://"
                + URI.create(RealKeycloak.issuer()).getAuthority());
  }

  @Test
  void theCamundaWebappsSendBrowsersToKeycloakToSignIn() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<Void> tasklist =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(tasklist.statusCode()).isEqualTo(302);
    URI signIn =
        URI.create("http://localhost:" + port + "/")
            .resolve(tasklist.headers().firstValue("Location").orElseThrow());
    assertThat(signIn.getPath()).isEqualTo("/oauth2/authorization/keycloak");
    HttpResponse<Void> toKeycloak =
        browser.send(
            HttpRequest.newBuilder(signIn).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(toKeycloak.statusCode()).isEqualTo(302);
    String authorization = toKeycloak.headers().firstValue("Location").orElseThrow();
    assertThat(authorization)
        .startsWith(RealKeycloak.issuer() + "/protocol/openid-connect/auth?")
        .contains("client_id=care-reviews-webapps", "code_challenge_method=S256", "scope=openid");

    // Keycloak's sign-in form; a social worker signs in and comes back to Tasklist, signed in to
    // Camunda.
    HttpResponse<String> form =
        browser.send(
            HttpRequest.newBuilder(URI.create(authorization)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    java.util.regex.Matcher action =
        java.util.regex.Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
            .matcher(form.body());
    assertThat(action.find()).as("Keycloak's sign-in form").isTrue();
    // Keycloak marks its session cookies Secure, which java.net's cookie store keeps off plain
    // HTTP: send them back here.
    String keycloakCookies =
        String.join(
            "; ",
            form.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .toList());
    HttpResponse<Void> signedIn =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", keycloakCookies)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "username=sw.north&password=demo&credentialId="))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
    assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/keycloak");
    HttpResponse<Void> back =
        browser.send(
            HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .contains("/camunda/app/tasklist/default/");
    // Opening Tasklist signs the user in to Camunda (container-based authentication), as a browser
    // would.
    HttpResponse<Void> page =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> camundaUser =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(camundaUser.statusCode()).isEqualTo(200);
    JsonNode camunda = json.readTree(camundaUser.body());
    assertThat(camunda.get("userId").asText()).isEqualTo("sw.north");
  }

  @Test
  void theEngineRestApiStillWantsABearerToken() {
    assertThat(statusWithToken(null, "/engine-rest/task")).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private java.util.List<String> taskNames(String user, String url) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token(user));
    String body =
        rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
    java.util.List<String> names = new java.util.ArrayList<>();
    json.readTree(body).forEach(task -> names.add(task.get("name").asText()));
    return names;
  }

  private HttpStatus status(String user, String url) throws Exception {
    return statusWithToken(token(user), url);
  }

  private HttpStatus statusWithToken(String token, String url) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    return HttpStatus.valueOf(
        rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
            .getStatusCode()
            .value());
  }

  private String token(String user) throws Exception {
    HttpResponse<String> response = RealKeycloak.token(user, "demo");
    assertThat(response.statusCode())
        .as("token for " + user + ": " + response.body())
        .isEqualTo(200);
    return json.readTree(response.body()).get("access_token").asText();
  }

  private JsonNode claims(String token) throws Exception {
    return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }
}

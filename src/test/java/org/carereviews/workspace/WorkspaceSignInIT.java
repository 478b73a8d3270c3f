package org.carereviews.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PeopleFilter;
import org.carereviews.casebook.CasebookViews.PersonView;
import org.carereviews.identity.CareUser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workspace's sign-in in the embedded default, over HTTP as a browser does it (a cookie jar,
 * forms with the CSRF token): who gets in, what a failed sign-in shows, CSRF on every POST,
 * sign-out, team scoping of the person page, the audit trail of each, and that the API stays as it
 * was for a signed-in browser.
 */
@EmbeddedDefaultTest
class WorkspaceSignInIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired CasebookService casebook;

  private HttpClient browser;
  private PersonView northPerson;

  @BeforeEach
  void newBrowser() {
    browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    northPerson =
        casebook
            .findPeople(
                new CareUser("test", java.util.Set.of(), java.util.Set.of("NORTH")),
                new PeopleFilter(null, "NORTH", null, null),
                PageRequest.of(0, 1))
            .content()
            .get(0);
  }

  @Test
  void anonymousVisitorsAreSentToSignInAndTheSignInPageIsGovUkStyled() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
    assertThat(get("/people/" + northPerson.reference()).statusCode()).isEqualTo(302);

    HttpResponse<String> signIn = get("/sign-in");
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(signIn.body())
        .contains(
            "<html lang=\"en-GB\"",
            "id=\"main-content\"",
            "govuk-header",
            "Example Council",
            "Care Reviews",
            "name=\"username\"",
            "name=\"password\"",
            "name=\"_csrf\"");
    assertThat(signIn.body()).doesNotContain("<script>", "Sign out");
    assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'");
  }

  /**
   * A user id no one has: a wrong password for a real user would make Camunda hold that user's next
   * sign-in back for a few seconds (its defence against guessing), which would slow the other tests
   * that sign them in.
   */
  @Test
  void aWrongPasswordShowsTheErrorSummaryAndIsAuditedWithoutThePassword() throws Exception {
    HttpResponse<String> failed =
        post(
            "/sign-in",
            Map.of(
                "username",
                "no.such.user",
                "password",
                "not-the-password",
                "_csrf",
                csrf(get("/sign-in"))));

    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.body())
        .contains(
            "govuk-error-summary",
            "<a href=\"#username\">Enter a correct user name and password</a>",
            "value=\"no.such.user\"",
            "<title>Error: Sign in");
    assertThat(failed.body()).doesNotContain("not-the-password");
    assertThat(get("/").statusCode()).isEqualTo(302);
    assertThat(auditCount("no.such.user", "SIGN_IN", "REFUSED")).isPositive();
  }

  @Test
  void blankFieldsAreNamedInTheErrorSummary() throws Exception {
    HttpResponse<String> failed =
        post("/sign-in", Map.of("username", " ", "password", "", "_csrf", csrf(get("/sign-in"))));

    assertThat(failed.body())
        .contains(
            "<a href=\"#username\">Enter your user name</a>",
            "<a href=\"#password\">Enter your password</a>");
  }

  @Test
  void aSignInWithoutTheCsrfTokenIsRefusedAndAsksToSignInAgain() throws Exception {
    get("/sign-in");
    HttpResponse<String> refused =
        post("/sign-in", Map.of("username", "sw.north", "password", "demo"));

    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?expired");
    assertThat(get("/").statusCode()).isEqualTo(302);
    assertThat(get("/sign-in?expired").body()).contains("You need to sign in again");
  }

  @Test
  void aWorkerSignsInSeesTheirTeamsPersonAndSignsOut() throws Exception {
    long before = auditCount("sw.north", "SIGN_IN", "ALLOWED");
    signIn("sw.north");
    assertThat(auditCount("sw.north", "SIGN_IN", "ALLOWED")).isEqualTo(before + 1);

    long lists = auditCount("sw.north", "LIST", "ALLOWED");
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(auditCount("sw.north", "LIST", "ALLOWED"))
        .as("My work names people: it is audited as a list")
        .isEqualTo(lists + 1);
    assertThat(home.body())
        .contains("Sam North (social worker)", "My work", "Sign out", "href=\"/people\"");
    assertThat(home.body()).doesNotContain("My team&#39;s work");

    HttpResponse<String> found =
        get("/people?q=" + URLEncoder.encode(northPerson.displayName(), StandardCharsets.UTF_8));
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains("href=\"/people/" + northPerson.reference() + "\"");

    long reads = auditCount("sw.north", "READ", "ALLOWED", String.valueOf(northPerson.id()));
    HttpResponse<String> record = get("/people/" + northPerson.reference());
    assertThat(record.statusCode()).isEqualTo(200);
    assertThat(record.body())
        .contains(
            northPerson.reference(), "Care packages", "Reviews", "Panel requests and decisions");
    assertThat(auditCount("sw.north", "READ", "ALLOWED", String.valueOf(northPerson.id())))
        .isEqualTo(reads + 1);

    // Sign-out is a POST with the token: without it, refused (sent to the sign-in page, which sends
    // a signed-in
    // user on to the start page) and still signed in.
    HttpResponse<String> noToken = post("/sign-out", Map.of());
    assertThat(noToken.statusCode()).isEqualTo(302);
    assertThat(noToken.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?expired");
    assertThat(get("/sign-in?expired").statusCode()).isEqualTo(302);
    assertThat(get("/").statusCode()).isEqualTo(200);

    HttpResponse<String> signedOut = post("/sign-out", Map.of("_csrf", csrf(home)));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Location").orElseThrow())
        .endsWith("/sign-in?signed-out");
    assertThat(get("/sign-in?signed-out").body()).contains("You have signed out");
    assertThat(get("/").statusCode()).isEqualTo(302);
    assertThat(auditCount("sw.north", "SIGN_OUT", "ALLOWED")).isPositive();
  }

  @Test
  void anotherTeamsPersonIsPageNotFoundAndTheRefusalIsAudited() throws Exception {
    signIn("sw.south");
    long refusals = auditCount("sw.south", "READ", "REFUSED", String.valueOf(northPerson.id()));

    HttpResponse<String> refused = get("/people/" + northPerson.reference());

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body())
        .contains("Page not found", "Sasha South")
        .doesNotContain(northPerson.displayName());
    assertThat(auditCount("sw.south", "READ", "REFUSED", String.valueOf(northPerson.id())))
        .isEqualTo(refusals + 1);
    HttpResponse<String> search = get("/people?q=" + northPerson.reference());
    assertThat(search.body()).contains("0 people found").doesNotContain(northPerson.displayName());
  }

  @Test
  void unknownPagesAndBadReferencesAreGovUkPagesNeverA500() throws Exception {
    signIn("tm.north");
    assertThat(get("/").body()).contains("My team&#39;s work");

    HttpResponse<String> unknown = get("/no-such-page");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Page not found", "govuk-header");
    assertThat(get("/people/P-999999999").statusCode()).isEqualTo(404);
    assertThat(get("/people/%7Bnot-a-reference%7D").statusCode()).isEqualTo(404);
    assertThat(get("/people?q=x").body()).contains("Enter at least 2 characters");
  }

  @Test
  void theApiStaysStatelessForASignedInBrowser() throws Exception {
    signIn("sw.north");
    HttpResponse<String> api =
        browser.send(
            HttpRequest.newBuilder(uri("/api/people")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
  }

  private void signIn(String user) throws IOException, InterruptedException {
    HttpResponse<String> signedIn =
        post(
            "/sign-in",
            Map.of("username", user, "password", "demo", "_csrf", csrf(get("/sign-in"))));
    assertThat(signedIn.statusCode()).as("sign-in of " + user).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
  }

  private long auditCount(String user, String action, String outcome) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where user_id = ? and action = ? and outcome = ?",
        Long.class,
        user,
        action,
        outcome);
  }

  private long auditCount(String user, String action, String outcome, String recordId) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where user_id = ? and action = ? and outcome = ?"
            + " and record_type = 'person' and record_id = ?",
        Long.class,
        user,
        action,
        outcome,
        recordId);
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher matcher = CSRF.matcher(page.body());
    assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}

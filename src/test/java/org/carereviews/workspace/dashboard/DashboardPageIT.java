package org.carereviews.workspace.dashboard;

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
import org.carereviews.common.FinancialYear;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard over HTTP as a browser asks for it: who may open it, names in a drill-down for
 * finance only, the exports' formats, and bad input answered as a page (400 or the form's error
 * summary), never a 500.
 */
@EmbeddedDefaultTest
class DashboardPageIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern RATIFIED_LINK =
      Pattern.compile("href=\"(/dashboard/entries\\?[^\"]*stage=RATIFIED)\"");

  @LocalServerPort int port;
  @Autowired Dashboard dashboard;

  private HttpClient browser;

  @BeforeEach
  void newBrowser() {
    browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Test
  void onlyTheReadersOfSavingsFiguresOpenTheDashboard() throws Exception {
    signIn("sw.north");
    assertThat(get("/dashboard").statusCode()).isEqualTo(404);
    assertThat(get("/").body()).doesNotContain("href=\"/dashboard\"");
    newBrowser();
    signIn("board.member");
    HttpResponse<String> page = get("/dashboard");
    assertThat(page.statusCode()).isEqualTo(200);
    // The board reads savings and the spend forecast; the backlog, panel and CTR are not its
    // figures in the API.
    assertThat(page.body())
        .contains("Savings against target", "Spend forecast")
        .doesNotContain(
            "Review backlog",
            "Spend-control panel",
            "Care and Treatment Reviews",
            "Import budgets");
    assertThat(get("/").body()).contains("href=\"/dashboard\"");
    assertThat(get("/dashboard/export/review-backlog").statusCode()).isEqualTo(404);
  }

  @Test
  void namesInADrillDownAreForFinanceOnly() throws Exception {
    signIn("director");
    String link = ratifiedLink(get("/dashboard").body());
    HttpResponse<String> asDirector = get(link);
    assertThat(asDirector.statusCode()).isEqualTo(200);
    assertThat(asDirector.body())
        .contains("shown to finance only", "app-entry-amount")
        .doesNotContain(">Name</th>");
    newBrowser();
    signIn("fin.validator");
    HttpResponse<String> asValidator = get(link);
    assertThat(asValidator.body()).contains(">Name</th>", "Demo-");
    HttpResponse<String> export =
        get(
            link.replace("/dashboard/entries?", "/dashboard/entries/export?")
                + "&part=IN_YEAR&format=csv");
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(export.body()).contains("name", "reason");
  }

  @Test
  void everyTableExportsAsCsvAndXlsx() throws Exception {
    signIn("director");
    FinancialYear year = FinancialYear.containing(dashboard.today());
    for (String table :
        new String[] {
          "savings-by-line",
          "spend-by-client-group",
          "review-backlog",
          "panel-weeks",
          "ctr-register"
        }) {
      HttpResponse<String> csv =
          get("/dashboard/export/" + table + "?financialYear=" + year.toUrlForm() + "&format=csv");
      assertThat(csv.statusCode()).as(table).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
          .contains(table, ".csv");
      HttpResponse<byte[]> xlsx =
          browser.send(
              HttpRequest.newBuilder(uri("/dashboard/export/" + table + "?format=xlsx"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(xlsx.statusCode()).isEqualTo(200);
      assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
          .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }
  }

  @Test
  void badInputIsAnsweredAsAPageNeverAServerError() throws Exception {
    signIn("director");
    HttpResponse<String> badDate =
        get("/dashboard?financialYear=2025-26&clearByDay=31&clearByMonth=2&clearByYear=2027");
    assertThat(badDate.statusCode()).isEqualTo(200);
    assertThat(badDate.body())
        .contains(
            "<title>Error: ",
            "govuk-error-summary",
            "The date to clear backlogs by must be a real date");
    assertThat(get("/dashboard?financialYear=not-a-year").body())
        .contains("Select a financial year");
    for (String path :
        new String[] {
          "/dashboard/entries?financialYear=nonsense",
          "/dashboard/entries?financialYear=2025-26&inYearPage=abc",
          "/dashboard/entries?financialYear=2025-26&stage=DELIVERED",
          "/dashboard/entries?financialYear=2025-26&groupBy=line",
          "/dashboard/entries?financialYear=2025-26&groupBy=month&group=2025-05",
          "/dashboard/export/savings-by-line?format=pdf",
          "/dashboard/export/savings-by-line?clearBy=yesterday"
        }) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(400);
    }
    assertThat(get("/dashboard/export/no-such-table").statusCode()).isEqualTo(404);
    // A budget import from someone who is not the head of finance is refused (as "not found").
    String csrf = csrf(get("/dashboard"));
    assertThat(post("/dashboard/budgets?_csrf=" + csrf).statusCode()).isEqualTo(404);
  }

  /**
   * The first ratified figure's link to its entries, of the demo programme's lines (other tests add
   * lines of their own).
   */
  private static String ratifiedLink(String page) {
    Matcher m = RATIFIED_LINK.matcher(page);
    while (m.find()) {
      String link = m.group(1).replace("&amp;", "&");
      if (link.contains("HWA")) {
        return link;
      }
    }
    throw new AssertionError("no ratified figure of the demo programme links to its entries");
  }

  private void signIn(String user) throws IOException, InterruptedException {
    HttpResponse<String> signedIn =
        post(
            "/sign-in",
            Map.of(
                "username", user, "password", DemoUsers.PASSWORD, "_csrf", csrf(get("/sign-in"))));
    assertThat(signedIn.statusCode()).isEqualTo(302);
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

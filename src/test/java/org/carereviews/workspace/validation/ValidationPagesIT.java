package org.carereviews.workspace.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.demo.DemoUsers;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.SavingStatus;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.savings.SourceProcess;
import org.carereviews.savings.validation.ValidationDesk;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance validation's pages over HTTP as a browser asks for them: only finance validators and the
 * head of finance open them (everyone else gets "Page not found", as for a record that is not
 * there); bad input (ids that are not numbers or not savings, filters that are not amounts, an
 * empty selection, a rejection without a reason, an amount that is not one) is answered at the
 * field with nothing changed, never a 500.
 */
@EmbeddedDefaultTest
class ValidationPagesIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String LINE = "VALIDATION IT";

  @LocalServerPort int port;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
  @Autowired SavingsLedger ledger;
  @Autowired ValidationDesk desk;
  @Autowired Clock clock;
  @Autowired TransactionTemplate transactions;

  private HttpClient browser;

  @BeforeEach
  void newBrowser() {
    browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    if (!lines.existsById(LINE)) {
      lines.save(
          new SavingsLine(
              LINE, "Validation IT", "Validation pages", SavingsKind.CASHABLE_SAVING, "ASC"));
    }
  }

  @Test
  void onlyFinanceOpensFinanceValidation() throws Exception {
    long saving = saving("sw.north");
    for (String user : List.of("sw.north", "board.member", "director", "tm.north")) {
      newBrowser();
      signIn(user);
      assertThat(get("/validation").statusCode()).as(user).isEqualTo(404);
      assertThat(get("/validation/" + saving).statusCode()).as(user).isEqualTo(404);
      assertThat(get("/validation/" + saving + "/done").statusCode()).as(user).isEqualTo(404);
      assertThat(get("/validation/validated?saving=" + saving).statusCode())
          .as(user)
          .isEqualTo(404);
      String csrf = csrf(get("/"));
      assertThat(
              post("/validation/batch", Map.of("_csrf", csrf, "saving", "" + saving)).statusCode())
          .as(user)
          .isEqualTo(404);
      assertThat(
              post(
                      "/validation/" + saving + "/reject",
                      Map.of("_csrf", csrf, "rejectReason", "not mine to reject"))
                  .statusCode())
          .as(user)
          .isEqualTo(404);
      assertThat(get("/").body()).as(user).doesNotContain("href=\"/validation\"");
    }
    assertThat(ledger.stageOf(CostChangeId.of(saving))).isEqualTo(SavingStatus.IDENTIFIED);

    newBrowser();
    signIn("fin.validator");
    HttpResponse<String> queue = get("/validation");
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body()).contains("<h1 class=\"govuk-heading-l\">Finance validation</h1>");
    assertThat(get("/").body()).contains("href=\"/validation\"", "Finance validation");
    assertThat(get("/validation/" + saving).statusCode()).isEqualTo(200);

    newBrowser();
    signIn("fin.head");
    HttpResponse<String> second = get("/validation");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("Second validations");
    // the first validation is a validator's: the head of finance reads the evidence, no form
    HttpResponse<String> evidence = get("/validation/" + saving);
    assertThat(evidence.body()).contains("This saving is not waiting for your validation");
    String csrf = csrf(evidence);
    HttpResponse<String> refused =
        post("/validation/" + saving + "/validate", Map.of("_csrf", csrf, "newCostLive", "yes"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("govuk-error-summary", "Validating savings is for finance validators");
    assertThat(ledger.stageOf(CostChangeId.of(saving))).isEqualTo(SavingStatus.IDENTIFIED);
  }

  @Test
  void badInputIsAnsweredAtTheFieldNeverAServerError() throws Exception {
    long saving = saving("sw.north");
    signIn("fin.validator");
    for (String path :
        List.of(
            "/validation/abc",
            "/validation/99999999999",
            "/validation/-1",
            "/validation/abc/done",
            "/validation/validated?saving=abc",
            "/validation/validated")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
    HttpResponse<String> filters =
        get("/validation?minimum=abc&maximum=-5&age=soon&page=zz&sort=nonsense&stage=third");
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filters.body())
        .contains(
            "<title>Error: ",
            "The smallest full-year saving must be an amount in pounds",
            "The largest full-year saving must be an amount in pounds",
            "Days waiting must be a whole number of days");
    HttpResponse<String> upsideDown = get("/validation?minimum=5000&maximum=100");
    assertThat(upsideDown.body())
        .contains("The largest full-year saving must be at least the smallest");

    String csrf = csrf(get("/validation"));
    HttpResponse<String> nothing = post("/validation/batch", Map.of("_csrf", csrf));
    assertThat(nothing.statusCode()).isEqualTo(200);
    assertThat(nothing.body()).contains("<title>Error: ", "Select the savings to validate");
    HttpResponse<String> notAnId =
        post("/validation/batch", Map.of("_csrf", csrf, "saving", "abc", "newCostLive", "yes"));
    assertThat(notAnId.statusCode()).isEqualTo(200);
    assertThat(notAnId.body()).contains("is not waiting for your validation any more");
    HttpResponse<String> notLive =
        post("/validation/batch", Map.of("_csrf", csrf, "saving", "" + saving));
    assertThat(notLive.body())
        .contains("Confirm that the new cost of each saving selected is live");
    HttpResponse<String> unknown =
        post(
            "/validation/batch",
            Map.of("_csrf", csrf, "saving", "99999999999", "newCostLive", "yes"));
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("is not waiting for your validation any more");

    HttpResponse<String> noReason =
        post("/validation/" + saving + "/reject", Map.of("_csrf", csrf, "rejectReason", "  "));
    assertThat(noReason.statusCode()).isEqualTo(200);
    assertThat(noReason.body())
        .contains("<title>Error: ", "href=\"#reject-reason\"", "Enter why the saving is rejected");
    HttpResponse<String> tooLong =
        post(
            "/validation/" + saving + "/reject",
            Map.of("_csrf", csrf, "rejectReason", "x".repeat(1001)));
    assertThat(tooLong.body()).contains("must be 1000 characters or fewer");
    HttpResponse<String> notAnAmount =
        post(
            "/validation/" + saving + "/validate",
            Map.of("_csrf", csrf, "amount", "lots", "newCostLive", "yes"));
    assertThat(notAnAmount.body())
        .contains("href=\"#amount\"", "The validated weekly amount must be an amount in pounds");
    HttpResponse<String> differentWithoutReason =
        post(
            "/validation/" + saving + "/validate",
            Map.of("_csrf", csrf, "amount", "10", "newCostLive", "yes"));
    assertThat(differentWithoutReason.statusCode()).isEqualTo(200);
    assertThat(differentWithoutReason.body()).contains("href=\"#reason\"", "is required when");
    HttpResponse<String> notConfirmed =
        post("/validation/" + saving + "/validate", Map.of("_csrf", csrf));
    assertThat(notConfirmed.body()).contains("href=\"#new-cost-live\"");
    assertThat(
            post("/validation/abc/validate", Map.of("_csrf", csrf, "newCostLive", "yes"))
                .statusCode())
        .isEqualTo(404);
    // without the CSRF token: refused, and the user is sent to sign in again
    assertThat(post("/validation/batch", Map.of("saving", "" + saving)).statusCode())
        .as("without the CSRF token")
        .isEqualTo(302);
    assertThat(ledger.stageOf(CostChangeId.of(saving))).isEqualTo(SavingStatus.IDENTIFIED);
    assertThat(desk.progressOf(CostChangeId.of(saving))).isEqualTo("IDENTIFIED");
  }

  private long saving(String recordedBy) {
    LocalDate today = LocalDate.now(clock);
    Person person =
        casebook.recordPerson(
            "Ivy Validation-Pages",
            LocalDate.of(1950, 3, 3),
            ClientGroup.OLDER_PEOPLE,
            teams.findByCode("NORTH").orElseThrow(),
            Set.of(),
            Set.of(),
            "test");
    CarePackage carePackage =
        casebook.recordPackage(
            person,
            new PackageTerms(
                ServiceType.HOME_CARE,
                "Example Care Ltd",
                Money.of("600.00"),
                Money.ZERO,
                BigDecimal.ZERO,
                today.minusYears(1),
                null,
                today.plusMonths(6)),
            "initial",
            "test");
    return transactions.execute(
        status ->
            ledger
                .record(
                    new CostChangeCommand(
                        SourceProcess.MANUAL,
                        "VALIT-" + carePackage.getId(),
                        carePackage.getId(),
                        person.getId(),
                        Money.of("600.00"),
                        Money.of("570.00"),
                        today.plusDays(3),
                        SavingsKind.CASHABLE_SAVING,
                        LINE,
                        "Fewer hours",
                        recordedBy))
                .get(0)
                .getId());
  }

  private void signIn(String user) throws IOException, InterruptedException {
    HttpResponse<String> signedIn =
        post(
            "/sign-in",
            Map.of(
                "username", user, "password", DemoUsers.PASSWORD, "_csrf", csrf(get("/sign-in"))));
    assertThat(signedIn.statusCode()).as("sign-in of " + user).isEqualTo(302);
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

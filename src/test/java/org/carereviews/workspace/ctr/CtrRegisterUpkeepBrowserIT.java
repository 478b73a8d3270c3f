package org.carereviews.workspace.ctr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrRequests.NewRegisterEntry;
import org.carereviews.ctr.CtrViews.EpisodeView;
import org.carereviews.ctr.CtrViews.RegisterRecordView;
import org.carereviews.ctr.Rating;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeping the dynamic support register up to date from a person's CTR page, in a real browser: the
 * CTR chair changes the rating (first refused without reasons, shown at the field, nothing
 * changed), updates the next register review, records an admission (the person is then blue, in
 * hospital, on the timeline), plans the discharge and records it. Axe-clean at WCAG 2.2 AA and no
 * sideways scrolling at 320 CSS pixels on every page; screenshots in {@code
 * target/screenshots/CtrRegisterUpkeepBrowserIT}. And over HTTP: someone who reads but does not
 * keep the register (the clinical expert), or cannot read it (another team), gets "Page not found"
 * for every form and every post, and nothing changes.
 */
@EmbeddedDefaultTest
class CtrRegisterUpkeepBrowserIT {

  private static final Pattern CSRF =
      Pattern.compile("name=\"(?:_csrf\" value|csrf-token\" content)=\"([^\"]+)\"");
  private static final String HOSPITAL = "Upkeep Assessment Unit (synthetic)";

  @LocalServerPort int port;
  @Autowired CtrRegister register;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void theChairAddsAPersonChangesTheRatingRecordsAnAdmissionAndTheDischarge() {
    long personId = notOnTheRegister();
    String reference =
        jdbc.queryForObject("select reference from person where id = ?", String.class, personId);
    LocalDate today = LocalDate.now(clock);
    try (Browser browser =
        Browser.start("http://localhost:" + port, "CtrRegisterUpkeepBrowserIT")) {
      browser.open("/ctr");
      browser.visible(By.id("username")).sendKeys("ctr.chair");
      browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD, Keys.ENTER);
      browser.visible(By.id("register"));

      // from the person's record: put on the register, first refused without consent
      browser.open("/people/" + reference);
      browser.visible(By.id("ctr-add-link")).click();
      browser.visible(By.id("reasons")).sendKeys("Support changing after a move");
      browser.driver().findElement(By.cssSelector("label[for='rating-AMBER']")).click();
      date(browser, "consentDate", today.minusDays(20));
      Select keyWorker = new Select(browser.driver().findElement(By.id("keyWorker")));
      keyWorker.selectByVisibleText(
          keyWorker.getOptions().stream()
              .map(o -> o.getText())
              .filter(t -> t.startsWith("Sam North"))
              .findFirst()
              .orElseThrow());
      date(browser, "nextReviewDate", today.plusDays(30));
      check(browser, "add");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.id("consentGiven-error")).getText())
          .contains("Confirm the person consents");
      assertThat(register.addable(CtrFixtures.CHAIR, personId)).isPresent();
      check(browser, "add-refused");
      browser.driver().findElement(By.cssSelector("label[for='consentGiven']")).click();
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Added to the register");
      assertThat(browser.driver().findElement(By.id("next-steps")).getText())
          .contains("rated amber", "Sam North");
      check(browser, "added");
      assertThat(record(personId).entry().rating()).isEqualTo(Rating.AMBER);
      assertThat(record(personId).entry().keyWorker()).isEqualTo("sw.north");
      int ratingsBefore = record(personId).ratingHistory().size();
      browser.driver().findElement(By.id("person-link")).click();

      assertThat(browser.visible(By.id("upkeep")).getText())
          .contains("Change the rating", "Record an admission to hospital")
          .doesNotContain("Record the discharge");
      check(browser, "person");

      // the rating: refused without reasons, at the field, and nothing changes
      browser.driver().findElement(By.id("change-rating")).click();
      browser.visible(By.cssSelector("label[for='rating']")).click();
      check(browser, "rating");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Enter the reasons for the rating");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector(".govuk-error-summary a[href='#reasons']"))
                  .isDisplayed())
          .isTrue();
      assertThat(browser.driver().findElement(By.id("reasons-error")).getText())
          .contains("Enter the reasons for the rating");
      assertThat(browser.driver().findElement(By.id("rating")).isSelected()).isTrue();
      assertThat(record(personId).entry().rating()).isEqualTo(Rating.AMBER);
      assertThat(record(personId).ratingHistory()).hasSize(ratingsBefore);
      check(browser, "rating-refused");
      browser
          .driver()
          .findElement(By.id("reasons"))
          .sendKeys("Placement breaking down after two incidents this week");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Rating changed");
      assertThat(browser.driver().findElement(By.id("next-steps")).getText())
          .contains("is now rated red");
      assertThat(record(personId).entry().rating()).isEqualTo(Rating.RED);
      assertThat(record(personId).entry().ratingReasons())
          .isEqualTo("Placement breaking down after two incidents this week");
      assertThat(record(personId).ratingHistory()).hasSize(ratingsBefore + 1);
      check(browser, "rating-changed");

      // the details: the next register review moved, key worker chosen by name
      browser.driver().findElement(By.id("person-link")).click();
      browser.visible(By.id("update-details")).click();
      assertThat(browser.visible(By.id("keyWorker")).getText()).contains("Sam North");
      clearDate(browser, "nextReviewDate");
      date(browser, "nextReviewDate", today.plusDays(14));
      check(browser, "details");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Register details updated");
      assertThat(record(personId).entry().nextReviewDate()).isEqualTo(today.plusDays(14));

      // the admission: the person is blue, in hospital, on the timeline
      browser.driver().findElement(By.id("person-link")).click();
      browser.visible(By.id("record-admission")).click();
      browser.visible(By.id("hospital")).sendKeys(HOSPITAL);
      browser.driver().findElement(By.cssSelector("label[for='setting']")).click();
      browser.driver().findElement(By.cssSelector("label[for='outOfArea-false']")).click();
      date(browser, "admissionDate", today.minusDays(2));
      browser
          .driver()
          .findElement(By.cssSelector("label[for='commissioner-NHS_INTEGRATED_CARE_BOARD']"))
          .click();
      browser
          .driver()
          .findElement(By.cssSelector("label[for='communityReviewBeforeAdmission-false']"))
          .click();
      check(browser, "admission");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Admission recorded");
      assertThat(browser.driver().findElement(By.id("next-steps")).getText())
          .contains("blue (in hospital)");
      check(browser, "admitted");
      assertThat(record(personId).entry().rating()).isEqualTo(Rating.BLUE);
      browser.driver().findElement(By.id("person-link")).click();
      assertThat(browser.visible(By.id("summary")).getText()).contains("Blue (in hospital)");
      assertThat(browser.driver().findElement(By.id("timeline")).getText())
          .contains("Admitted to " + HOSPITAL, "Rated blue (in hospital)", "In hospital, 2 days");
      assertThat(browser.driver().findElements(By.id("change-rating"))).isEmpty();
      check(browser, "person-in-hospital");

      // the planned discharge, then the discharge
      browser.driver().findElement(By.id("plan-discharge")).click();
      date(browser, "plannedDischargeDate", today.plusDays(20));
      check(browser, "planned-discharge");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Planned discharge recorded");
      assertThat(openEpisode(personId).plannedDischargeDate()).isEqualTo(today.plusDays(20));
      browser.driver().findElement(By.id("person-link")).click();
      browser.visible(By.id("record-discharge")).click();
      date(browser, "dischargeDate", today);
      browser.driver().findElement(By.cssSelector("label[for='rating-GREEN']")).click();
      browser
          .driver()
          .findElement(By.id("reasons"))
          .sendKeys("Home with a new support package and daily visits");
      check(browser, "discharge");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Discharge recorded");
      assertThat(browser.driver().findElement(By.id("next-steps")).getText())
          .contains("rated green");
      check(browser, "discharged");
      RegisterRecordView after = record(personId);
      assertThat(after.entry().rating()).isEqualTo(Rating.GREEN);
      assertThat(after.episodes()).hasSize(1);
      assertThat(after.episodes().get(0).dischargeDate()).isEqualTo(today);
      browser.driver().findElement(By.id("person-link")).click();
      assertThat(browser.visible(By.id("timeline")).getText())
          .contains("Rated green", "after 2 days");
      assertThat(browser.driver().findElements(By.id("record-discharge"))).isEmpty();
    }
  }

  @Test
  void whoeverDoesNotKeepTheRegisterGetsPageNotFoundAndNothingChanges() throws Exception {
    long personId = onTheRegisterAmber();
    long other = notOnTheRegister();
    RegisterRecordView before = record(personId);
    LocalDate today = LocalDate.now(clock);
    for (String user : List.of("ctr.clinician", "sw.south")) {
      HttpClient client =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      signIn(client, user);
      String csrf = csrf(get(client, "/ctr"));
      HttpResponse<String> person = get(client, "/ctr/people/" + personId);
      if (user.equals("ctr.clinician")) {
        // reads the person's page, without the register's actions
        assertThat(person.statusCode()).isEqualTo(200);
        assertThat(person.body()).doesNotContain("change-rating", "record-admission");
      } else {
        assertThat(person.statusCode()).isEqualTo(404);
      }
      for (String form : List.of("rating", "details", "admission", "discharge", "add")) {
        assertThat(get(client, "/ctr/people/" + personId + "/" + form).statusCode())
            .as(user + " opens " + form)
            .isEqualTo(404);
      }
      Map<String, String> rating = new LinkedHashMap<>();
      rating.put("_csrf", csrf);
      rating.put("rating", "RED");
      rating.put("reasons", "Not theirs to change");
      assertThat(post(client, "/ctr/people/" + personId + "/rating", rating).statusCode())
          .isEqualTo(404);
      Map<String, String> details = new LinkedHashMap<>();
      details.put("_csrf", csrf);
      details.put("keyWorker", "sw.south");
      putDate(details, "consentDate", today);
      putDate(details, "nextReviewDate", today.plusDays(3));
      assertThat(post(client, "/ctr/people/" + personId + "/details", details).statusCode())
          .isEqualTo(404);
      Map<String, String> admission = new LinkedHashMap<>();
      admission.put("_csrf", csrf);
      admission.put("hospital", HOSPITAL);
      admission.put("setting", "SECURE");
      admission.put("outOfArea", "true");
      putDate(admission, "admissionDate", today);
      admission.put("commissioner", "COUNCIL");
      admission.put("communityReviewBeforeAdmission", "false");
      assertThat(post(client, "/ctr/people/" + personId + "/admission", admission).statusCode())
          .isEqualTo(404);
      Map<String, String> discharge = new LinkedHashMap<>();
      discharge.put("_csrf", csrf);
      putDate(discharge, "dischargeDate", today);
      discharge.put("rating", "GREEN");
      discharge.put("reasons", "Not theirs to record");
      assertThat(post(client, "/ctr/people/" + personId + "/discharge", discharge).statusCode())
          .isEqualTo(404);
      assertThat(get(client, "/ctr/people/" + other + "/add").statusCode()).isEqualTo(404);
      Map<String, String> add = new LinkedHashMap<>();
      add.put("_csrf", csrf);
      add.put("consentGiven", "true");
      putDate(add, "consentDate", today);
      add.put("rating", "AMBER");
      add.put("reasons", "Not theirs to add");
      add.put("keyWorker", "sw.north");
      putDate(add, "nextReviewDate", today.plusDays(3));
      assertThat(post(client, "/ctr/people/" + other + "/add", add).statusCode()).isEqualTo(404);
    }
    RegisterRecordView after = record(personId);
    assertThat(after.entry()).isEqualTo(before.entry());
    assertThat(after.ratingHistory()).isEqualTo(before.ratingHistory());
    assertThat(after.episodes()).isEmpty();
    assertThat(register.addable(CtrFixtures.CHAIR, other))
        .as("still not on the register")
        .isPresent();
  }

  // --- set-up ---------------------------------------------------------------------------------

  /** A person of team North not yet on the register, put on it rated amber, in the community. */
  private long onTheRegisterAmber() {
    long personId = notOnTheRegister();
    LocalDate today = LocalDate.now(clock);
    register.add(
        CtrFixtures.CHAIR,
        new NewRegisterEntry(
            personId,
            true,
            today.minusDays(20),
            Rating.AMBER,
            "Support changing after a move",
            "sw.north",
            today.plusDays(30)));
    return personId;
  }

  private long notOnTheRegister() {
    Long personId =
        jdbc.queryForObject(
            """
            select min(p.id) from person p join team t on t.id = p.team_id
            where t.code = 'NORTH' and p.client_group in ('LEARNING_DISABILITY', 'AUTISM')
              and not exists (select 1 from ctr_register_entry e where e.person_id = p.id)""",
            Long.class);
    assertThat(personId).as("a person of team North not on the register").isNotNull();
    return personId;
  }

  private RegisterRecordView record(long personId) {
    return register.get(CtrFixtures.CHAIR, personId);
  }

  private EpisodeView openEpisode(long personId) {
    return record(personId).episodes().stream()
        .filter(e -> e.dischargeDate() == null)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open episode"));
  }

  // --- the browser ----------------------------------------------------------------------------

  private static void date(Browser browser, String name, LocalDate date) {
    browser
        .driver()
        .findElement(By.id(name + "-day"))
        .sendKeys(Integer.toString(date.getDayOfMonth()));
    browser
        .driver()
        .findElement(By.id(name + "-month"))
        .sendKeys(Integer.toString(date.getMonthValue()));
    browser.driver().findElement(By.id(name + "-year")).sendKeys(Integer.toString(date.getYear()));
  }

  private static void clearDate(Browser browser, String name) {
    for (String part : List.of("day", "month", "year")) {
      browser.driver().findElement(By.id(name + "-" + part)).clear();
    }
  }

  /**
   * Axe-clean at WCAG 2.2 AA, and no sideways scrolling at 320 CSS pixels wide; a screenshot at
   * each width.
   */
  private static void check(Browser browser, String step) {
    browser.screenshot(step);
    browser.assertAccessible();
    ChromeDriver chrome = (ChromeDriver) browser.driver();
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    try {
      Object overflow =
          ((JavascriptExecutor) chrome)
              .executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      browser.screenshot(step + "-320px");
      assertThat(((Number) overflow).longValue())
          .as("sideways scroll at 320px on " + step)
          .isLessThanOrEqualTo(0);
      browser.assertAccessible();
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  // --- over HTTP ------------------------------------------------------------------------------

  private void signIn(HttpClient client, String user) throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", user);
    form.put("password", DemoUsers.PASSWORD);
    form.put("_csrf", csrf(get(client, "/sign-in")));
    assertThat(post(client, "/sign-in", form).statusCode()).isEqualTo(302);
  }

  private static void putDate(Map<String, String> form, String name, LocalDate date) {
    form.put(name + "-day", Integer.toString(date.getDayOfMonth()));
    form.put(name + "-month", Integer.toString(date.getMonthValue()));
    form.put(name + "-year", Integer.toString(date.getYear()));
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(HttpClient client, String path)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

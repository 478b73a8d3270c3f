package org.carereviews.workspace.ctr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrSchedule;
import org.carereviews.ctr.CtrViews.ActionView;
import org.carereviews.ctr.CtrViews.ReviewView;
import org.carereviews.ctr.Recommendation;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.workspace.ctr.CtrFixtures.Admitted;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A CTR chair's work from the workspace alone, in a real browser: the register, a person's
 * timeline, convening the panel by choosing people by name, consent, papers, the meeting with three
 * recommendations (after two refusals shown at their fields that change nothing), and one action
 * done. Axe-clean at WCAG 2.2 AA and no sideways scrolling at 320 CSS pixels on every page;
 * screenshots in {@code target/screenshots/CtrWorkBrowserIT}.
 */
@EmbeddedDefaultTest
class CtrWorkBrowserIT {

  @LocalServerPort int port;
  @Autowired CtrRegister register;
  @Autowired CtrSchedule schedule;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void aChairConvenesRecordsConsentPapersAMeetingWithThreeRecommendationsAndOneActionIsDone() {
    Admitted admitted = CtrFixtures.admittedWithReviewStarted(jdbc, register, schedule, clock);
    long personId = admitted.personId();
    ReviewView review = admitted.review();
    LocalDate today = LocalDate.now(clock);
    LocalDate meeting = today.plusDays(7);
    try (Browser browser = Browser.start("http://localhost:" + port, "CtrWorkBrowserIT")) {
      browser.open("/ctr");
      browser.visible(By.id("username")).sendKeys("ctr.chair");
      browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD, Keys.ENTER);
      browser.visible(By.id("register"));
      browser
          .driver()
          .findElement(By.cssSelector("a[href='/ctr/people/" + personId + "']"))
          .click();

      // the person's page: summary, timeline, the work open
      String name = register.get(CtrFixtures.CHAIR, personId).entry().person().displayName();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo(name);
      assertThat(browser.driver().findElement(By.id("summary")).getText())
          .contains("Blue (in hospital)", "Given", "Sam North");
      assertThat(browser.driver().findElement(By.id("work")).getText())
          .contains("Convene the panel, review " + review.reference());
      assertThat(browser.driver().findElement(By.id("timeline")).getText())
          .contains("Admitted to Test Assessment Unit (synthetic)", review.reference());
      check(browser, "person");
      browser
          .driver()
          .findElement(By.cssSelector("a[href='/ctr/reviews/" + review.id() + "/convene']"))
          .click();

      // convene: the three chosen from their groups by name
      browser.visible(By.id("chair"));
      assertThat(optionTexts(browser, "chair")).anyMatch(t -> t.startsWith("Casey"));
      assertThat(optionTexts(browser, "chair")).noneMatch(t -> t.equals("ctr.chair"));
      new Select(browser.driver().findElement(By.id("chair")))
          .selectByVisibleText(named(browser, "chair", "Casey"));
      new Select(browser.driver().findElement(By.id("clinicalExpert")))
          .selectByVisibleText(named(browser, "clinicalExpert", "Morgan"));
      new Select(browser.driver().findElement(By.id("expertByExperience")))
          .selectByVisibleText(named(browser, "expertByExperience", "Jordan"));
      date(browser, "meetingAt", meeting);
      browser.driver().findElement(By.id("meetingAt-time")).sendKeys("10:00");
      check(browser, "convene");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Panel convened");
      assertThat(browser.driver().findElement(By.id("next-steps")).getText())
          .contains("Casey", "Morgan", "Jordan", "Next: record consent");
      check(browser, "convened");

      // consent
      browser.driver().findElement(By.id("next-link")).click();
      browser.visible(By.cssSelector("label[for='consentBasis']")).click();
      check(browser, "consent");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Consent recorded");

      // papers
      browser.driver().findElement(By.id("next-link")).click();
      assertThat(browser.visible(By.id("meetingAt-day")).getAttribute("value"))
          .isEqualTo(Integer.toString(meeting.getDayOfMonth()));
      check(browser, "papers");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Papers shared");
      // the meeting takes place (a review records its meeting only once it has met)
      CtrFixtures.meetingHeldAnHourAgo(jdbc, clock, review.id());
      LocalDate heldOn = today;

      // the meeting: four answers and a list of recommendations
      browser.driver().findElement(By.id("next-link")).click();
      browser.visible(By.id("answerSafe")).sendKeys("Yes, with one-to-one support at night");
      browser
          .driver()
          .findElement(By.id("answerGoodCare"))
          .sendKeys("Mostly; more activities needed");
      browser
          .driver()
          .findElement(By.id("answerFuturePlan"))
          .sendKeys("Not yet: a provider must be found");
      browser
          .driver()
          .findElement(By.id("answerNeedHospital"))
          .sendKeys("Not for long: plan the discharge");
      assertThat(browser.driver().findElements(By.cssSelector("fieldset.app-recommendation")))
          .hasSize(3);
      browser.driver().findElement(By.id("add-recommendation")).click();
      assertThat(browser.visible(By.id("recommendation-4")).isDisplayed()).isTrue();
      assertThat(browser.driver().findElement(By.id("answerSafe")).getAttribute("value"))
          .as("what was typed is kept when a row is added")
          .isEqualTo("Yes, with one-to-one support at night");
      recommendation(browser, 1, "Find a community provider", "Casey", heldOn.plusDays(14));
      recommendation(browser, 2, "Refer for a sensory assessment", null, heldOn.plusDays(21));
      recommendation(browser, 3, "Agree the risk share", "Sam North", heldOn.plusDays(30));
      // Enter in a field records the meeting (here refused at a field), it adds no row
      browser.driver().findElement(By.id("rec-3-due-year")).sendKeys(Keys.ENTER);
      assertThat(browser.visible(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Select who owns recommendation 2");
      assertThat(browser.driver().findElements(By.cssSelector("fieldset.app-recommendation")))
          .hasSize(4);
      assertThat(
              browser.driver().findElement(By.cssSelector("a[href='#rec-2-owner']")).isDisplayed())
          .isTrue();
      check(browser, "meeting-refused-owner");
      assertThat(reviewOf(personId, review.id()).recommendations())
          .as("nothing recorded")
          .isEmpty();

      // the owner chosen, but a due date in the past, before the meeting: refused by the review
      new Select(browser.driver().findElement(By.id("rec-2-owner")))
          .selectByVisibleText(named(browser, "rec-2-owner", "Morgan"));
      clearDate(browser, "rec-3-due");
      date(browser, "rec-3-due", heldOn.minusDays(1));
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector(".govuk-error-summary")).getText())
          .contains("due date of recommendation 3 must not be before the meeting");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector("a[href='#rec-3-due-day']"))
                  .isDisplayed())
          .isTrue();
      check(browser, "meeting-refused-due-date");
      ReviewView unchanged = reviewOf(personId, review.id());
      assertThat(unchanged.recommendations()).isEmpty();
      assertThat(unchanged.answers()).isEmpty();

      clearDate(browser, "rec-3-due");
      date(browser, "rec-3-due", heldOn.plusDays(30));
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Meeting recorded");
      assertThat(browser.driver().findElement(By.id("next-steps")).getText())
          .contains("3 recommendations", "Find a community provider", "Morgan");
      check(browser, "meeting-recorded");

      // the timeline: the review with its answers and three actions
      browser.driver().findElement(By.id("person-link")).click();
      String timeline = browser.visible(By.id("timeline")).getText();
      assertThat(timeline)
          .contains(
              "Completed",
              "Yes, with one-to-one support at night",
              "Find a community provider",
              "Refer for a sensory assessment",
              "Agree the risk share",
              "The person consents");
      ReviewView recorded = reviewOf(personId, review.id());
      assertThat(recorded.recommendations()).hasSize(3);
      ActionView first = recorded.recommendations().get(0);
      assertThat(first.owner()).isEqualTo("ctr.chair");
      check(browser, "person-after-meeting");

      // one action done, first refused without a note
      browser
          .driver()
          .findElement(By.cssSelector("a[href='/ctr/actions/" + first.id() + "/done']"))
          .click();
      browser.visible(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Enter what was done");
      check(browser, "action-refused");
      browser.driver().findElement(By.id("note")).sendKeys("Provider found: Oak Lodge (synthetic)");
      browser.driver().findElement(By.id("submit")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Action done");
      check(browser, "action-done");
      browser.driver().findElement(By.id("person-link")).click();
      assertThat(browser.visible(By.id("action-" + first.id())).getText())
          .contains("Done", "Provider found: Oak Lodge (synthetic)");
      assertThat(
              reviewOf(personId, review.id()).recommendations().stream()
                  .map(ActionView::status)
                  .toList())
          .containsExactly(
              Recommendation.Status.DONE, Recommendation.Status.OPEN, Recommendation.Status.OPEN);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from ctr_recommendation where id = ? and status = 'DONE'",
                  Long.class,
                  first.id()))
          .isEqualTo(1L);
      check(browser, "person-action-done");
    }
  }

  private ReviewView reviewOf(long personId, long reviewId) {
    return register.get(CtrFixtures.CHAIR, personId).reviews().stream()
        .filter(r -> r.id() == reviewId)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> optionTexts(Browser browser, String select) {
    return new Select(browser.driver().findElement(By.id(select)))
        .getOptions().stream().map(WebElement::getText).toList();
  }

  private static String named(Browser browser, String select, String firstName) {
    return optionTexts(browser, select).stream()
        .filter(t -> t.startsWith(firstName))
        .findFirst()
        .orElseThrow(() -> new AssertionError(firstName + " is not offered in " + select));
  }

  private static void recommendation(
      Browser browser, int row, String text, String owner, LocalDate due) {
    browser.driver().findElement(By.id("rec-" + row + "-text")).sendKeys(text);
    if (owner != null) {
      new Select(browser.driver().findElement(By.id("rec-" + row + "-owner")))
          .selectByVisibleText(named(browser, "rec-" + row + "-owner", owner));
    }
    date(browser, "rec-" + row + "-due", due);
  }

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
}

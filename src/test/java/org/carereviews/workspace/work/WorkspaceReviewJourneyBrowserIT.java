package org.carereviews.workspace.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A review's journey through the workspace in Chromium: a team manager allocates a review from the
 * team's list (a mistake first), the worker finds it by the person's name, records a reduction with
 * a mistake, sees the error at the field, corrects it and reads what happens next (all by keyboard:
 * Tab, Enter, Space and typing, no clicks); the team manager approves it from their list beside the
 * pack; the worker sees the approval; a worker of another team sees none of it. Every page is
 * checked with axe-core (WCAG 2.2 AA) and for sideways scrolling at 320 CSS pixels, with
 * screenshots of both.
 */
@EmbeddedDefaultTest
class WorkspaceReviewJourneyBrowserIT {

  /** The elements that stick out on the right, outside any scrolling box: what a failure names. */
  private static final String WIDER_THAN_THE_PAGE =
      """
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5
          && !e.closest('.app-table-scroll')).slice(0, 8)
        .map(e => e.tagName + '.' + e.className + '#' + e.id + ' right=' + Math.round(e.getBoundingClientRect().right));
      """;

  private static final Pattern WEEKLY_NOW = Pattern.compile("£([0-9,]+\\.[0-9]{2}) a week now");

  @LocalServerPort int port;

  @Test
  void aReductionIsAllocatedRecordedByKeyboardApprovedAndSeenOnlyByItsTeam() {
    String personName;
    String otherTaskPath;
    try (Browser manager = Browser.start(base(), "WorkspaceReviewJourneyBrowserIT-1-allocate")) {
      signIn(manager, "tm.north");
      manager.open("/team-work");
      manager.visible(By.cssSelector("h1"));
      check(manager, "team-work");

      List<WebElement> selects =
          manager.driver().findElements(By.cssSelector("select[name='assignee']"));
      assertThat(selects).as("unallocated reviews in the team's list").hasSizeGreaterThan(1);
      // A review whose package is within a team manager's delegated authority (under GBP 600 a week
      // now),
      // so that the reduction goes to tm.north; another of the team's reviews for the other-team
      // check.
      int chosen = -1;
      for (int i = 0; i < selects.size() && chosen < 0; i++) {
        Matcher weekly =
            WEEKLY_NOW.matcher(selects.get(i).findElement(By.xpath("ancestor::tr")).getText());
        if (weekly.find()
            && new BigDecimal(weekly.group(1).replace(",", "")).compareTo(new BigDecimal("600"))
                < 0) {
          chosen = i;
        }
      }
      assertThat(chosen)
          .as("an unallocated review of a package under GBP 600 a week")
          .isNotNegative();
      String fieldId = selects.get(chosen).getAttribute("id");
      WebElement row = selects.get(chosen).findElement(By.xpath("ancestor::tr"));
      personName = row.findElement(By.cssSelector("td")).getText().split("\n")[0].strip();
      otherTaskPath =
          pathOf(
              selects
                  .get(chosen == 0 ? 1 : 0)
                  .findElement(By.xpath("ancestor::tr"))
                  .findElement(By.cssSelector("a[href*='/tasks/']"))
                  .getAttribute("href"));

      row.findElement(By.cssSelector("button[type='submit']")).click();
      WebElement summaryLink = manager.visible(By.cssSelector(".govuk-error-summary a"));
      assertThat(summaryLink.getText()).isEqualTo("Select who carries out the review");
      assertThat(summaryLink.getAttribute("href")).endsWith("#" + fieldId);
      assertThat(manager.driver().getTitle()).startsWith("Error: ");
      check(manager, "allocation-error");

      new Select(manager.driver().findElement(By.id(fieldId))).selectByValue("sw.north");
      manager
          .driver()
          .findElement(By.id(fieldId))
          .findElement(By.xpath("ancestor::form"))
          .findElement(By.cssSelector("button[type='submit']"))
          .click();
      assertThat(manager.visible(By.cssSelector(".govuk-notification-banner__heading")).getText())
          .isEqualTo("Review allocated to Sam North (social worker)");
      check(manager, "allocated");
    }

    try (Browser worker =
        Browser.start(base(), "WorkspaceReviewJourneyBrowserIT-2-record-by-keyboard")) {
      signIn(worker, "sw.north");
      worker.open("/work");
      WebElement search = worker.visible(By.id("q"));
      tabTo(worker, search);
      type(worker, personName);
      press(worker, Keys.ENTER);
      worker.waiting().until(ExpectedConditions.urlContains("q="));
      check(worker, "my-work-found");

      WebElement open =
          worker.driver().findElements(By.cssSelector("table a[href*='/tasks/']")).stream()
              .filter(a -> a.getText().startsWith("Carry out review"))
              .findFirst()
              .orElseThrow();
      assertThat(open.findElement(By.xpath("ancestor::tr")).getText()).contains(personName);
      tabTo(worker, open);
      press(worker, Keys.ENTER);
      worker.waiting().until(ExpectedConditions.titleContains("Carry out review"));
      assertThat(worker.visible(By.cssSelector("h1")).getText()).isEqualTo("Carry out review");
      assertThat(worker.driver().findElement(By.cssSelector("main")).getText())
          .contains("Current package")
          .contains(personName);
      check(worker, "task");

      BigDecimal gross = money(fact(worker, "Weekly cost"));
      BigDecimal contribution = money(fact(worker, "Person's contribution"));
      String nhsShare = fact(worker, "NHS share").replace("%", "").strip();
      LocalDate effective = LocalDate.now(ZoneId.of("Europe/London")).plusWeeks(3);

      tabTo(worker, byId(worker, "conversationConnect"));
      press(worker, Keys.SPACE);
      typeInto(worker, "strengthsAndAssets", "A daughter nearby who helps each evening.");
      typeInto(worker, "outcomesWanted", "To stay at home and go to the lunch club.");
      typeInto(worker, "personViews", "Wants fewer visits now the daughter helps.");
      typeInto(worker, "outcome", "Reduce");
      assertThat(new Select(byId(worker, "outcome")).getFirstSelectedOption().getText())
          .isEqualTo("Reduce the package");
      worker.visible(By.id("changeInNeed"));
      typeInto(worker, "changeInNeed", "The daughter now gives the evening support.");
      typeInto(worker, "alternativeMeetingOutcome", "Family support in the evenings.");
      typeInto(worker, "proposedServiceType", "Home");
      typeInto(worker, "proposedProvider", "Same provider");
      // The mistake: a "reduction" that costs more than now.
      typeInto(worker, "proposedWeeklyGrossCost", gross.add(new BigDecimal("100")).toPlainString());
      typeInto(worker, "proposedContribution", contribution.toPlainString());
      typeInto(worker, "proposedNhsSharePercent", nhsShare);
      typeInto(worker, "effectiveDate-day", String.valueOf(effective.getDayOfMonth()));
      typeInto(worker, "effectiveDate-month", String.valueOf(effective.getMonthValue()));
      typeInto(worker, "effectiveDate-year", String.valueOf(effective.getYear()));
      tabTo(worker, byId(worker, "complete-task"));
      press(worker, Keys.ENTER);

      WebElement error = worker.visible(By.cssSelector(".govuk-error-summary a"));
      assertThat(error.getAttribute("href")).endsWith("#proposedWeeklyGrossCost");
      assertThat(error.getText()).contains("reduction must lower the net weekly cost");
      assertThat(
              worker
                  .visible(By.cssSelector(".govuk-form-group--error .govuk-error-message"))
                  .getText())
          .contains("reduction must lower the net weekly cost");
      assertThat(worker.driver().getTitle()).startsWith("Error: ");
      check(worker, "task-error-at-the-field");

      // From the summary to the field, by keyboard, and corrected.
      tabTo(worker, error);
      press(worker, Keys.ENTER);
      assertThat(active(worker).getAttribute("id")).isEqualTo("proposedWeeklyGrossCost");
      active(worker)
          .sendKeys(
              Keys.chord(Keys.CONTROL, "a"), gross.subtract(new BigDecimal("50")).toPlainString());
      tabTo(worker, byId(worker, "complete-task"));
      press(worker, Keys.ENTER);

      worker
          .waiting()
          .withTimeout(Duration.ofSeconds(60))
          .until(
              driver ->
                  driver.findElements(By.cssSelector(".govuk-panel__title")).stream()
                      .anyMatch(title -> title.getText().startsWith("Sent to")));
      assertThat(worker.driver().findElement(By.cssSelector(".govuk-panel__title")).getText())
          .isIn(
              "Sent to Taylor North (team manager) under delegated authority",
              "Sent to your team manager under delegated authority");
      check(worker, "confirmation");
    }

    try (Browser manager = Browser.start(base(), "WorkspaceReviewJourneyBrowserIT-3-approve")) {
      signIn(manager, "tm.north");
      manager.open("/work?q=" + personName.replace(' ', '+'));
      WebElement decide =
          manager.visible(
              By.xpath("//table//a[starts-with(normalize-space(.), 'Decide package request')]"));
      assertThat(decide.findElement(By.xpath("ancestor::tr")).getText())
          .contains(personName)
          .contains("a week proposed");
      check(manager, "my-work-request");
      decide.click();
      manager.waiting().until(ExpectedConditions.titleContains("Decide package request"));
      assertThat(manager.driver().findElement(By.cssSelector("main")).getText())
          .contains("The request")
          .contains("Proposed net weekly cost")
          .contains("What the review found");
      check(manager, "decide");
      new Select(manager.driver().findElement(By.id("decisionOutcome"))).selectByValue("APPROVED");
      manager
          .driver()
          .findElement(By.id("decisionRationale"))
          .sendKeys("Family support meets the evening outcomes.");
      manager.driver().findElement(By.id("complete-task")).click();
      assertThat(manager.visible(By.cssSelector(".govuk-panel__title")).getText())
          .isEqualTo("Approved: decision recorded");
      check(manager, "decided");
    }

    try (Browser worker =
        Browser.start(base(), "WorkspaceReviewJourneyBrowserIT-4-worker-sees-decision")) {
      signIn(worker, "sw.north");
      worker.open("/work");
      WebElement decision =
          worker.visible(
              By.xpath(
                  "//li[contains(@class,'app-decision')][contains(., \"" + personName + "\")]"));
      assertThat(decision.getText())
          .startsWith("Approved")
          .contains("Family support meets the evening outcomes.");
      check(worker, "decisions-on-requests");
    }

    try (Browser south = Browser.start(base(), "WorkspaceReviewJourneyBrowserIT-5-other-team")) {
      signIn(south, "sw.south");
      south.open("/work");
      south.visible(By.cssSelector("h1"));
      assertThat(south.driver().findElement(By.cssSelector("main")).getText())
          .doesNotContain(personName);
      check(south, "south-my-work");
      south.open("/work?q=" + personName.replace(' ', '+'));
      assertThat(south.visible(By.cssSelector("main")).getText())
          .doesNotContain(personName)
          .contains("There is nothing here that matches.");
      south.open(otherTaskPath);
      assertThat(south.visible(By.cssSelector("h1")).getText()).isEqualTo("Page not found");
      check(south, "south-north-task");
      south.open("/team-work");
      assertThat(south.visible(By.cssSelector("h1")).getText()).isEqualTo("Page not found");
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static void signIn(Browser browser, String user) {
    browser.open("/sign-in");
    browser.visible(By.id("username")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD, Keys.ENTER);
    browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
  }

  /**
   * axe-core at WCAG 2.2 AA, then the page at 320 CSS pixels wide: no sideways scrolling; a
   * screenshot of each.
   */
  private static void check(Browser browser, String step) {
    browser.assertAccessible();
    browser.screenshot(step);
    ChromeDriver chrome = (ChromeDriver) browser.driver();
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 320, "height", 900, "deviceScaleFactor", 1, "mobile", true));
    try {
      Object overflow =
          ((JavascriptExecutor) chrome)
              .executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      browser.screenshot(step + "-320px");
      assertThat(((Number) overflow).longValue())
          .as(
              () ->
                  "sideways scroll at 320 px on "
                      + step
                      + ", beyond the edge: "
                      + ((JavascriptExecutor) chrome).executeScript(WIDER_THAN_THE_PAGE))
          .isLessThanOrEqualTo(0);
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  private static WebElement byId(Browser browser, String id) {
    return browser.driver().findElement(By.id(id));
  }

  private static WebElement active(Browser browser) {
    return browser.driver().switchTo().activeElement();
  }

  /** Moves the focus with the Tab key alone until it is on the element. */
  private static void tabTo(Browser browser, WebElement target) {
    for (int presses = 0; presses < 400; presses++) {
      if (active(browser).equals(target)) {
        return;
      }
      press(browser, Keys.TAB);
    }
    throw new AssertionError(
        "Tab never reached " + target.getTagName() + "#" + target.getAttribute("id"));
  }

  private static void press(Browser browser, Keys key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }

  private static void type(Browser browser, String text) {
    new Actions(browser.driver()).sendKeys(text).perform();
  }

  private static void typeInto(Browser browser, String id, String text) {
    tabTo(browser, byId(browser, id));
    type(browser, text);
  }

  private static String fact(Browser browser, String key) {
    return browser
        .driver()
        .findElement(By.xpath("//dt[normalize-space(.)=\"" + key + "\"]/following-sibling::dd"))
        .getText()
        .strip();
  }

  private static BigDecimal money(String text) {
    return new BigDecimal(text.replace("£", "").replace(",", "").replace(" a week", "").strip());
  }

  private static String pathOf(String href) {
    return href.substring(href.indexOf("/tasks/"));
  }
}

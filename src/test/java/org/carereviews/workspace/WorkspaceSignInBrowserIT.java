package org.carereviews.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PeopleFilter;
import org.carereviews.casebook.CasebookViews.PersonView;
import org.carereviews.identity.CareUser;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

/**
 * The workspace in a real browser: sw.north signs in, finds a person of team NORTH by name, opens
 * their record and signs out; sw.south cannot open that record. Every page is checked with axe-core
 * at WCAG 2.2 AA, and reflows at 320 CSS pixels wide without scrolling sideways; screenshots in
 * {@code target/screenshots/WorkspaceSignInBrowserIT}.
 */
@EmbeddedDefaultTest
class WorkspaceSignInBrowserIT {

  @LocalServerPort int port;
  @Autowired CasebookService casebook;

  @Test
  void aWorkerSignsInFindsAPersonReadsTheirRecordAndSignsOut() {
    PersonView person = northPerson();
    try (Browser browser = Browser.start("http://localhost:" + port, "WorkspaceSignInBrowserIT")) {
      browser.open("/");
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Sign in");
      assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
      check(browser, "sign-in");
      // The skip link is the first thing the keyboard reaches.
      browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
      assertThat(browser.driver().switchTo().activeElement().getText())
          .isEqualTo("Skip to main content");

      // A user id no one has: a wrong password for sw.north would hold their next sign-in back
      // (Camunda's delay).
      browser.visible(By.id("username")).sendKeys("sw.nobody");
      browser.driver().findElement(By.id("password")).sendKeys("wrong");
      browser.driver().findElement(By.id("password")).sendKeys(Keys.ENTER);
      WebElement summary = browser.visible(By.cssSelector(".govuk-error-summary"));
      assertThat(summary.getText()).contains("Enter a correct user name and password");
      assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
          .contains("govuk-error-summary");
      check(browser, "sign-in-failed");

      WebElement username = browser.driver().findElement(By.id("username"));
      assertThat(username.getAttribute("value")).isEqualTo("sw.nobody");
      username.clear();
      username.sendKeys("sw.north");
      browser.driver().findElement(By.id("password")).sendKeys("demo");
      browser.driver().findElement(By.id("password")).sendKeys(Keys.ENTER);
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("My work");
      assertThat(browser.driver().findElement(By.cssSelector(".app-account")).getText())
          .contains("Sam North (social worker)", "Sign out");
      check(browser, "my-work");
      // GOV.UK Frontend started (its module script, allowed by the Content-Security-Policy) and
      // htmx is there.
      assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("class"))
          .contains("js-enabled", "govuk-frontend-supported");
      assertThat(((JavascriptExecutor) browser.driver()).executeScript("return typeof window.htmx"))
          .isEqualTo("object");

      browser.driver().findElement(By.linkText("People")).click();
      browser.visible(By.id("q")).sendKeys(person.displayName());
      browser.driver().findElement(By.id("q")).sendKeys(Keys.ENTER);
      assertThat(browser.visible(By.id("results-heading")).getText()).contains("found");
      check(browser, "people-found");

      browser
          .driver()
          .findElement(By.cssSelector("a[href='/people/" + person.reference() + "']"))
          .click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo(person.displayName());
      assertThat(browser.driver().findElement(By.id("main-content")).getText())
          .contains(person.reference(), "Care packages", "Reviews", "Panel requests and decisions");
      check(browser, "person");
      for (String section : new String[] {"packages", "reviews", "requests"}) {
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "arguments[0].scrollIntoView()", browser.driver().findElement(By.id(section)));
        browser.screenshot("person-" + section);
      }

      browser.driver().findElement(By.cssSelector(".app-account__sign-out button")).click();
      assertThat(browser.visible(By.cssSelector(".govuk-notification-banner")).getText())
          .contains("You have signed out");
      check(browser, "signed-out");
      browser.open("/people/" + person.reference());
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Sign in");

      browser.visible(By.id("username")).sendKeys("sw.south");
      browser.driver().findElement(By.id("password")).sendKeys("demo");
      browser.driver().findElement(By.id("password")).sendKeys(Keys.ENTER);
      // Back to the page asked for, which is not sw.south's to see.
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Page not found");
      assertThat(browser.driver().getPageSource()).doesNotContain(person.displayName());
      check(browser, "another-teams-person");
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

  /**
   * A person of team NORTH with the most package versions among the first hundred, so the record
   * has history.
   */
  private PersonView northPerson() {
    return casebook
        .findPeople(
            new CareUser("test", Set.of(), Set.of("NORTH")),
            new PeopleFilter(null, "NORTH", null, null),
            PageRequest.of(0, 100))
        .content()
        .stream()
        .max(
            java.util.Comparator.comparingInt(
                p -> p.packages().stream().mapToInt(pkg -> pkg.version()).sum()))
        .orElseThrow();
  }
}

package org.carereviews.workspace.ctr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dynamic support register in a real browser, on the embedded default's demo data: the CTR
 * chair sees people in every rating, a post-admission review due and the overdue actions. Axe-clean
 * at WCAG 2.2 AA, no sideways scrolling at 320 CSS pixels; screenshots in {@code
 * target/screenshots/CtrRegisterBrowserIT}.
 */
@EmbeddedDefaultTest
class CtrRegisterBrowserIT {

  @LocalServerPort int port;

  @Test
  void theChairSeesTheRegisterInEveryRatingWithCtrsDueAndActionsOverdue() {
    try (Browser browser = Browser.start("http://localhost:" + port, "CtrRegisterBrowserIT")) {
      browser.open("/ctr");
      browser.visible(By.id("username")).sendKeys("ctr.chair");
      browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD, Keys.ENTER);
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Dynamic support register");
      List<String> ratings =
          browser.driver().findElements(By.cssSelector("#register .govuk-tag")).stream()
              .map(WebElement::getText)
              .distinct()
              .toList();
      assertThat(ratings).contains("Red", "Amber", "Green", "Blue (in hospital)");
      assertThat(browser.driver().findElement(By.id("due")).getText()).contains("Post admission");
      assertThat(browser.driver().findElements(By.cssSelector("#actions tbody tr")).size())
          .isGreaterThanOrEqualTo(2);
      browser.screenshot("register");
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
        browser.screenshot("register-320px");
        assertThat(((Number) overflow).longValue())
            .as("sideways scroll at 320px")
            .isLessThanOrEqualTo(0);
        browser.assertAccessible();
      } finally {
        chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      }
    }
  }
}

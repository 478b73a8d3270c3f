package org.carereviews.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser harness itself: Debian's Chromium signs in to Tasklist, screenshots are kept, and the
 * axe-core check passes a plain accessible page and fails one with a known violation.
 */
@EmbeddedDefaultTest
class BrowserHarnessBrowserIT {

  @LocalServerPort int port;

  @Test
  void signsInToTasklistAndKeepsAScreenshotOfEachStep() {
    try (Browser browser =
        Browser.start("http://localhost:" + port, "BrowserHarnessBrowserIT-sign-in")) {
      browser.signInToTasklist("sw.north");

      assertThat(browser.visible(By.cssSelector("li.account")).getText())
          .contains("Sam North (social worker)");
      assertThat(browser.screenshot("task-list"))
          .exists()
          .satisfies(png -> assertThat(Files.size(png)).isPositive())
          .hasFileName("03-task-list.png");
    }
  }

  @Test
  void axeFindsAViolationAndPassesAnAccessiblePage() {
    try (Browser browser =
        Browser.start("http://localhost:" + port, "BrowserHarnessBrowserIT-axe")) {
      browser
          .driver()
          .get(
              "data:text/html,<!doctype html><html lang='en'><head><title>Plain</title></head>"
                  + "<body><main><h1>Plain</h1><p>A page with nothing wrong.</p></main></body></html>");
      browser.assertAccessible();

      browser
          .driver()
          .get(
              "data:text/html,<!doctype html><html lang='en'><head><title>Faulty</title></head>"
                  + "<body><main><h1>Faulty</h1><img src='x.png'></main></body></html>");
      assertThatThrownBy(browser::assertAccessible).hasMessageContaining("image-alt");
    }
  }
}

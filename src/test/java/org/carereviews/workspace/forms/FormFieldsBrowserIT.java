package org.carereviews.workspace.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.carereviews.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * review-conduct rendered in a minimal page and opened in headless Chromium: axe-core finds no WCAG
 * 2.2 AA violation, with and without errors, and the conditional-reveal script shows the proposed
 * package only for the outcomes that need one. The page has GOV.UK Frontend's stylesheet (from its
 * webjar), as the workspace's layout has; its JavaScript modules cannot load from a file and are
 * not needed here.
 */
class FormFieldsBrowserIT {

  private static final Path PAGES = Path.of("target", "workspace-forms");
  private static final Path SCRIPT =
      Path.of("target", "classes", "static", "workspace", "forms", "conditional.js");

  private static final String STYLESHEET =
      "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/" + "govuk-frontend.min.css";

  private final FormDefinition review = Forms.form("review-conduct");

  @Test
  void theReviewFormIsAccessibleAndRevealsTheProposedPackageForAChange() throws IOException {
    Path page =
        page(
            "review-conduct", FormAnswers.of(Map.of("reviewRef", "REV-000042")), FormErrors.none());

    try (Browser browser = Browser.start("", "FormFieldsBrowserIT-reveal")) {
      browser.open(page.toUri().toString());
      browser.visible(By.id("outcome"));
      browser.screenshot("review-conduct");
      browser.assertAccessible();
      assertThat(browser.driver().findElement(By.id("proposedWeeklyGrossCost")).isDisplayed())
          .isFalse();

      new Select(browser.driver().findElement(By.id("outcome"))).selectByValue("REDUCE");
      browser.visible(By.id("proposedWeeklyGrossCost"));
      assertThat(browser.driver().findElement(By.id("effectiveDate-day")).isDisplayed()).isTrue();
      browser.screenshot("outcome-reduce");

      new Select(browser.driver().findElement(By.id("outcome"))).selectByValue("END");
      assertThat(browser.driver().findElement(By.id("proposedWeeklyGrossCost")).isDisplayed())
          .isFalse();
      assertThat(browser.driver().findElement(By.id("effectiveDate-day")).isDisplayed()).isTrue();
    }
  }

  @Test
  void theReviewFormWithErrorsIsAccessibleAndItsSummaryLinksReachTheFields() throws IOException {
    FormSubmission refused =
        review.submit(
            Forms.posted(
                "outcome",
                "INCREASE",
                "proposedWeeklyGrossCost",
                "lots",
                "effectiveDate-day",
                "31",
                "effectiveDate-month",
                "2",
                "effectiveDate-year",
                "2026"),
            Map.of());
    Path page = page("review-conduct-errors", refused.answers(), refused.errors());

    try (Browser browser = Browser.start("", "FormFieldsBrowserIT-errors")) {
      browser.open(page.toUri().toString());
      browser.visible(By.cssSelector(".govuk-error-summary"));
      browser.screenshot("review-conduct-errors");
      browser.assertAccessible();
      browser
          .driver()
          .findElement(By.linkText("Weekly gross cost must be a number, like 412.50"))
          .click();
      assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
          .isEqualTo("proposedWeeklyGrossCost");
    }
  }

  /** The form in the test page, with the workspace's script, as a file Chromium can open. */
  private Path page(String name, FormAnswers answers, FormErrors errors) throws IOException {
    Files.createDirectories(PAGES);
    Path stylesheet = PAGES.resolve("govuk-frontend.min.css");
    try (InputStream css = getClass().getClassLoader().getResourceAsStream(STYLESHEET)) {
      assertThat(css).as("GOV.UK Frontend's webjar on the classpath").isNotNull();
      Files.copy(css, stylesheet, StandardCopyOption.REPLACE_EXISTING);
    }
    String html =
        FormPages.render(review, answers, errors)
            .replace(
                "</head>", "<link rel=\"stylesheet\" href=\"govuk-frontend.min.css\">\n</head>")
            .replace(
                "src=\"/workspace/forms/conditional.js\"",
                "src=\"" + SCRIPT.toAbsolutePath().toUri() + "\"");
    Path file = PAGES.resolve(name + ".html").toAbsolutePath();
    Files.writeString(file, html);
    return file;
  }
}

package org.carereviews.workspace.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.common.FinancialYear;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser: the director signs in, reads each section with its charts drawn,
 * drills from a line's ratified bar to the cost changes behind it, exports a table; the head of
 * finance imports budgets (a bad file first, refused whole) and sees the variance move. Every page
 * is checked with axe-core at WCAG 2.2 AA; screenshots in {@code
 * target/screenshots/DashboardBrowserIT}.
 */
@EmbeddedDefaultTest
class DashboardBrowserIT {

  private static final List<String> SECTIONS =
      List.of(
          "Savings against target",
          "Spend forecast",
          "Review backlog",
          "Spend-control panel",
          "Care and Treatment Reviews");

  @LocalServerPort int port;
  @Autowired Dashboard dashboard;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theDirectorReadsEverySectionDrillsIntoARatifiedBarAndExports() throws Exception {
    try (Browser browser = Browser.start("http://localhost:" + port, "DashboardBrowserIT")) {
      signIn(browser, "director");
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Dashboard");
      waitForCharts(browser);
      List<String> headings =
          browser.driver().findElements(By.cssSelector(".app-dashboard__section > h2")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(headings).containsExactlyElementsOf(SECTIONS);
      browser.screenshot("dashboard");
      browser.assertAccessible();
      for (String id : List.of("savings", "spend", "reviews", "panel", "ctr")) {
        WebElement section = browser.driver().findElement(By.id(id));
        scrollTo(browser, section);
        browser.screenshot("section-" + id);
        // Every chart has its summary and a table of its figures after it.
        for (WebElement chart : section.findElements(By.cssSelector(".app-chart"))) {
          assertThat(chart.findElement(By.cssSelector("p.govuk-body")).getText()).isNotBlank();
          assertThat(chart.findElement(By.xpath("following-sibling::div[1]/table")).getTagName())
              .isEqualTo("table");
          assertThat(chart.findElement(By.cssSelector("[data-chart]")).getAttribute("data-drawn"))
              .isEqualTo("true");
        }
      }

      // The line with the largest ratified saving: click the middle of its ratified bar.
      JsonNode spec =
          json.readTree(
              browser
                  .driver()
                  .findElement(By.id("chart-data-savings-by-line"))
                  .getAttribute("textContent"));
      JsonNode ratified = spec.get("series").get(0);
      assertThat(ratified.get("name").asText()).isEqualTo("Ratified (delivered)");
      int index = 0;
      for (int i = 1; i < ratified.get("data").size(); i++) {
        if (ratified
                .get("data")
                .get(i)
                .decimalValue()
                .compareTo(ratified.get("data").get(index).decimalValue())
            > 0) {
          index = i;
        }
      }
      BigDecimal barValue = ratified.get("data").get(index).decimalValue();
      assertThat(barValue).as("a line with ratified savings in the demo").isPositive();
      String line = spec.get("categories").get(index).asText();
      WebElement canvas =
          browser.driver().findElement(By.cssSelector("[data-chart='savings-by-line']"));
      scrollTo(browser, canvas);
      @SuppressWarnings("unchecked")
      List<Number> point =
          (List<Number>)
              ((JavascriptExecutor) browser.driver())
                  .executeScript(
                      "var c = echarts.getInstanceByDom(arguments[0]);"
                          + "return c.convertToPixel({seriesIndex: 0}, [arguments[1], arguments[2]]);",
                      canvas,
                      index,
                      barValue.divide(BigDecimal.valueOf(2)).doubleValue());
      int x = (int) Math.round(point.get(0).doubleValue() - canvas.getSize().getWidth() / 2.0);
      int y = (int) Math.round(point.get(1).doubleValue() - canvas.getSize().getHeight() / 2.0);
      browser.screenshot("before-drill-down");
      new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();

      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Ratified (delivered): " + line);
      BigDecimal figure = amount(browser, By.id("figure-total"));
      assertThat(figure.negate().setScale(0, java.math.RoundingMode.HALF_EVEN))
          .as("the bar's figure")
          .isEqualTo(barValue.setScale(0));
      BigDecimal inYear = amount(browser, By.id("in-year-total"));
      BigDecimal carried = amount(browser, By.id("carried-in-total"));
      assertThat(inYear.add(carried)).isEqualTo(figure);
      // The entries shown (the first page) are the figure's, and names are not the director's to
      // see.
      BigDecimal shown =
          browser
              .driver()
              .findElements(By.cssSelector("#entries-inYear .app-entry-amount"))
              .stream()
              .map(e -> new BigDecimal(e.getAttribute("data-amount")))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (browser.driver().findElements(By.cssSelector("nav.govuk-pagination")).isEmpty()) {
        assertThat(shown).isEqualTo(inYear);
      }
      assertThat(browser.driver().findElements(By.xpath("//th[normalize-space()='Name']")))
          .isEmpty();
      browser.screenshot("entries-behind-ratified-bar");
      browser.assertAccessible();

      // Export: the table by line as CSV, as the link gives it.
      browser.driver().findElement(By.linkText("Back to the dashboard")).click();
      waitForCharts(browser);
      String href =
          browser
              .driver()
              .findElement(
                  By.xpath("//table[@id='table-savings-by-line']/../following-sibling::p[1]/a"))
              .getAttribute("href");
      assertThat(href).contains("/dashboard/export/savings-by-line", "format=csv");
      String csv =
          (String)
              ((JavascriptExecutor) browser.driver())
                  .executeAsyncScript(
                      "var done = arguments[arguments.length - 1];"
                          + "fetch(arguments[0]).then(function (r) { return r.text().then(function (t) {"
                          + " done(r.status + ' ' + r.headers.get('Content-Type') + '\\n' + t); }); });",
                      href);
      assertThat(csv).startsWith("200 text/csv");
      assertThat(csv)
          .contains(
              "Line,Kind,Target,Identified,Validated,Ratified", line.replace(" (avoidance)", ""));
    }
  }

  @Test
  void theHeadOfFinanceImportsBudgetsAndSeesTheVarianceMove() throws IOException {
    FinancialYear year = FinancialYear.containing(dashboard.today());
    Path bad = Files.createTempFile("budgets-bad-", ".csv");
    Files.writeString(
        bad,
        "financialYear,clientGroup,budget\n"
            + year
            + ",OLDER_PEOPLE,12000000\n"
            + year
            + ",NOT_A_GROUP,100\n"
            + year
            + ",MENTAL_HEALTH,lots\n");
    Path first = budgets(year, 10_000_000);
    Path second = budgets(year, 9_000_000);
    try (Browser browser =
        Browser.start("http://localhost:" + port, "DashboardBrowserIT-budgets")) {
      signIn(browser, "fin.head");
      waitForCharts(browser);
      // The head of finance reads money, not the review backlog or CTR.
      assertThat(
              browser.driver().findElements(By.cssSelector(".app-dashboard__section > h2")).stream()
                  .map(WebElement::getText)
                  .toList())
          .containsExactly("Savings against target", "Spend forecast", "Spend-control panel");

      upload(browser, bad);
      WebElement summary = browser.visible(By.cssSelector(".govuk-error-summary"));
      assertThat(summary.getText())
          .contains(
              "2 of 3 rows are invalid; nothing was imported",
              "Row 3, clientGroup",
              "Row 4, budget");
      assertThat(browser.driver().getTitle()).startsWith("Error: ");
      browser.screenshot("budgets-refused");
      browser.assertAccessible();

      upload(browser, first);
      assertThat(browser.visible(By.cssSelector(".govuk-notification-banner--success")).getText())
          .contains("5 budgets imported for " + year);
      waitForCharts(browser);
      Map<String, String> before = totals(browser);
      scrollTo(browser, browser.driver().findElement(By.id("spend")));
      browser.screenshot("budgets-imported");
      browser.assertAccessible();
      assertThat(before.get("Budget")).isEqualTo("£50,000,000");

      upload(browser, second);
      waitForCharts(browser);
      Map<String, String> after = totals(browser);
      scrollTo(browser, browser.driver().findElement(By.id("spend")));
      browser.screenshot("budgets-imported-again");
      assertThat(after.get("Budget")).isEqualTo("£45,000,000");
      assertThat(after.get("Forecast")).isEqualTo(before.get("Forecast"));
      assertThat(pounds(after.get("Variance")) - pounds(before.get("Variance")))
          .isEqualTo(5_000_000L);
      assertThat(pounds(after.get("Variance")))
          .isEqualTo(pounds(after.get("Forecast")) - 45_000_000L);
    }
  }

  private static BigDecimal amount(Browser browser, By by) {
    return new BigDecimal(browser.driver().findElement(by).getAttribute("data-amount"));
  }

  private static long pounds(String text) {
    return Long.parseLong(text.replace("£", "").replace(",", ""));
  }

  /** The total row of the spend table, by column heading. */
  private static Map<String, String> totals(Browser browser) {
    WebElement table = browser.driver().findElement(By.id("table-spend-by-client-group"));
    List<String> headers =
        table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
    List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
    List<WebElement> cells = rows.get(rows.size() - 1).findElements(By.cssSelector("th, td"));
    assertThat(cells.get(0).getText()).isEqualTo("Total");
    Map<String, String> byHeading = new java.util.HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      byHeading.put(headers.get(i), cells.get(i).getText());
    }
    return byHeading;
  }

  private static Path budgets(FinancialYear year, long each) throws IOException {
    StringBuilder csv = new StringBuilder("financialYear,clientGroup,budget\n");
    for (ClientGroup group : ClientGroup.values()) {
      csv.append(year).append(',').append(group.name()).append(',').append(each).append('\n');
    }
    Path file = Files.createTempFile("budgets-", ".csv");
    Files.writeString(file, csv);
    return file;
  }

  private static void upload(Browser browser, Path file) {
    WebElement input = browser.driver().findElement(By.id("file"));
    scrollTo(browser, input);
    input.sendKeys(file.toAbsolutePath().toString());
    browser.driver().findElement(By.xpath("//button[normalize-space()='Import budgets']")).click();
  }

  private static void signIn(Browser browser, String user) {
    browser.open("/dashboard");
    browser.visible(By.id("username")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
    browser.driver().findElement(By.id("password")).sendKeys(Keys.ENTER);
  }

  private static void waitForCharts(Browser browser) {
    browser
        .waiting()
        .until(d -> d.findElement(By.tagName("body")).getAttribute("data-charts-drawn") != null);
    assertThat(
            Integer.parseInt(
                browser.driver().findElement(By.tagName("body")).getAttribute("data-charts-drawn")))
        .isEqualTo(browser.driver().findElements(By.cssSelector("[data-chart]")).size())
        .isPositive();
  }

  private static void scrollTo(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", element);
  }
}

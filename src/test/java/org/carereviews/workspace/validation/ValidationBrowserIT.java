package org.carereviews.workspace.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
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
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance validation in a real browser: a validator filters the queue to one savings line; a batch
 * holding a saving the validator recorded (four eyes) is refused whole, the refusal shown at that
 * row and nothing validated; three savings are then validated as one batch, and the confirmation
 * says which goes to the board and which (above the threshold) to the head of finance; one saving
 * is rejected (first without a reason, refused at the field). The head of finance opens the large
 * saving's evidence (package versions before and after, the first validation) and second-validates
 * it. The recorder finds the rejection in their own work list, with finance's reason, and withdraws
 * the saving there. Every page axe-clean at WCAG 2.2 AA and without sideways scrolling at 320 CSS
 * pixels; screenshots in {@code target/screenshots/ValidationBrowserIT}.
 */
@EmbeddedDefaultTest
class ValidationBrowserIT {

  private static final String LINE = "VALIDATION UI";

  @LocalServerPort int port;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
  @Autowired SavingsLedger ledger;
  @Autowired ValidationDesk desk;
  @Autowired Workflow workflow;
  @Autowired Clock clock;
  @Autowired TransactionTemplate transactions;

  @Test
  void aValidatorBatchValidatesThreeAndTheHeadOfFinanceSecondValidatesTheLargeOne() {
    if (!lines.existsById(LINE)) {
      lines.save(
          new SavingsLine(
              LINE, "Validation page test", "Validation page", SavingsKind.CASHABLE_SAVING, "ASC"));
    }
    long small = saving("Vera Validation-Small", "700.00", "650.00", "sw.north");
    long smaller = saving("Vic Validation-Smaller", "700.00", "680.00", "sw.north");
    long large = saving("Lena Validation-Large", "1500.00", "1000.00", "sw.north");
    long own = saving("Otto Validation-Own", "700.00", "690.00", "fin.validator");
    long rejected = saving("Rhea Validation-Rejected", "700.00", "660.00", "sw.north");

    try (Browser browser = Browser.start("http://localhost:" + port, "ValidationBrowserIT")) {
      signIn(browser, "fin.validator");
      browser.open("/validation");
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Finance validation");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector(".govuk-service-navigation__item--active"))
                  .getText())
          .startsWith("Finance validation");
      check(browser, "queue");

      // filter to the line
      browser.driver().findElement(By.cssSelector("details summary")).click();
      new Select(browser.visible(By.id("line"))).selectByValue(LINE);
      new Select(browser.driver().findElement(By.id("sort"))).selectByValue("amount");
      browser.driver().findElement(By.id("apply-filters")).click();
      browser.visible(By.id("queue"));
      List<String> shown =
          browser.driver().findElements(By.cssSelector("#queue tbody tr")).stream()
              .map(r -> r.getAttribute("id"))
              .toList();
      assertThat(shown)
          .containsExactly(
              "row-" + large, "row-" + small, "row-" + rejected, "row-" + smaller, "row-" + own);
      assertThat(text(browser, "#row-" + large))
          .contains("Lena Validation-Large", LINE, "-£500.00", "First");
      check(browser, "filtered");

      // a batch with the validator's own saving: refused whole, at that row; nothing validated
      tick(browser, small);
      tick(browser, own);
      tick(browser, "new-cost-live");
      browser.driver().findElement(By.id("validate")).click();
      assertThat(browser.visible(By.id("saving-" + own + "-error")).getText())
          .contains("Saving " + own + " cannot be validated", "four eyes", "Nothing was validated");
      assertThat(browser.driver().getTitle()).startsWith("Error: ");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector(".govuk-error-summary a[href='#saving-" + own + "']"))
                  .getText())
          .contains("Saving " + own + " cannot be validated");
      assertThat(desk.progressOf(CostChangeId.of(small))).isEqualTo("IDENTIFIED");
      assertThat(desk.progressOf(CostChangeId.of(own))).isEqualTo("IDENTIFIED");
      assertThat(browser.driver().findElement(By.id("saving-" + small)).isSelected()).isTrue();
      check(browser, "refused-batch");

      // untick it; the three others go as one batch
      tick(browser, own);
      tick(browser, smaller);
      tick(browser, large);
      browser.driver().findElement(By.id("validate")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("3 savings validated");
      assertThat(text(browser, "#next-" + large))
          .contains(
              "Sent to the head of finance for a second validation because its full-year effect "
                  + "is above £20,000.00 a year");
      assertThat(text(browser, "#next-" + small))
          .contains("Validated; it goes to the Change and Efficiency Board for");
      check(browser, "batch-validated");
      assertThat(ledger.stageOf(CostChangeId.of(small))).isEqualTo(SavingStatus.VALIDATED);
      assertThat(ledger.stageOf(CostChangeId.of(smaller))).isEqualTo(SavingStatus.VALIDATED);
      assertThat(desk.progressOf(CostChangeId.of(large))).isEqualTo("SECOND_VALIDATION");
      assertThat(ledger.stageOf(CostChangeId.of(own))).isEqualTo(SavingStatus.IDENTIFIED);

      // reject one back to its recorder: first without a reason
      browser.open("/validation/" + rejected);
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Saving " + rejected);
      assertThat(text(browser, "#versions")).contains("£700.00", "£660.00");
      check(browser, "evidence");
      browser.driver().findElement(By.id("reject")).click();
      assertThat(browser.visible(By.id("reject-reason-error")).getText())
          .contains("Enter why the saving is rejected");
      assertThat(ledger.stageOf(CostChangeId.of(rejected))).isEqualTo(SavingStatus.IDENTIFIED);
      check(browser, "reject-refused");
      browser
          .driver()
          .findElement(By.id("reject-reason"))
          .sendKeys("The provider still invoices the old hours: send the new invoice");
      browser.driver().findElement(By.id("reject")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Saving " + rejected + " rejected");
      assertThat(text(browser, "#next-" + rejected)).contains("Sent back to", "work list");
      assertThat(ledger.stageOf(CostChangeId.of(rejected))).isEqualTo(SavingStatus.REJECTED);
      check(browser, "rejected");
      signOut(browser);

      // the head of finance: the large one waits for a second validation
      signIn(browser, "fin.head");
      browser.open("/validation?line=VALIDATION%20UI");
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Second validations");
      assertThat(browser.driver().findElements(By.id("row-" + small))).isEmpty();
      browser.driver().findElement(By.cssSelector("#row-" + large + " a")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Saving " + large);
      assertThat(text(browser, "#versions")).contains("£1,500.00", "£1,000.00");
      assertThat(text(browser, "#steps")).contains("by fin.validator", "second validation needed");
      assertThat(text(browser, "#second-needed")).startsWith("Needed");
      check(browser, "second-evidence");
      browser.driver().findElement(By.id("validate")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Saving " + large + " validated");
      assertThat(text(browser, "#next-" + large))
          .contains("Validated; it goes to the Change and Efficiency Board for");
      assertThat(ledger.stageOf(CostChangeId.of(large))).isEqualTo(SavingStatus.VALIDATED);
      check(browser, "second-validated");
      signOut(browser);

      // the recorder corrects or withdraws the rejected saving in their own work list
      signIn(browser, "sw.north");
      OpenTask task =
          workflow.openTaskOfCase("saving-" + rejected, "Task_CorrectOrWithdraw").orElseThrow();
      browser.open("/?sort=waited");
      By link = By.cssSelector("a[href='/tasks/" + task.id() + "']");
      while (browser.driver().findElements(link).isEmpty()) {
        browser.driver().findElement(By.cssSelector(".govuk-pagination__next a")).click();
        browser.visible(By.cssSelector("h1"));
      }
      assertThat(
              browser.driver().findElement(link).findElement(By.xpath("./ancestor::tr")).getText())
          .contains("Rhea Validation-Rejected", "Saving " + rejected);
      check(browser, "recorder-work-list");
      browser.driver().findElement(link).click();
      assertThat(browser.visible(By.cssSelector("main")).getText())
          .contains(
              "Your saving was rejected",
              "The provider still invoices the old hours: send the new invoice",
              "Rhea Validation-Rejected",
              "cashable saving",
              " a week to GBP ")
          .doesNotContain("CASHABLE_SAVING", "REJECTED", " -> ")
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
      check(browser, "recorder-task");
      new Select(browser.driver().findElement(By.name("recorderDecision")))
          .selectByValue("WITHDRAW");
      browser
          .driver()
          .findElement(By.name("recorderNote"))
          .sendKeys("The old hours continue after all");
      browser.driver().findElement(By.id("complete-task")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Saving " + rejected + " withdrawn");
      assertThat(ledger.stageOf(CostChangeId.of(rejected))).isEqualTo(SavingStatus.WITHDRAWN);
      check(browser, "recorder-withdrawn");
    }
  }

  /** A person, their package at the old cost changed to the new, and the saving recorded. */
  private long saving(String name, String oldCost, String newCost, String recordedBy) {
    LocalDate today = LocalDate.now(clock);
    Team team = teams.findByCode("NORTH").orElseThrow();
    Person person =
        casebook.recordPerson(
            name,
            LocalDate.of(1950, 3, 3),
            ClientGroup.OLDER_PEOPLE,
            team,
            Set.of(),
            Set.of(),
            "test");
    CarePackage carePackage =
        casebook.recordPackage(person, terms(oldCost, today.minusYears(1)), "initial", "test");
    casebook.recordDecidedChange(
        carePackage.getId(), terms(newCost, today.plusDays(3)), "fewer hours", recordedBy);
    return transactions.execute(
        status ->
            ledger
                .record(
                    new CostChangeCommand(
                        SourceProcess.MANUAL,
                        "VALUI-" + carePackage.getId(),
                        carePackage.getId(),
                        person.getId(),
                        Money.of(oldCost),
                        Money.of(newCost),
                        today.plusDays(3),
                        SavingsKind.CASHABLE_SAVING,
                        LINE,
                        "Fewer hours after review",
                        recordedBy))
                .get(0)
                .getId());
  }

  private static PackageTerms terms(String weekly, LocalDate from) {
    return new PackageTerms(
        ServiceType.HOME_CARE,
        "Example Care Ltd",
        Money.of(weekly),
        Money.ZERO,
        BigDecimal.ZERO,
        from,
        null,
        from.plusMonths(12));
  }

  private static void tick(Browser browser, Object id) {
    String field = id instanceof Long saving ? "saving-" + saving : id.toString();
    browser.driver().findElement(By.cssSelector("label[for='" + field + "']")).click();
  }

  private static String text(Browser browser, String css) {
    WebElement element = browser.visible(By.cssSelector(css));
    return element.getText();
  }

  private static void signIn(Browser browser, String userId) {
    browser.open("/sign-in");
    browser.visible(By.id("username")).sendKeys(userId);
    browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD, Keys.ENTER);
    browser.visible(By.cssSelector(".app-account"));
  }

  private static void signOut(Browser browser) {
    browser.driver().findElement(By.cssSelector(".app-account__sign-out button")).click();
    browser.visible(By.id("username"));
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

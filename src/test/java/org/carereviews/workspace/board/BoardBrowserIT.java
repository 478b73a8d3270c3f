package org.carereviews.workspace.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.carereviews.common.FinancialYear;
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
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Change and Efficiency Board in a real browser: three savings of a line of their own are
 * validated and gathered into a month's list; a reason typed without the tick is refused at that
 * row's checkbox; the board member ticks one to hold back without a reason (refused at that row),
 * gives the reason and ratifies the rest; the confirmation says what happens next; the roll-up's
 * ratified figure for the line moves by exactly the two ratified savings' in-year effects; the
 * month is in the record of past months with its decisions. Every page axe-clean at WCAG 2.2 AA and
 * without sideways scrolling at 320 CSS pixels; screenshots in {@code
 * target/screenshots/BoardBrowserIT}.
 */
@EmbeddedDefaultTest
class BoardBrowserIT {

  private static final String LINE = "BOARD UI";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired SavingsLines lines;
  @Autowired SavingsLedger ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired TransactionTemplate transactions;

  @Test
  void aBoardMemberHoldsOneBackWithAReasonAndRatifiesTheRest() {
    List<Long> savings = validatedSavings();
    String year =
        new FinancialYear(
                jdbc.queryForObject(
                    "select financial_year from cost_change where id = ?",
                    Integer.class,
                    savings.get(0)))
            .toString();
    BigDecimal before = ratifiedInYear(year);
    YearMonth month = gatherAList();
    long heldBack = savings.get(1);

    try (Browser browser = Browser.start("http://localhost:" + port, "BoardBrowserIT")) {
      browser.open("/board");
      browser.visible(By.id("username")).sendKeys("board.member");
      browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD, Keys.ENTER);
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("Change and Efficiency Board");
      assertThat(browser.driver().findElement(By.id("list-title")).getText())
          .isEqualTo("The list of " + BoardController.label(month));
      for (long id : savings) {
        assertThat(browser.driver().findElement(By.id("saving-" + id)).getText())
            .isEqualTo(named(id).replace(" (", "\n").replace(")", "") + ", saving " + id);
      }
      assertThat(browser.driver().findElement(By.id("totals")).getText())
          .contains(LINE + ": Board page test");
      check(browser, "list");

      // a reason typed without the tick: refused at that row's checkbox, nothing ratified unasked
      long other = savings.get(2);
      browser
          .driver()
          .findElement(By.id("reason-" + other))
          .sendKeys("Waiting for the provider's invoice");
      browser.driver().findElement(By.id("ratify")).click();
      assertThat(browser.visible(By.id("hold-back-" + other + "-error")).getText())
          .contains(
              "Tick hold back for the saving on "
                  + named(other)
                  + ", or clear its reason to ratify it");
      assertThat(ledger.stageOf(CostChangeId.of(savings.get(0)))).isEqualTo(SavingStatus.VALIDATED);
      check(browser, "refused-reason-without-tick");
      browser.driver().findElement(By.id("reason-" + other)).clear();

      // held back without a reason: refused at that row's field, nothing decided
      browser
          .driver()
          .findElement(By.cssSelector("label[for='hold-back-" + heldBack + "']"))
          .click();
      browser.driver().findElement(By.id("ratify")).click();
      assertThat(browser.visible(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Enter why the saving on " + named(heldBack) + " is held back");
      assertThat(browser.driver().getTitle()).startsWith("Error: ");
      assertThat(browser.driver().findElement(By.id("reason-" + heldBack + "-error")).getText())
          .contains("Enter why the saving on " + named(heldBack) + " is held back");
      assertThat(browser.driver().findElement(By.id("hold-back-" + heldBack)).isSelected())
          .isTrue();
      assertThat(ledger.stageOf(CostChangeId.of(savings.get(0)))).isEqualTo(SavingStatus.VALIDATED);
      check(browser, "refused-without-reason");

      // the error summary leads to the row's reason; with it the rest are ratified
      browser
          .driver()
          .findElement(By.cssSelector(".govuk-error-summary a[href='#reason-" + heldBack + "']"))
          .click();
      browser
          .driver()
          .findElement(By.id("reason-" + heldBack))
          .sendKeys("Provider invoice disputed");
      browser.driver().findElement(By.id("ratify")).click();
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .isEqualTo("The list of " + BoardController.label(month) + " is decided");
      assertThat(browser.driver().findElement(By.id("decided-summary")).getText())
          .endsWith(", 1 held back");
      check(browser, "decided");

      // the roll-up moved by exactly the ratified savings' in-year effects
      assertThat(ledger.stageOf(CostChangeId.of(heldBack))).isEqualTo(SavingStatus.VALIDATED);
      List<Long> ratified = savings.stream().filter(id -> id != heldBack).toList();
      ratified.forEach(
          id -> assertThat(ledger.stageOf(CostChangeId.of(id))).isEqualTo(SavingStatus.RATIFIED));
      BigDecimal expected =
          ratified.stream()
              .map(
                  id ->
                      jdbc.queryForObject(
                          "select in_year_effect from cost_change where id = ?",
                          BigDecimal.class,
                          id))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(expected).isNegative();
      assertThat(ratifiedInYear(year).subtract(before)).isEqualByComparingTo(expected);

      // the record of past months, and the month's list with its decisions
      browser
          .driver()
          .findElement(
              By.linkText(
                  "See the list of " + BoardController.label(month) + " with its decisions"))
          .click();
      assertThat(browser.visible(By.id("decision-summary")).getText())
          .contains("1 held back", "board.member");
      assertThat(browser.driver().findElement(By.id("decision-" + heldBack)).getText())
          .contains("Held back: Provider invoice disputed");
      assertThat(browser.driver().findElement(By.id("decision-" + savings.get(0))).getText())
          .contains("Ratified");
      check(browser, "month-record");
      browser.driver().findElement(By.linkText("Back to the Change and Efficiency Board")).click();
      assertThat(browser.visible(By.id("past")).getText())
          .contains(BoardController.label(month), "board.member");
      check(browser, "past-months");
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

  /** Three savings of a line of their own on one package, recorded and validated by finance. */
  private List<Long> validatedSavings() {
    LocalDate today = LocalDate.now(clock);
    if (!lines.existsById(LINE)) {
      lines.save(
          new SavingsLine(
              LINE, "Board page test", "Board page", SavingsKind.CASHABLE_SAVING, "ASC"));
    }
    Team team = teams.findByCode("NORTH").orElseThrow();
    Person person =
        casebook.recordPerson(
            "Board Page Person",
            LocalDate.of(1958, 6, 6),
            ClientGroup.OLDER_PEOPLE,
            team,
            Set.of(),
            Set.of(),
            "test");
    CarePackage carePackage =
        casebook.recordPackage(
            person,
            new PackageTerms(
                ServiceType.HOME_CARE,
                "Example Care Ltd",
                Money.of("700.00"),
                Money.ZERO,
                BigDecimal.ZERO,
                today.minusYears(1),
                null,
                today.plusMonths(6)),
            "initial",
            "test");
    String run = "BOARDUI-" + System.nanoTime();
    return transactions.execute(
        status -> {
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            long id =
                ledger
                    .record(
                        new CostChangeCommand(
                            SourceProcess.MANUAL,
                            run + "-" + i,
                            carePackage.getId(),
                            person.getId(),
                            Money.of("700.00"),
                            Money.of(new BigDecimal(650 - 20 * i)),
                            today.plusDays(3),
                            SavingsKind.CASHABLE_SAVING,
                            LINE,
                            "Board page test",
                            "sw.north"))
                    .get(0)
                    .getId();
            ledger.changeStatus(
                CostChangeId.of(id), SavingStatus.VALIDATED, null, null, "fin.validator");
            ids.add(id);
          }
          return ids;
        });
  }

  /**
   * The head of finance gathers the first month from this one with no list yet; the board's page
   * then shows it.
   */
  private YearMonth gatherAList() {
    YearMonth month = YearMonth.now(clock);
    while (rest.withBasicAuth("fin.head", DemoUsers.PASSWORD)
            .getForEntity("/api/savings/board/meetings/" + month, JsonNode.class)
            .getStatusCode()
        != HttpStatus.NOT_FOUND) {
      month = month.plusMonths(1);
    }
    ResponseEntity<JsonNode> gathered =
        rest.withBasicAuth("fin.head", DemoUsers.PASSWORD)
            .postForEntity(
                "/api/savings/board/meetings", Map.of("month", month.toString()), JsonNode.class);
    assertThat(gathered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return month;
  }

  /** The roll-up's ratified (delivered) in-year figure for the line, as finance reads it. */
  private BigDecimal ratifiedInYear(String financialYear) {
    JsonNode rollup =
        rest.withBasicAuth("fin.head", DemoUsers.PASSWORD)
            .getForObject(
                "/api/savings/rollup?financialYear=" + financialYear + "&groupBy=line",
                JsonNode.class);
    for (JsonNode row : rollup.get("rows")) {
      if (LINE.equals(row.get("group").asText())
          && "CASHABLE_SAVING".equals(row.get("kind").asText())) {
        return row.at("/ratified/inYear").decimalValue();
      }
    }
    return BigDecimal.ZERO;
  }

  /** A saving as the board names it: its package's reference and its person's. */
  private String named(long costChangeId) {
    return jdbc.queryForObject(
        "select k.reference || ' (' || p.reference || ')' from cost_change c"
            + " join care_package k on k.id = c.care_package_id join person p on p.id = c.person_id"
            + " where c.id = ?",
        String.class,
        costChangeId);
  }
}

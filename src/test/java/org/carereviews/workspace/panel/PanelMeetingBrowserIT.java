package org.carereviews.workspace.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
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
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.panel.DecisionInput;
import org.carereviews.panel.PackageRequestCommand;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PackageRequestType;
import org.carereviews.panel.PanelDecisionService;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelMeetingService;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.PanelRequestService;
import org.carereviews.panel.PanelRoute;
import org.carereviews.panel.PanelSeat;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.panel.UrgentReason;
import org.carereviews.support.Browser;
import org.carereviews.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The panel meeting in a real browser, on the embedded default (demo users and data, its own
 * in-memory H2): the ASC member opens today's meeting and takes a seat, and a decision is refused
 * at the page while the panel is not quorate, and an urgent start awaiting retrospective review is
 * marked on the agenda; the commissioning member sits and sees the finance member's seat arrive
 * without reloading (the page polls), and an item another member decides leaves the agenda and
 * joins the decisions, also without reloading; the meeting approves, amends from the prefilled
 * figures, defers and declines one item each and closes; the record shows who sat and every
 * decision. Every page is axe-clean at WCAG 2.2 AA and does not scroll sideways at 320 CSS pixels;
 * screenshots in {@code target/screenshots/PanelMeetingBrowserIT}.
 *
 * <p>The clock is set to a working day ahead (a Tuesday, Wednesday or Thursday away from Christmas)
 * so that a meeting can be held whatever day the test runs on.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:panel-meeting-browser;DB_CLOSE_DELAY=-1",
      "care-reviews.panel.scheduler-enabled=false"
    })
@Import(PanelMeetingBrowserIT.Clocks.class)
class PanelMeetingBrowserIT {

  static final LocalDate MEETING_DAY = meetingDay();

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      // Before the agenda's cut-off (09:30): requests made now are on this day's agenda.
      return new TestClock(LocalDateTime.of(MEETING_DAY, LocalTime.of(8, 0)));
    }
  }

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired PanelRequestService requests;
  @Autowired PanelMeetingService meetings;
  @Autowired PanelDecisionService decisions;

  @Test
  void threeMembersSitAndTheMeetingDecidesOneItemOfEachOutcomeAndCloses() {
    List<Long> items = panelRequests(5);
    long urgent = urgentStartApprovedByTheTeamManager();
    clock.set(LocalDateTime.of(MEETING_DAY, LocalTime.of(11, 0)));
    long approve = items.get(0);
    long amend = items.get(1);
    long defer = items.get(2);
    long decline = items.get(3);
    long decidedByAnother = items.get(4);

    try (Browser browser = Browser.start("http://localhost:" + port, "PanelMeetingBrowserIT")) {
      signIn(browser, "panel.asc");
      browser.open("/panel");
      assertThat(browser.visible(By.cssSelector("h1")).getText()).startsWith("Meeting of");
      assertThat(text(browser, "#main-content")).contains("has not opened yet");
      check(browser, "meeting-not-open");
      click(browser, By.xpath("//button[normalize-space()=\"Open today's meeting\"]"));
      click(browser, By.id("take-ASC"));
      assertThat(browser.visible(By.cssSelector(".govuk-notification-banner")).getText())
          .contains("You sit in the Adult social care seat");
      assertThat(text(browser, "#quorum")).contains("Not quorate", "1 of 3 seats filled");
      // The agenda: each item with its person, packages, change and wait.
      for (long id : items) {
        WebElement row =
            browser.driver().findElement(By.cssSelector("#agenda tr[data-request='" + id + "']"));
        assertThat(row.getText())
            .contains(
                "Ada Browser-Panel",
                "Change to a package",
                "Home care, Acme Care: £400.00",
                "£900.00 a week gross",
                "0 days");
      }
      // The urgent start a team manager approved comes for retrospective review, marked as such.
      assertThat(text(browser, "#agenda tr[data-request='" + urgent + "']"))
          .contains("Urgent start", "review by");
      check(browser, "asc-seated");

      // Not quorate: the decision is refused at the page, and nothing is recorded.
      openPack(browser, approve);
      check(browser, "pack");
      click(browser, By.cssSelector("label[for='outcome']"));
      click(browser, By.xpath("//button[normalize-space()='Record the decision']"));
      WebElement summary = browser.visible(By.cssSelector(".govuk-error-summary"));
      assertThat(summary.getText()).contains("Today's meeting is not quorate");
      assertThat(summary.findElement(By.cssSelector("a")).getAttribute("href"))
          .endsWith("#outcome");
      assertThat(text(browser, "#outcome-error")).contains("not quorate");
      assertThat(browser.driver().getTitle()).startsWith("Error: ");
      assertThat(meetings.decisionsAt(meetings.meeting(MEETING_DAY))).isEmpty();
      check(browser, "refused-not-quorate");
      signOut(browser);

      // The commissioning member sits and sees the finance member's seat arrive as it is taken.
      signIn(browser, "panel.commissioning");
      browser.open("/panel");
      click(browser, By.id("take-COMMISSIONING"));
      assertThat(text(browser, "#quorum")).contains("2 of 3 seats filled");
      meetings.takeSeat(
          new CareUser("panel.finance", Set.of(Roles.PANEL_FINANCE), Set.of()), PanelSeat.FINANCE);
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("quorum"), "Quorate"));
      assertThat(text(browser, "#live-seats")).contains("Frankie");
      check(browser, "quorate");

      // Another member decides an item: it leaves this member's agenda and joins the decisions
      // without a reload.
      decisions.decideThroughApi(
          new CareUser("panel.finance", Set.of(Roles.PANEL_FINANCE), Set.of()),
          PackageRequestId.of(decidedByAnother),
          new DecisionInput(
              PanelOutcome.APPROVED,
              PanelSeat.FINANCE,
              "Agreed by the finance member",
              null,
              null,
              null));
      By decidedRow = By.cssSelector("#decisions tr[data-request='" + decidedByAnother + "']");
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(decidedRow));
      browser
          .waiting()
          .until(
              ExpectedConditions.numberOfElementsToBe(
                  By.cssSelector("#agenda tr[data-request='" + decidedByAnother + "']"), 0));
      assertThat(text(browser, "#decisions tr[data-request='" + decidedByAnother + "']"))
          .contains("approved", "Agreed by the finance member");
      check(browser, "decided-by-another");

      // Approve.
      openPack(browser, approve);
      click(browser, By.cssSelector("label[for='outcome']"));
      record(browser);
      assertDecided(browser, approve, "approved");

      // Amend, starting from the proposal's figures.
      openPack(browser, amend);
      click(browser, By.cssSelector("label[for='outcome-amend']"));
      WebElement weekly = browser.visible(By.id("amended-weeklyGrossCost"));
      assertThat(weekly.getAttribute("value")).isEqualTo("900.00");
      assertThat(browser.driver().findElement(By.id("amended-provider")).getAttribute("value"))
          .isEqualTo("Acme Care");
      assertThat(
              browser
                  .driver()
                  .findElement(By.id("amended-effectiveDate-year"))
                  .getAttribute("value"))
          .isEqualTo(String.valueOf(MEETING_DAY.plusMonths(1).getYear()));
      weekly.clear();
      weekly.sendKeys("850.00");
      browser.driver().findElement(By.id("rationale")).sendKeys("Approved at the framework rate");
      check(browser, "amend-prefilled");
      record(browser);
      assertDecided(browser, amend, "approved with amendment");

      // Defer: a question and a return-by date; the date missing first, refused at its field.
      openPack(browser, defer);
      click(browser, By.cssSelector("label[for='outcome-defer']"));
      browser.visible(By.id("question")).sendKeys("Has a telecare assessment been offered?");
      browser.driver().findElement(By.id("rationale")).sendKeys("More information needed");
      record(browser);
      assertThat(browser.visible(By.cssSelector(".govuk-error-summary")).getText())
          .contains("return-by date");
      check(browser, "defer-needs-date");
      LocalDate returnBy = MEETING_DAY.plusDays(14);
      browser
          .driver()
          .findElement(By.id("returnBy-day"))
          .sendKeys(String.valueOf(returnBy.getDayOfMonth()));
      browser
          .driver()
          .findElement(By.id("returnBy-month"))
          .sendKeys(String.valueOf(returnBy.getMonthValue()));
      browser
          .driver()
          .findElement(By.id("returnBy-year"))
          .sendKeys(String.valueOf(returnBy.getYear()));
      record(browser);
      assertDecided(browser, defer, "deferred");

      // Decline with a rationale.
      openPack(browser, decline);
      click(browser, By.cssSelector("label[for='outcome-decline']"));
      browser
          .driver()
          .findElement(By.id("rationale"))
          .sendKeys("The current package meets the outcomes");
      record(browser);
      assertDecided(browser, decline, "declined");
      check(browser, "four-decided");

      click(browser, By.id("close"));
      assertThat(browser.visible(By.cssSelector("h1")).getText())
          .startsWith("Record of the meeting of");
      assertThat(text(browser, "#sat")).contains("Alex", "Frankie", "Charlie");
      assertThat(text(browser, "#closed")).contains("by Charlie");
      String decisions = text(browser, "#decisions");
      assertThat(decisions)
          .contains(
              "Approved at the framework rate",
              "£850.00 a week gross",
              "Question: Has a telecare assessment been offered?",
              "More information needed",
              "The current package meets the outcomes",
              "0 days from the request");
      check(browser, "record");
    }

    assertThat(requests.decision(PackageRequestId.of(approve)).outcome())
        .isEqualTo(PanelOutcome.APPROVED);
    PanelDecisionView amended = requests.decision(PackageRequestId.of(amend));
    assertThat(amended.outcome()).isEqualTo(PanelOutcome.APPROVED_WITH_AMENDMENT);
    assertThat(amended.amended().weeklyGrossCost()).isEqualTo(Money.of("850.00"));
    assertThat(amended.decidedBy()).contains("panel.asc", "panel.finance", "panel.commissioning");
    PanelDecisionView deferred = requests.decision(PackageRequestId.of(defer));
    assertThat(deferred.outcome()).isEqualTo(PanelOutcome.DEFERRED);
    assertThat(deferred.returnBy()).isEqualTo(MEETING_DAY.plusDays(14));
    assertThat(requests.decision(PackageRequestId.of(decline)).outcome())
        .isEqualTo(PanelOutcome.DECLINED);
    assertThat(meetings.isClosed(meetings.meeting(MEETING_DAY))).isTrue();
  }

  /**
   * Requests for panel (above delegated authority), each for a package of one person of team NORTH.
   */
  private List<Long> panelRequests(int count) {
    Person person =
        casebook.recordPerson(
            "Ada Browser-Panel",
            LocalDate.of(1941, 3, 9),
            ClientGroup.OLDER_PEOPLE,
            teams.findByCode("NORTH").orElseThrow(),
            Set.of(),
            Set.of(),
            "test");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CarePackage current =
          casebook.recordPackage(
              person,
              new PackageTerms(
                  ServiceType.HOME_CARE,
                  "Acme Care",
                  Money.of("400.00"),
                  Money.of("50.00"),
                  BigDecimal.ZERO,
                  MEETING_DAY.minusYears(1),
                  null,
                  null),
              "initial",
              "test");
      long id =
          requests
              .submit(
                  new PackageRequestCommand(
                      PackageRequestType.PACKAGE_CHANGE,
                      null,
                      person.getId(),
                      current.getId(),
                      new ProposedPackage(
                          ServiceType.HOME_CARE,
                          "Acme Care",
                          Money.of("900.00"),
                          Money.of("50.00"),
                          BigDecimal.ZERO,
                          MEETING_DAY.plusMonths(1)),
                      "More support after a fall",
                      "sw.north",
                      null,
                      null))
              .value();
      assertThat(requests.request(id).getRoute()).isEqualTo(PanelRoute.PANEL);
      ids.add(id);
    }
    return ids;
  }

  /**
   * An urgent start (a hospital discharge) a team manager of NORTH approved: panel reviews it
   * afterwards.
   */
  private long urgentStartApprovedByTheTeamManager() {
    Person person =
        casebook.recordPerson(
            "Bea Urgent-Start",
            LocalDate.of(1939, 11, 2),
            ClientGroup.OLDER_PEOPLE,
            teams.findByCode("NORTH").orElseThrow(),
            Set.of(),
            Set.of(),
            "test");
    CarePackage current =
        casebook.recordPackage(
            person,
            new PackageTerms(
                ServiceType.HOME_CARE,
                "Acme Care",
                Money.of("400.00"),
                Money.of("50.00"),
                BigDecimal.ZERO,
                MEETING_DAY.minusYears(1),
                null,
                null),
            "initial",
            "test");
    long id =
        requests
            .submit(
                new PackageRequestCommand(
                    PackageRequestType.PACKAGE_CHANGE,
                    UrgentReason.HOSPITAL_DISCHARGE,
                    person.getId(),
                    current.getId(),
                    new ProposedPackage(
                        ServiceType.NURSING,
                        "Rose House",
                        Money.of("1200.00"),
                        Money.of("150.00"),
                        BigDecimal.ZERO,
                        MEETING_DAY),
                    "Discharge from hospital today",
                    "sw.north",
                    null,
                    null))
            .value();
    assertThat(requests.request(id).getRoute()).isEqualTo(PanelRoute.URGENT);
    decisions.decideThroughApi(
        new CareUser("tm.north", Set.of(Roles.TEAM_MANAGER), Set.of("NORTH")),
        PackageRequestId.of(id),
        new DecisionInput(PanelOutcome.APPROVED, null, null, null, null, null));
    return id;
  }

  private static void signIn(Browser browser, String userId) {
    browser.open("/sign-in");
    browser.visible(By.id("username")).sendKeys(userId);
    browser.driver().findElement(By.id("password")).sendKeys("demo");
    browser.driver().findElement(By.id("password")).sendKeys(Keys.ENTER);
    browser.visible(By.cssSelector(".app-account"));
  }

  private static void signOut(Browser browser) {
    browser.driver().findElement(By.cssSelector(".app-account__sign-out button")).click();
    browser.visible(By.id("username"));
  }

  private static void openPack(Browser browser, long requestId) {
    browser.open("/panel");
    click(browser, By.cssSelector("#agenda tr[data-request='" + requestId + "'] a"));
    assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Ada Browser-Panel");
  }

  private static void record(Browser browser) {
    click(browser, By.xpath("//button[normalize-space()='Record the decision']"));
  }

  private static void assertDecided(Browser browser, long requestId, String outcome) {
    assertThat(browser.visible(By.cssSelector(".govuk-notification-banner")).getText())
        .contains("Decision recorded for Ada Browser-Panel: " + outcome);
    assertThat(text(browser, "#decisions tr[data-request='" + requestId + "']")).contains(outcome);
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("#agenda tr[data-request='" + requestId + "']")))
        .isEmpty();
  }

  /** Clicks, trying again when the page's polling has just replaced the element. */
  private static void click(Browser browser, By by) {
    browser
        .waiting()
        .until(
            driver -> {
              try {
                WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
                if (element == null) {
                  return false;
                }
                element.click();
                return true;
              } catch (StaleElementReferenceException replaced) {
                return false;
              }
            });
  }

  private static String text(Browser browser, String css) {
    return browser.visible(By.cssSelector(css)).getText();
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
   * The next Tuesday, Wednesday or Thursday at least two days ahead, away from the Christmas
   * holidays.
   */
  private static LocalDate meetingDay() {
    LocalDate day = LocalDate.now(TestClock.LONDON).plusDays(2);
    while (!Set.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)
            .contains(day.getDayOfWeek())
        || (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() >= 20)
        || (day.getMonth() == Month.JANUARY && day.getDayOfMonth() <= 3)) {
      day = day.plusDays(1);
    }
    return day;
  }
}

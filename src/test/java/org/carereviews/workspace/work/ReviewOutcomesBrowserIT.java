package org.carereviews.workspace.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.demo.DemoUsers;
import org.carereviews.identity.CareUser;
import org.carereviews.panel.PackageRequestCommand;
import org.carereviews.panel.PackageRequestType;
import org.carereviews.panel.PanelRequestService;
import org.carereviews.panel.PanelRoute;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.panel.RequestLines;
import org.carereviews.panel.UrgentReason;
import org.carereviews.review.ReviewLines;
import org.carereviews.review.ReviewLines.ReviewLine;
import org.carereviews.support.Browser;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Everything a social worker and a team manager do, done in the workspace alone in Chromium: a
 * review of every outcome the review form offers, each ending on what happens next; each of the
 * team manager's decisions on a worker's request (approve, amend, defer, decline, an urgent start)
 * and what the worker then sees in their list; and the chase of an overdue review. Reviews are
 * allocated (set-up) through the same service the team's list uses; the NHS's decision on a
 * referral and the urgent request arrive through the API, as they do from outside. Every page is
 * checked with axe-core (WCAG 2.2 AA) and for sideways scrolling at 320 CSS pixels.
 */
@EmbeddedDefaultTest
class ReviewOutcomesBrowserIT {

  private static final String WIDER_THAN_THE_PAGE =
      """
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5
          && !e.closest('.app-table-scroll')).slice(0, 8)
        .map(e => e.tagName + '.' + e.className + '#' + e.id + ' right=' + Math.round(e.getBoundingClientRect().right));
      """;

  private static final Duration PROCESS_STEP = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired WorkLists lists;
  @Autowired ReviewLines reviews;
  @Autowired RequestLines requestLines;
  @Autowired Workflow workflow;
  @Autowired TestRestTemplate rest;
  @Autowired CasebookService casebook;
  @Autowired Teams teams;
  @Autowired PanelRequestService requests;

  /** A review of one person's package, set up for one scenario. */
  private record Case(
      String personName,
      String personReference,
      long reviewId,
      String caseReference,
      BigDecimal net) {}

  /** The proposed package a worker types. */
  private record Proposal(
      String serviceType, String provider, BigDecimal gross, BigDecimal contribution) {}

  @Test
  void everyOutcomeAWorkerRecordsEndsOnWhatHappensNext() {
    Case noChange = review("Noor No-Change", ServiceType.HOME_CARE, "320.00", "30.00");
    Case changeService =
        review("Cyril Change-Provider", ServiceType.DAY_SERVICES, "180.00", "0.00");
    Case chc = review("Hana Health-Funding", ServiceType.NURSING, "1100.00", "200.00");
    Case reassess = review("Rita Reassess", ServiceType.HOME_CARE, "260.00", "20.00");
    Case bigIncrease = review("Ivor Increase", ServiceType.HOME_CARE, "480.00", "40.00");

    try (Browser worker = Browser.start(base(), "ReviewOutcomesBrowserIT-1-outcomes")) {
      signIn(worker, "sw.north");

      openFromMyWork(worker, noChange, "Carry out review");
      check(worker, "no-change-task");
      conversations(worker);
      choose(worker, "outcome", "NO_CHANGE");
      submit(worker);
      confirmation(
          worker,
          "Review closed",
          "Review " + noChange.caseReference() + " is complete and its next review date is set.");
      check(worker, "no-change-closed");

      openFromMyWork(worker, changeService, "Carry out review");
      conversations(worker);
      choose(worker, "outcome", "CHANGE_SERVICE");
      worker.visible(By.id("changeInNeed")).sendKeys("The provider no longer covers the area.");
      byId(worker, "alternativeMeetingOutcome").sendKeys("Same hours with a local provider.");
      proposal(
          worker,
          new Proposal(
              serviceTypeValue(fact(worker, "Service")),
              "Riverside Home Support",
              money(fact(worker, "Weekly cost")),
              money(fact(worker, "Person's contribution"))),
          fact(worker, "NHS share").replace("%", ""),
          LocalDate.now(workerZone()).plusWeeks(2));
      check(worker, "change-service-task");
      submit(worker);
      confirmation(
          worker,
          "Review closed",
          "Review "
              + changeService.caseReference()
              + " is complete: the package change is recorded and its next review date is set.");
      check(worker, "change-service-closed");

      openFromMyWork(worker, chc, "Carry out review");
      conversations(worker);
      choose(worker, "outcome", "REFER_CHC");
      submit(worker);
      confirmation(
          worker,
          "Referred for NHS Continuing Healthcare",
          "Review " + chc.caseReference() + " waits for the NHS decision.");
      check(worker, "chc-referred");

      // The NHS decides (from outside, through the API): not eligible, so the review comes back.
      nhsDecides(chc, false);
      openFromMyWork(worker, chc, "Carry out review");
      assertThat(worker.driver().findElement(By.cssSelector("main")).getText())
          .contains("Not eligible for NHS Continuing Healthcare");
      check(worker, "chc-not-eligible-task");
      conversations(worker);
      choose(worker, "outcome", "NO_CHANGE");
      submit(worker);
      confirmation(
          worker,
          "Review closed",
          "Review " + chc.caseReference() + " is complete and its next review date is set.");

      openFromMyWork(worker, reassess, "Carry out review");
      conversations(worker);
      choose(worker, "outcome", "REASSESS");
      submit(worker);
      confirmation(
          worker,
          "Next: Reassess needs",
          "Review "
              + reassess.caseReference()
              + " waits for this step. It is in the work list of whoever does it.");
      check(worker, "reassess-next");

      openFromMyWork(worker, reassess, "Reassess needs");
      check(worker, "reassess-task");
      submit(worker);
      WebElement missing = worker.visible(By.cssSelector(".govuk-error-summary a"));
      assertThat(missing.getAttribute("href")).endsWith("#reassessmentSummary");
      check(worker, "reassess-error");
      byId(worker, "reassessmentSummary")
          .sendKeys("Needs assessed again at home: mobility has improved since the last review.");
      label(worker, "eligibleNeedsChanged").click();
      submit(worker);
      confirmation(
          worker,
          "Next: Carry out review",
          "Review "
              + reassess.caseReference()
              + " waits for this step. It is in the work list of whoever does it.");
      check(worker, "reassessed");

      openFromMyWork(worker, bigIncrease, "Carry out review");
      conversations(worker);
      choose(worker, "outcome", "INCREASE");
      worker.visible(By.id("changeInNeed")).sendKeys("Needs a second carer for transfers.");
      BigDecimal gross = money(fact(worker, "Weekly cost"));
      proposal(
          worker,
          new Proposal(
              "HOME_CARE",
              "Same provider",
              gross.add(new BigDecimal("250")),
              money(fact(worker, "Person's contribution"))),
          fact(worker, "NHS share").replace("%", ""),
          LocalDate.now(workerZone()).plusWeeks(2));
      submit(worker);
      worker
          .waiting()
          .withTimeout(PROCESS_STEP)
          .until(
              driver ->
                  driver.findElements(By.cssSelector(".govuk-panel__title")).stream()
                      .anyMatch(title -> title.getText().startsWith("Sent to")));
      String meeting =
          Outcomes.DATE.format(
              requestLines.latestOfProcess(processOf(bigIncrease)).orElseThrow().firstMeeting());
      confirmation(
          worker,
          "Sent to the spend-control panel for " + meeting,
          "The package request for review "
              + bigIncrease.caseReference()
              + " goes to the panel meeting on "
              + meeting
              + ". You will see the decision in your work list.");
      check(worker, "increase-to-panel");
    }
  }

  @Test
  void theTeamManagersDecisionsOfEveryKindReachTheWorker() {
    // Within a team manager's delegated authority: a change of under GBP 100 a week, and under
    // GBP 35,000 a year.
    Case deferred = review("Della Defer", ServiceType.HOME_CARE, "410.00", "35.00");
    Case amended = review("Amos Amend", ServiceType.HOME_CARE, "300.00", "25.00");
    Case ended = review("Enid End", ServiceType.DAY_SERVICES, "140.00", "10.00");
    Case directPayment = review("Dara Direct-Payment", ServiceType.HOME_CARE, "350.00", "0.00");
    LocalDate inTwoWeeks = LocalDate.now(workerZone()).plusWeeks(2);
    String managerName = "Taylor North";

    try (Browser worker = Browser.start(base(), "ReviewOutcomesBrowserIT-2-requests")) {
      signIn(worker, "sw.north");

      openFromMyWork(worker, deferred, "Carry out review");
      conversations(worker);
      choose(worker, "outcome", "REDUCE");
      worker.visible(By.id("changeInNeed")).sendKeys("Goes to the day centre three days a week.");
      proposal(
          worker,
          new Proposal(
              "HOME_CARE",
              "Same provider",
              money(fact(worker, "Weekly cost")).subtract(new BigDecimal("60")),
              money(fact(worker, "Person's contribution"))),
          fact(worker, "NHS share").replace("%", ""),
          inTwoWeeks);
      submit(worker);
      sentToTheManager(worker, deferred, managerName);

      openFromMyWork(worker, amended, "Carry out review");
      conversations(worker);
      choose(worker, "outcome", "INCREASE");
      worker.visible(By.id("changeInNeed")).sendKeys("Needs an extra visit at lunchtime.");
      proposal(
          worker,
          new Proposal(
              "HOME_CARE",
              "Same provider",
              money(fact(worker, "Weekly cost")).add(new BigDecimal("80")),
              money(fact(worker, "Person's contribution"))),
          fact(worker, "NHS share").replace("%", ""),
          inTwoWeeks);
      submit(worker);
      sentToTheManager(worker, amended, managerName);

      openFromMyWork(worker, ended, "Carry out review");
      conversations(worker);
      choose(worker, "outcome", "END");
      worker
          .visible(By.id("changeInNeed"))
          .sendKeys("Managing independently since the reablement.");
      byId(worker, "alternativeMeetingOutcome").sendKeys("A community lunch club twice a week.");
      date(worker, "effectiveDate", inTwoWeeks);
      check(worker, "end-task");
      submit(worker);
      sentToTheManager(worker, ended, managerName);

      openFromMyWork(worker, directPayment, "Carry out review");
      conversations(worker);
      choose(worker, "outcome", "DIRECT_PAYMENT");
      worker.visible(By.id("changeInNeed")).sendKeys("Wants to employ a personal assistant.");
      proposal(
          worker,
          new Proposal(
              "DIRECT_PAYMENT",
              "Personal assistant",
              money(fact(worker, "Weekly cost")).subtract(new BigDecimal("40")),
              money(fact(worker, "Person's contribution"))),
          fact(worker, "NHS share").replace("%", ""),
          inTwoWeeks);
      submit(worker);
      sentToTheManager(worker, directPayment, managerName);
    }

    long urgent = urgentStartProposedBySamNorth();
    String urgentPerson = "Ida Urgent-Workspace";

    LocalDate amendedFrom = inTwoWeeks.plusDays(7);
    LocalDate answerBy = LocalDate.now(workerZone()).plusDays(10);
    try (Browser manager = Browser.start(base(), "ReviewOutcomesBrowserIT-3-decisions")) {
      signIn(manager, "tm.north");

      openRequest(manager, deferred);
      choose(manager, "decisionOutcome", "DEFERRED");
      byId(manager, "decisionRationale")
          .sendKeys("The day centre's days decide the evening visits.");
      manager.visible(By.id("decisionQuestion")).sendKeys("Which days does the day centre cover?");
      date(manager, "decisionReturnBy", answerBy);
      check(manager, "defer");
      submit(manager);
      decided(manager, "Deferred", deferred);

      openRequest(manager, amended);
      choose(manager, "decisionOutcome", "APPROVED_WITH_AMENDMENT");
      byId(manager, "decisionRationale").sendKeys("One extra visit, at the framework rate.");
      new Select(manager.visible(By.id("amendedServiceType"))).selectByValue("HOME_CARE");
      byId(manager, "amendedProvider").sendKeys("Same provider");
      byId(manager, "amendedWeeklyGross").sendKeys(moneyText(net(amended).add(BigDecimal.TEN)));
      byId(manager, "amendedContribution").sendKeys("0");
      byId(manager, "amendedNhsShare").sendKeys("0");
      date(manager, "amendedEffectiveDate", amendedFrom);
      check(manager, "amend");
      submit(manager);
      decided(manager, "Approved with amendment", amended);

      openRequest(manager, ended);
      choose(manager, "decisionOutcome", "DECLINED");
      byId(manager, "decisionRationale")
          .sendKeys("The lunch club does not meet the personal care outcomes.");
      submit(manager);
      decided(manager, "Declined", ended);

      openRequest(manager, directPayment);
      choose(manager, "decisionOutcome", "APPROVED");
      byId(manager, "decisionRationale").sendKeys("A personal assistant meets the outcomes.");
      submit(manager);
      decided(manager, "Approved", directPayment);

      manager.open("/work?kind=urgent");
      WebElement approve =
          manager.visible(
              By.xpath(
                  "//table//tr[contains(., '"
                      + urgentPerson
                      + "')]//a[starts-with(normalize-space(.), 'Approve urgent start')]"));
      check(manager, "urgent-in-my-work");
      approve.click();
      manager.waiting().until(ExpectedConditions.titleContains("Approve urgent start"));
      assertThat(manager.driver().findElement(By.cssSelector("main")).getText())
          .contains(urgentPerson)
          .contains("Urgent because")
          .contains("Proposed net weekly cost");
      check(manager, "urgent");
      choose(manager, "decisionOutcome", "APPROVED");
      byId(manager, "decisionRationale").sendKeys("Safe discharge home today.");
      submit(manager);
      confirmation(
          manager,
          "Approved: decision recorded",
          "Sam North (social worker) sees the decision in their work list.");
      check(manager, "urgent-approved");
      assertThat(requests.request(urgent).getRoute()).isEqualTo(PanelRoute.URGENT);
    }

    try (Browser worker = Browser.start(base(), "ReviewOutcomesBrowserIT-4-worker-sees")) {
      signIn(worker, "sw.north");
      worker.open("/work");
      assertThat(decisionOn(worker, deferred.personReference()))
          .startsWith("Deferred")
          .contains(
              "Which days does the day centre cover? (answer by "
                  + Outcomes.DATE.format(answerBy)
                  + ")");
      BigDecimal amendedNet = net(amended).add(BigDecimal.TEN);
      assertThat(decisionOn(worker, amended.personReference()))
          .startsWith("Approved with amendment")
          .contains(
              "Approved at "
                  + Pounds.of(Money.of(amendedNet.toPlainString()))
                  + " a week net from "
                  + Outcomes.DATE.format(amendedFrom)
                  + ": One extra visit, at the framework rate.");
      assertThat(decisionOn(worker, ended.personReference()))
          .startsWith("Declined")
          .contains("The lunch club does not meet the personal care outcomes.");
      assertThat(decisionOn(worker, directPayment.personReference()))
          .startsWith("Approved")
          .contains("A personal assistant meets the outcomes.");
      assertThat(decisionOn(worker, urgentPerson))
          .startsWith("Approved")
          .contains("Safe discharge home today.");
      check(worker, "decisions");

      // Deferred: the review is back with the worker, with the manager's question on it.
      openFromMyWork(worker, deferred, "Carry out review");
      assertThat(worker.driver().findElement(By.cssSelector("main")).getText())
          .contains("Your team manager asked")
          .contains("Which days does the day centre cover?");
      check(worker, "deferred-task");

      // Declined: the worker reads why, and the review closes with the package as it was.
      openFromMyWork(worker, ended, "Read why the request was declined");
      assertThat(worker.driver().findElement(By.cssSelector("main")).getText())
          .contains("Your team manager declined the package request")
          .doesNotContain("The panel declined")
          .contains("The lunch club does not meet the personal care outcomes.");
      check(worker, "declined-task");
      submit(worker);
      assertThat(worker.visible(By.cssSelector(".govuk-error-summary a")).getAttribute("href"))
          .endsWith("#declineRead");
      check(worker, "declined-error");
      label(worker, "declineRead").click();
      submit(worker);
      confirmation(
          worker,
          "Review closed",
          "Review "
              + ended.caseReference()
              + " is closed with the package as it was, and its next review date is set.");
      check(worker, "declined-closed");
    }
  }

  @Test
  void aTeamManagerChasesAnOverdueReviewByAllocatingIt() {
    try (Browser manager = Browser.start(base(), "ReviewOutcomesBrowserIT-5-chase")) {
      signIn(manager, "tm.north");
      manager.open("/team-work?kind=chase");
      List<WebElement> chases =
          manager
              .visible(By.cssSelector("main"))
              .findElements(
                  By.xpath("//table//a[starts-with(normalize-space(.), 'Chase overdue review')]"));
      assertThat(chases).as("overdue reviews raise chases in the team's list").isNotEmpty();
      check(manager, "chases");
      WorkRow chased =
          lists
              .teamWork(user("tm.north"), WorkFilter.of("chase", null, null, null, null))
              .rows()
              .stream()
              .filter(row -> overdueReviewUnallocated(row.caseReference()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("a chase of an unallocated review"));

      // The chase names nobody holding the review: the manager follows its link to allocate it.
      manager.open("/team-work?kind=chase&q=" + chased.caseReference());
      manager
          .visible(By.xpath("//table//a[starts-with(normalize-space(.), 'Chase overdue review')]"))
          .click();
      manager.waiting().until(ExpectedConditions.titleContains("Chase overdue review"));
      assertThat(manager.visible(By.id("review-holder")).getText())
          .isEqualTo("Review allocated to\nNobody yet: allocate it in your team's work");
      check(manager, "chase-unallocated");
      manager.driver().findElement(By.linkText("allocate it in your team's work")).click();
      WebElement select = manager.visible(By.cssSelector("select[name='assignee']"));
      assertThat(select.findElement(By.xpath("ancestor::tr")).getText())
          .contains(chased.personName())
          .contains("overdue");
      check(manager, "chase-allocate");
      new Select(select).selectByValue("sw.north");
      select
          .findElement(By.xpath("ancestor::form"))
          .findElement(By.cssSelector("button[type='submit']"))
          .click();
      assertThat(manager.visible(By.cssSelector(".govuk-notification-banner__heading")).getText())
          .isEqualTo("Review allocated to Sam North (social worker)");

      manager.open("/team-work?kind=chase&q=" + chased.caseReference());
      manager
          .visible(By.xpath("//table//a[starts-with(normalize-space(.), 'Chase overdue review')]"))
          .click();
      manager.waiting().until(ExpectedConditions.titleContains("Chase overdue review"));
      assertThat(manager.driver().findElement(By.cssSelector("main")).getText())
          .contains(chased.personName())
          .contains("is past its due date");
      assertThat(manager.visible(By.id("review-holder")).getText())
          .isEqualTo("Review allocated to\nSam North (social worker)");
      check(manager, "chase-task");
      submit(manager);
      assertThat(manager.visible(By.cssSelector(".govuk-error-summary a")).getAttribute("href"))
          .endsWith("#chaseAction");
      check(manager, "chase-error");
      byId(manager, "chaseAction").sendKeys("Allocated to Sam North, who will visit this week.");
      submit(manager);
      confirmation(
          manager,
          "Chase recorded",
          "Review "
              + chased.caseReference()
              + ", due "
              + Outcomes.DATE.format(reviewOf(chased).dueDate())
              + ", is allocated to Sam North (social worker). It shows as overdue in their work"
              + " list until it is done.");
      check(manager, "chased");

      manager.open("/team-work?q=" + chased.caseReference());
      String list = manager.visible(By.cssSelector("main")).getText();
      assertThat(list).contains(chased.personName()).contains("Sam North");
      assertThat(
              manager
                  .driver()
                  .findElements(
                      By.xpath(
                          "//table//a[starts-with(normalize-space(.), 'Chase overdue review')]")))
          .isEmpty();
      check(manager, "chased-team-list");
    }
    try (Browser worker = Browser.start(base(), "ReviewOutcomesBrowserIT-6-chased-worker")) {
      signIn(worker, "sw.north");
      worker.open("/work?kind=review&overdue=true");
      worker.visible(By.cssSelector("h1"));
      assertThat(worker.driver().findElement(By.cssSelector("main")).getText()).contains("overdue");
      check(worker, "overdue-in-my-work");
    }
  }

  // --- set-up ---

  /**
   * A person of team NORTH with one package, whose review the person asked for (through the API, as
   * a call centre would), allocated to sw.north as the team's list does.
   */
  private Case review(String name, ServiceType type, String gross, String contribution) {
    Person person =
        casebook.recordPerson(
            name,
            LocalDate.of(1945, 6, 14),
            ClientGroup.OLDER_PEOPLE,
            teams.findByCode("NORTH").orElseThrow(),
            Set.of(),
            Set.of(),
            "test");
    CarePackage carePackage =
        casebook.recordPackage(
            person,
            new PackageTerms(
                type,
                "Acme Care",
                Money.of(gross),
                Money.of(contribution),
                BigDecimal.ZERO,
                LocalDate.now(workerZone()).minusYears(1),
                null,
                null),
            "initial",
            "test");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> asked =
        rest.withBasicAuth("sw.north", DemoUsers.PASSWORD)
            .postForEntity(
                "/api/reviews",
                new HttpEntity<>(
                    "{\"packageId\": "
                        + carePackage.getId()
                        + ", \"requestedBy\": \"PERSON\", \"reason\": \"Asked for a review\"}",
                    headers),
                JsonNode.class);
    assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long reviewId = asked.getBody().get("id").asLong();
    String reference = asked.getBody().get("reference").asText();
    CareUser manager = user("tm.north");
    Awaitility.await("the review's task")
        .atMost(PROCESS_STEP)
        .until(
            () ->
                workflow
                    .openTask(
                        reviews.byReference(List.of(reference)).get(reference).processInstanceId(),
                        TaskKind.REVIEW.taskKey())
                    .isPresent());
    workflow.asUser(
        manager,
        () -> {
          reviews.allocate(manager, reviewId, "sw.north");
          return null;
        });
    return new Case(
        name,
        person.getReference(),
        reviewId,
        reference,
        Money.of(gross).amount().subtract(Money.of(contribution).amount()));
  }

  private boolean overdueReviewUnallocated(String reference) {
    return lists
        .teamWork(user("tm.north"), WorkFilter.of("review", null, reference, null, null))
        .rows()
        .stream()
        .anyMatch(row -> row.unallocatedReview() && row.overdue() != null);
  }

  private String processOf(Case row) {
    return reviews
        .byReference(List.of(row.caseReference()))
        .get(row.caseReference())
        .processInstanceId();
  }

  private ReviewLine reviewOf(WorkRow row) {
    return reviews.byReference(List.of(row.caseReference())).get(row.caseReference());
  }

  /** The NHS's decision on the referral, as it arrives: through the API. */
  private void nhsDecides(Case row, boolean eligible) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(
            rest.withBasicAuth("sw.north", DemoUsers.PASSWORD)
                .postForEntity(
                    "/api/reviews/" + row.reviewId() + "/chc-decision",
                    new HttpEntity<>("{\"eligible\": " + eligible + "}", headers),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /** An urgent start for a person discharged today, proposed by Sam North (as the API takes it). */
  private long urgentStartProposedBySamNorth() {
    Person person =
        casebook.recordPerson(
            "Ida Urgent-Workspace",
            LocalDate.of(1941, 3, 9),
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
                Money.of("300.00"),
                Money.of("40.00"),
                BigDecimal.ZERO,
                LocalDate.now(workerZone()).minusYears(1),
                null,
                null),
            "initial",
            "test");
    return requests
        .submit(
            new PackageRequestCommand(
                PackageRequestType.PACKAGE_CHANGE,
                UrgentReason.HOSPITAL_DISCHARGE,
                person.getId(),
                current.getId(),
                new ProposedPackage(
                    ServiceType.HOME_CARE,
                    "Acme Care",
                    Money.of("420.00"),
                    Money.of("40.00"),
                    BigDecimal.ZERO,
                    LocalDate.now(workerZone())),
                "Discharge from hospital today with four visits a day",
                "sw.north",
                null,
                null))
        .value();
  }

  // --- the workspace ---

  private void openFromMyWork(Browser browser, Case row, String whatToDo) {
    browser.open("/work?q=" + row.personReference());
    WebElement link =
        browser
            .waiting()
            .withTimeout(PROCESS_STEP)
            .until(
                driver -> {
                  driver.navigate().refresh();
                  return driver
                      .findElements(
                          By.xpath(
                              "//table//tr[contains(., '"
                                  + row.personReference()
                                  + "')]//a[starts-with(normalize-space(.), '"
                                  + whatToDo
                                  + "')]"))
                      .stream()
                      .findFirst()
                      .orElse(null);
                });
    link.click();
    browser.waiting().until(ExpectedConditions.titleContains(whatToDo));
    assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo(whatToDo);
    assertThat(browser.driver().findElement(By.cssSelector("main")).getText())
        .contains(row.personName())
        .contains(row.personReference());
  }

  private void openRequest(Browser manager, Case row) {
    manager.open("/work?kind=decide&q=" + row.personReference());
    WebElement decide =
        manager.visible(
            By.xpath("//table//a[starts-with(normalize-space(.), 'Decide package request')]"));
    assertThat(decide.findElement(By.xpath("ancestor::tr")).getText())
        .contains(row.personName())
        .contains("a week proposed");
    decide.click();
    manager.waiting().until(ExpectedConditions.titleContains("Decide package request"));
    assertThat(manager.driver().findElement(By.cssSelector("main")).getText())
        .contains(row.personName())
        .contains("Proposed net weekly cost")
        .contains("What the review found");
  }

  private void decided(Browser manager, String outcome, Case row) {
    confirmation(
        manager,
        outcome + ": decision recorded",
        "Sam North (social worker) sees the decision in their work list, and review "
            + row.caseReference()
            + " goes on from it.");
    check(manager, "decided-" + outcome.toLowerCase().replace(' ', '-'));
  }

  private void sentToTheManager(Browser worker, Case row, String managerName) {
    String who = managerName + " (team manager)";
    confirmation(
        worker,
        "Sent to " + who + " under delegated authority",
        "The package request for review "
            + row.caseReference()
            + " is with "
            + who
            + ". You will see the decision in your work list.");
    check(worker, "sent-" + row.caseReference());
  }

  /** The confirmation's title and its "what happens next", once the process has taken its step. */
  private static void confirmation(Browser browser, String title, String whatHappensNext) {
    // The page draws its confirmation again (htmx) while the next step is pending.
    browser
        .waiting()
        .withTimeout(PROCESS_STEP)
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver ->
                driver.findElements(By.cssSelector(".govuk-panel__title")).stream()
                    .anyMatch(t -> t.getText().equals(title)));
    assertThat(
            browser
                .driver()
                .findElement(
                    By.xpath(
                        "//h2[normalize-space(.)='What happens next']/following-sibling::p[1]"))
                .getText())
        .isEqualTo(whatHappensNext);
  }

  private static String decisionOn(Browser worker, String who) {
    return worker
        .visible(By.xpath("//li[contains(@class,'app-decision')][contains(., \"" + who + "\")]"))
        .getText();
  }

  /**
   * The three conversations and what they found; a review back with the worker (after a deferral or
   * the NHS's refusal) shows what was recorded before, so it is replaced, not added to.
   */
  private static void conversations(Browser browser) {
    if (!byId(browser, "conversationConnect").isSelected()) {
      label(browser, "conversationConnect").click();
    }
    replace(browser, "strengthsAndAssets", "A neighbour who calls in each morning.");
    replace(browser, "outcomesWanted", "To stay at home safely.");
    replace(browser, "personViews", "Happy with the carers.");
  }

  private static void replace(Browser browser, String id, String text) {
    WebElement field = byId(browser, id);
    field.clear();
    field.sendKeys(text);
  }

  private static void proposal(Browser browser, Proposal p, String nhsShare, LocalDate from) {
    new Select(browser.visible(By.id("proposedServiceType"))).selectByValue(p.serviceType());
    byId(browser, "proposedProvider").sendKeys(p.provider());
    byId(browser, "proposedWeeklyGrossCost").sendKeys(moneyText(p.gross()));
    byId(browser, "proposedContribution").sendKeys(moneyText(p.contribution()));
    byId(browser, "proposedNhsSharePercent").sendKeys(nhsShare.strip());
    date(browser, "effectiveDate", from);
  }

  private static void date(Browser browser, String key, LocalDate date) {
    browser.visible(By.id(key + "-day")).sendKeys(String.valueOf(date.getDayOfMonth()));
    byId(browser, key + "-month").sendKeys(String.valueOf(date.getMonthValue()));
    byId(browser, key + "-year").sendKeys(String.valueOf(date.getYear()));
  }

  private static void choose(Browser browser, String id, String value) {
    new Select(browser.visible(By.id(id))).selectByValue(value);
  }

  private static void submit(Browser browser) {
    byId(browser, "complete-task").click();
  }

  private static WebElement label(Browser browser, String forId) {
    return browser.driver().findElement(By.cssSelector("label[for='" + forId + "']"));
  }

  private static String serviceTypeValue(String label) {
    for (ServiceType type : ServiceType.values()) {
      if (type.label().equals(label)) {
        return type.name();
      }
    }
    throw new AssertionError("no service type labelled " + label);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static java.time.ZoneId workerZone() {
    return java.time.ZoneId.of("Europe/London");
  }

  private static BigDecimal net(Case row) {
    return row.net();
  }

  private static String moneyText(BigDecimal amount) {
    return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  private static CareUser user(String id) {
    return CareUser.fromGroups(
        id,
        DemoUsers.ALL.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow().groups());
  }

  private static void signIn(Browser browser, String user) {
    browser.open("/sign-in");
    browser.visible(By.id("username")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD, Keys.ENTER);
    browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
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

  private static WebElement byId(Browser browser, String id) {
    return browser.driver().findElement(By.id(id));
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
}

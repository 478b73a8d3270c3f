package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.ctr.CtrSchedule;
import org.carereviews.panel.PanelMeetingService;
import org.carereviews.panel.PanelRequestService;
import org.carereviews.panel.WorkingDays;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.savings.SourceProcess;
import org.carereviews.support.Api;
import org.carereviews.support.PanelDesk;
import org.carereviews.support.TestClock;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh records for the authorization matrix, each in the state its endpoint acts on, all in team
 * North, made anew for every call: a write that succeeds once (a claim, an outcome, a decision)
 * never spoils the next role's call. A placeholder in a row's sample or body, {@code {name}} or
 * {@code {name.field}}, names a scenario below (the table's header lists them); the row's {@code
 * given} column names scenarios no id in the request refers to (today's panel meeting). {@code
 * {today+N}} and {@code {now+Nh}} are read from the test clock once the records are made.
 *
 * <p>Records are made as their users make them, through the API as the demo users (a review asked
 * for by sw.north, a CTR review convened by ctr.chair), or through a capability's public service
 * where a user's step would add nothing (a person, a package, a saving recorded by sw.north). The
 * CTR schedule starts CTR reviews, and looks at the whole register each time it runs: it runs once,
 * for every CTR review the table will ask for ({@link #expect}).
 */
final class MatrixFixtures {

  /**
   * A record made for one call: its id, and other values a request may name ({@code
   * {package.ref}}).
   */
  record Made(String id, Map<String, String> fields) {
    static Made of(Object id) {
      return new Made(String.valueOf(id), Map.of());
    }
  }

  /** A request with its placeholders filled in. */
  record Request(String url, String body) {}

  private static final String SAVINGS_LINE = "MTX Sav";
  private static final String CHAIR = "ctr.chair";
  private static final String POST_ADMISSION = "POST_ADMISSION";
  private static final String OVERSIGHT_VISIT = "OVERSIGHT_VISIT";
  private static final Pattern RECORD =
      Pattern.compile("\\{([a-zA-Z]+(?::[a-zA-Z]+)?)(?:\\.([a-zA-Z]+))?}");
  private static final Pattern DAY = Pattern.compile("\\{today([+-]\\d+)?}");
  private static final Pattern TIME = Pattern.compile("\\{now([+-]\\d+)h}");

  private final Api api;
  private final TestClock clock;
  private final CasebookService casebook;
  private final SavingsLedger ledger;
  private final TransactionTemplate transactions;
  private final CtrSchedule ctrSchedule;
  private final PanelMeetingService meetings;
  private final WorkingDays workingDays;
  private final JdbcTemplate jdbc;
  private final PanelDesk panelDesk;
  private final Team north;
  private final Map<String, Supplier<Made>> scenarios = new HashMap<>();
  private final Map<String, Integer> ctrReviewsExpected = new LinkedHashMap<>();
  private final Map<String, Deque<Made>> ctrReviewsStarted = new HashMap<>();
  private final AtomicInteger counter = new AtomicInteger();
  private YearMonth lastMonth =
      YearMonth.of(2090, 1); // far from other tests, inside the date window (docs/rules.md)

  MatrixFixtures(Api api, ApplicationContext beans, TestClock clock) {
    this.api = api;
    this.clock = clock;
    this.casebook = beans.getBean(CasebookService.class);
    this.ledger = beans.getBean(SavingsLedger.class);
    this.transactions = beans.getBean(TransactionTemplate.class);
    this.ctrSchedule = beans.getBean(CtrSchedule.class);
    this.meetings = beans.getBean(PanelMeetingService.class);
    this.workingDays = beans.getBean(WorkingDays.class);
    this.jdbc = beans.getBean(JdbcTemplate.class);
    this.panelDesk =
        new PanelDesk(
            api,
            jdbc,
            beans.getBean(PanelRequestService.class),
            beans.getBean(RuntimeService.class),
            beans.getBean(ManagementService.class));
    Teams teams = beans.getBean(Teams.class);
    this.north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    teams.findByCode("SOUTH").orElseGet(() -> teams.save(new Team("SOUTH", "South")));
    SavingsLines lines = beans.getBean(SavingsLines.class);
    if (!lines.existsById(SAVINGS_LINE)) {
      lines.save(
          new SavingsLine(
              SAVINGS_LINE,
              "Matrix savings",
              "Authorization matrix",
              SavingsKind.CASHABLE_SAVING,
              "ASC"));
    }

    scenarios.put("person", this::person);
    scenarios.put("package", this::carePackage);
    scenarios.put("review", this::review);
    scenarios.put("review:reassessing", () -> reviewWithOutcome("REASSESS"));
    scenarios.put("review:awaitingNhsDecision", () -> reviewWithOutcome("REFER_CHC"));

    scenarios.put("ctrPerson", this::ctrPerson);
    scenarios.put(
        "ctrEpisode",
        () -> Made.of(admit(ctrPerson(), 10, false, true).at("/episodes/0/id").asLong()));
    scenarios.put("ctrReview:convening", () -> startedCtrReview(POST_ADMISSION));
    scenarios.put(
        "ctrReview:awaitingConsent", () -> convened(startedCtrReview(POST_ADMISSION), 72));
    scenarios.put(
        "ctrReview:awaitingPapers",
        () -> consented(convened(startedCtrReview(POST_ADMISSION), 72)));
    scenarios.put("ctrReview:met", this::metCtrReview);
    scenarios.put("ctrReview:dischargeRecommended", () -> recordMeeting(metCtrReview(), true));
    scenarios.put("ctrReview:dischargePlanned", this::dischargePlannedCtrReview);
    scenarios.put("ctrVisit", () -> startedCtrReview(OVERSIGHT_VISIT));
    scenarios.put(
        "ctrAction", () -> Made.of(recordMeeting(metCtrReview(), false).fields().get("action")));

    scenarios.put("panelRequest:delegated", () -> panelRequest("90.00"));
    scenarios.put(
        "panelRequest:atPanel",
        () -> {
          quorateMeeting();
          return panelRequest("1000.00");
        });
    scenarios.put("panelDay", this::panelDay);
    scenarios.put("panelMeeting", this::panelMeeting);
    scenarios.put("panelMeeting:quorate", this::quorateMeeting);

    scenarios.put("costChange", this::costChange);
    scenarios.put(
        "costChange:rejected",
        () ->
            decide(
                costChange(),
                "{\"decision\": \"REJECT\", \"reason\": \"No evidence the provider is paid less\"}"));
    scenarios.put("month", this::month);
    scenarios.put("boardList", this::boardList);
    scenarios.put(
        "boardList:toRatify",
        () -> {
          decide(costChange(), "{\"decision\": \"VALIDATE\", \"newCostLive\": true}");
          return boardList();
        });
    scenarios.put("proposal", this::proposal);
    scenarios.put("unique", () -> Made.of(counter.incrementAndGet()));
  }

  /**
   * Told of every row before the calls, so that the CTR schedule starts all the CTR reviews the
   * table needs.
   */
  void expect(String sample, String body, List<String> given, int calls) {
    for (String scenario : scenariosIn(sample, body, given)) {
      if (scenario.startsWith("ctrReview:") || scenario.equals("ctrAction")) {
        ctrReviewsExpected.merge(POST_ADMISSION, calls, Integer::sum);
      } else if (scenario.equals("ctrVisit")) {
        ctrReviewsExpected.merge(OVERSIGHT_VISIT, calls, Integer::sum);
      }
    }
  }

  /**
   * Makes the records one call needs and fills them, then the clock's dates and times, into its
   * request.
   */
  Request request(String sample, String body, List<String> given) {
    Map<String, Made> made = new LinkedHashMap<>();
    for (String scenario : scenariosIn(sample, body, given)) {
      Supplier<Made> maker = scenarios.get(scenario);
      if (maker == null) {
        throw new IllegalArgumentException("MatrixFixtures has no scenario {" + scenario + "}");
      }
      made.put(scenario, maker.get());
    }
    return new Request(fill(sample, made), body == null ? null : fill(body, made));
  }

  private static Set<String> scenariosIn(String sample, String body, List<String> given) {
    Set<String> scenarios = new LinkedHashSet<>(given);
    Matcher found = RECORD.matcher(body == null ? sample : sample + body);
    while (found.find()) {
      if (!found.group(1).equals("today")) {
        scenarios.add(found.group(1));
      }
    }
    return scenarios;
  }

  private String fill(String text, Map<String, Made> made) {
    LocalDate today = LocalDate.now(clock);
    String filled =
        DAY.matcher(text).replaceAll(day -> today.plusDays(offset(day.group(1))).toString());
    filled = TIME.matcher(filled).replaceAll(time -> inHours(offset(time.group(1))));
    return RECORD
        .matcher(filled)
        .replaceAll(
            placeholder -> {
              Made record = made.get(placeholder.group(1));
              String value =
                  placeholder.group(2) == null
                      ? record.id()
                      : record.fields().get(placeholder.group(2));
              assertThat(value).as(placeholder.group()).isNotNull();
              return Matcher.quoteReplacement(value);
            });
  }

  private static long offset(String signed) {
    return signed == null ? 0 : Long.parseLong(signed);
  }

  private String inHours(long hours) {
    return LocalDateTime.now(clock).plusHours(hours).withSecond(0).withNano(0).toString();
  }

  // The casebook and reviews

  private Made person() {
    return Made.of(newPerson().getId());
  }

  private Person newPerson() {
    return casebook.recordPerson(
        "Matrix Demo-" + counter.incrementAndGet(),
        LocalDate.of(1990, 5, 1),
        ClientGroup.LEARNING_DISABILITY,
        north,
        Set.of(),
        Set.of(),
        "matrix");
  }

  /** A home-care package of 320.00 gross, 20.00 contribution: 300.00 net a week. */
  private Made carePackage() {
    Person person = newPerson();
    LocalDate today = LocalDate.now(clock);
    CarePackage carePackage =
        casebook.recordPackage(
            person,
            new PackageTerms(
                ServiceType.HOME_CARE,
                "Matrix Care Ltd",
                Money.of("320.00"),
                Money.of("20.00"),
                BigDecimal.ZERO,
                today.minusYears(1),
                null,
                today.plusMonths(6)),
            "initial",
            "matrix");
    return new Made(
        carePackage.getId().toString(),
        Map.of("ref", carePackage.getReference(), "personRef", person.getReference()));
  }

  private Made review() {
    String body =
        """
        {"packageId": %s, "requestedBy": "CARER", "reason": "The carer asks for a review"}"""
            .formatted(carePackage().id());
    return Made.of(
        api.post("sw.north", "/api/reviews", body, HttpStatus.CREATED).get("id").asLong());
  }

  private Made reviewWithOutcome(String outcome) {
    Made review = review();
    api.post(
        "sw.north",
        "/api/reviews/" + review.id() + "/outcome",
        """
        {"conversationConnect": true, "strengthsAndAssets": "Family nearby", "outcomesWanted": "Stay at home",
         "personViews": "Wants things checked", "outcome": "%s"}"""
            .formatted(outcome),
        HttpStatus.OK);
    return review;
  }

  // Care and Treatment Reviews

  private Made ctrPerson() {
    Made person = person();
    LocalDate today = LocalDate.now(clock);
    api.post(
        CHAIR,
        "/api/ctr/register",
        """
        {"personId": %s, "consentGiven": true, "consentDate": "%s", "rating": "AMBER",
         "reasons": "Placement under strain", "keyWorker": "sw.north", "nextReviewDate": "%s"}"""
            .formatted(person.id(), today, today.plusMonths(3)),
        HttpStatus.CREATED);
    return person;
  }

  private JsonNode admit(
      Made person, int daysAgo, boolean outOfArea, boolean communityReviewBefore) {
    return api.post(
        CHAIR,
        "/api/ctr/register/" + person.id() + "/episodes",
        """
        {"hospital": "Example Assessment and Treatment Unit", "setting": "NON_SECURE", "outOfArea": %s,
         "admissionDate": "%s", "commissioner": "NHS_INTEGRATED_CARE_BOARD", "communityReviewBeforeAdmission": %s}"""
            .formatted(outOfArea, LocalDate.now(clock).minusDays(daysAgo), communityReviewBefore),
        HttpStatus.CREATED);
  }

  /** A CTR review of a kind the schedule started, not yet used by any call. */
  private Made startedCtrReview(String kind) {
    if (ctrReviewsStarted.isEmpty()) {
      startEveryCtrReview();
    }
    Deque<Made> started = ctrReviewsStarted.getOrDefault(kind, new ArrayDeque<>());
    assertThat(started).as("CTR reviews (" + kind + ") started for the rows expected").isNotEmpty();
    return started.pop();
  }

  /**
   * Admits everyone the table's CTR reviews need and runs the schedule once: adults admitted two
   * days ago with no community review before get a post-admission review; adults placed out of area
   * six weeks ago, an oversight visit.
   */
  private void startEveryCtrReview() {
    Map<String, List<Made>> admitted = new LinkedHashMap<>();
    ctrReviewsExpected.forEach(
        (kind, count) -> {
          boolean visit = kind.equals(OVERSIGHT_VISIT);
          List<Made> people = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            Made person = ctrPerson();
            admit(person, visit ? 43 : 2, visit, visit);
            people.add(person);
          }
          admitted.put(kind, people);
        });
    ctrSchedule.startDue();
    admitted.forEach(
        (kind, people) ->
            ctrReviewsStarted.put(
                kind,
                new ArrayDeque<>(
                    people.stream().map(person -> Made.of(openCtrReview(person, kind))).toList())));
  }

  private long openCtrReview(Made person, String kind) {
    List<Long> open =
        jdbc.queryForList(
            "select r.id from ctr_review r join ctr_register_entry e"
                + " on e.id = r.register_entry_id where e.person_id = ? and r.kind = ? and r.status = 'OPEN'",
            Long.class,
            Long.parseLong(person.id()),
            kind);
    assertThat(open)
        .as("the open " + kind + " the schedule started for person " + person.id())
        .hasSize(1);
    return open.get(0);
  }

  private Made convened(Made review, int meetingInHours) {
    ctrStep(
        review,
        "panel",
        """
        {"chair": "ctr.chair", "clinicalExpert": "ctr.clinician", "expertByExperience": "ctr.expert",
         "meetingAt": "%s"}"""
            .formatted(inHours(meetingInHours)));
    return review;
  }

  private Made consented(Made review) {
    ctrStep(review, "consent", "{\"consentBasis\": \"CONSENT\"}");
    return review;
  }

  /**
   * Convened for a day's time, consent recorded, papers shared, and the clock moved past the
   * meeting.
   */
  private Made metCtrReview() {
    Made review = consented(convened(startedCtrReview(POST_ADMISSION), 25));
    ctrStep(review, "papers", "{}");
    clock.advance(Duration.ofHours(26));
    return review;
  }

  /** The meeting recorded, with one recommendation for sw.north (field {@code action}). */
  private Made recordMeeting(Made review, boolean dischargeRecommended) {
    JsonNode completed =
        ctrStep(
            review,
            "meeting",
            """
        {"answerSafe": "Yes", "answerGoodCare": "Mostly", "answerFuturePlan": "A provider is needed",
         "answerNeedHospital": "Not for much longer",
         "recommendations": [{"text": "Find a supported living provider", "owner": "sw.north", "dueDate": "%s"}],
         "dischargeRecommended": %s}"""
                .formatted(LocalDate.now(clock).plusWeeks(4), dischargeRecommended));
    return new Made(review.id(), Map.of("action", completed.at("/recommendations/0/id").asText()));
  }

  private Made dischargePlannedCtrReview() {
    Made review = recordMeeting(metCtrReview(), true);
    ctrStep(
        review,
        "discharge-plan",
        """
        {"serviceType": "SUPPORTED_LIVING", "provider": "Example Supported Living Ltd", "weeklyGrossCost": 2000.00,
         "assessedContribution": 0, "nhsSharePercent": 40, "dischargeDate": "%s",
         "dischargeReason": "Discharge recommended by the CTR"}"""
            .formatted(LocalDate.now(clock).plusWeeks(6)));
    return review;
  }

  private JsonNode ctrStep(Made review, String step, String body) {
    return api.post(CHAIR, "/api/ctr/reviews/" + review.id() + "/" + step, body, HttpStatus.OK);
  }

  // The spend-control panel

  /**
   * A new package asked for by sw.north: 90.00 a week is within a team manager's authority, 1000.00
   * is not.
   */
  private Made panelRequest(String weeklyGross) {
    String body =
        """
        {"type": "NEW_PACKAGE", "personId": %s,
         "proposed": {"serviceType": "HOME_CARE", "provider": "Matrix Care Ltd", "weeklyGrossCost": %s,
                      "effectiveDate": "%s"},
         "reason": "Assessed eligible needs after a fall"}"""
            .formatted(person().id(), weeklyGross, LocalDate.now(clock).plusDays(7));
    return Made.of(
        api.post("sw.north", "/api/panel/requests", body, HttpStatus.CREATED)
            .get("requestId")
            .asLong());
  }

  /** The clock moved to the next working day, 9 am: no meeting yet. */
  private Made panelDay() {
    LocalDate next = workingDays.nextWorkingDayAfter(LocalDate.now(clock));
    clock.set(next.atTime(9, 0));
    return Made.of(next);
  }

  /** A fresh working day with its meeting open (as the scheduler opens it) and no one seated. */
  private Made panelMeeting() {
    Made day = panelDay();
    meetings.startMeetingProcess(LocalDate.parse(day.id()));
    assertThat(meetings.findMeeting(LocalDate.parse(day.id())))
        .as("the meeting of " + day.id())
        .isPresent();
    return day;
  }

  /**
   * A fresh working day with its meeting open and the ASC, finance and commissioning seats taken.
   */
  private Made quorateMeeting() {
    Made day = panelMeeting();
    panelDesk.quorateMeetingToday();
    return day;
  }

  // Savings

  /** A saving of 30.00 a week recorded by sw.north, waiting for finance's validation. */
  private Made costChange() {
    long packageId = Long.parseLong(carePackage().id());
    long personId = casebook.packageSnapshot(packageId).personId();
    Long id =
        transactions.execute(
            status ->
                ledger
                    .record(
                        new CostChangeCommand(
                            SourceProcess.MANUAL,
                            "MATRIX-" + packageId,
                            packageId,
                            personId,
                            Money.of("300.00"),
                            Money.of("270.00"),
                            LocalDate.now(clock).plusDays(7),
                            SavingsKind.CASHABLE_SAVING,
                            SAVINGS_LINE,
                            "Fewer calls a day",
                            "sw.north"))
                    .get(0)
                    .getId());
    return Made.of(id);
  }

  private Made decide(Made saving, String decision) {
    api.post("fin.validator", "/api/savings/validations/" + saving.id(), decision, HttpStatus.OK);
    return saving;
  }

  /** A month with no board list yet. */
  private Made month() {
    lastMonth = lastMonth.plusMonths(1);
    return Made.of(lastMonth);
  }

  /**
   * A month whose board list the head of finance has gathered (every validated saving not yet on a
   * list).
   */
  private Made boardList() {
    Made month = month();
    api.post(
        "fin.head",
        "/api/savings/board/meetings",
        "{\"month\": \"" + month.id() + "\"}",
        HttpStatus.CREATED);
    return month;
  }

  private Made proposal() {
    String body =
        """
        {"code": "MTX Q%d", "name": "Reablement first", "theme": "Prevention", "kind": "CASHABLE_SAVING",
         "financialYear": "2031/32", "target": -10000, "rationale": "Two pilots"}"""
            .formatted(counter.incrementAndGet());
    return Made.of(
        api.post("fin.validator", "/api/savings/proposals", body, HttpStatus.CREATED)
            .get("id")
            .asLong());
  }
}

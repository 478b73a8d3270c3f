package org.carereviews.workspace.ctr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrReviewsApi;
import org.carereviews.ctr.CtrSchedule;
import org.carereviews.ctr.CtrViews.ReviewView;
import org.carereviews.ctr.CtrWork;
import org.carereviews.ctr.CtrWork.OpenStep;
import org.carereviews.ctr.CtrWork.Step;
import org.carereviews.demo.DemoUsers;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.carereviews.workspace.ctr.CtrFixtures.Admitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person's CTR pages over HTTP as a browser asks for them: only the CTR roles and the person's
 * team open them (anyone else gets "Page not found"), a step only its own people take, bad input
 * answered at the field or as a 400 or 404 page, never a 500, and nothing recorded by a refusal.
 */
@EmbeddedDefaultTest
class CtrWorkPageIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired CtrRegister register;
  @Autowired CtrSchedule schedule;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired Workflow workflow;
  @Autowired CtrReviewsApi reviews;
  @Autowired CtrWork ctr;

  private HttpClient browser;

  @BeforeEach
  void newBrowser() {
    browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Test
  void onlyTheCtrRolesAndThePersonsTeamOpenTheirPagesAndOnlyTheChairConvenes() throws Exception {
    Admitted admitted = CtrFixtures.admittedWithReviewStarted(jdbc, register, schedule, clock);
    long personId = admitted.personId();
    long reviewId = admitted.review().id();
    String reference = register.get(CtrFixtures.CHAIR, personId).entry().person().personReference();
    String name = register.get(CtrFixtures.CHAIR, personId).entry().person().displayName();

    signIn("sw.south");
    assertThat(get("/ctr/people/" + personId).statusCode()).isEqualTo(404);
    assertThat(get("/ctr/reviews/" + reviewId + "/convene").statusCode()).isEqualTo(404);
    assertThat(get("/ctr/people/" + personId).body()).doesNotContain(name);

    newBrowser();
    signIn("fin.validator");
    assertThat(get("/ctr/people/" + personId).statusCode()).isEqualTo(404);

    newBrowser();
    signIn("sw.north");
    HttpResponse<String> page = get("/ctr/people/" + personId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(name, "Convene the panel");
    assertThat(get("/people/" + reference).body())
        .contains("href=\"/ctr/people/" + personId + "\"");
    // the team reads the record, but convening is the chair's step: refused at the page
    HttpResponse<String> refused =
        post("/ctr/reviews/" + reviewId + "/convene", convening(csrf(page), "10"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("govuk-error-summary", "is not a step sw.north may take");
    assertThat(review(personId, reviewId).chair()).isNull();

    newBrowser();
    signIn("ctr.chair");
    OpenTask convene =
        workflow.openTaskOfCase(admitted.review().reference(), "Task_ConvenePanel").orElseThrow();
    HttpResponse<String> task = get("/tasks/" + convene.id());
    assertThat(task.statusCode()).isEqualTo(302);
    assertThat(task.headers().firstValue("Location").orElseThrow())
        .endsWith("/ctr/reviews/" + reviewId + "/convene");
  }

  @Test
  void badInputIsAnsweredAtTheFieldOrAsAPageNeverA500() throws Exception {
    Admitted admitted = CtrFixtures.admittedWithReviewStarted(jdbc, register, schedule, clock);
    long personId = admitted.personId();
    long reviewId = admitted.review().id();
    signIn("ctr.chair");
    assertThat(get("/ctr/people/abc").statusCode()).isEqualTo(400);
    assertThat(get("/ctr/people/999999999").statusCode()).isEqualTo(404);
    assertThat(get("/ctr/reviews/" + reviewId + "/nonsense").statusCode()).isEqualTo(404);
    assertThat(get("/ctr/reviews/999999999/convene").statusCode()).isEqualTo(404);
    assertThat(get("/ctr/reviews/" + reviewId + "/meeting").statusCode())
        .as("a step the review is not at")
        .isEqualTo(404);
    assertThat(get("/ctr/actions/999999999/done").statusCode()).isEqualTo(404);
    assertThat(get("/ctr/reviews/" + reviewId + "/convene/done").headers().firstValue("Location"))
        .as("no confirmation of a step not taken")
        .hasValueSatisfying(l -> assertThat(l).endsWith("/ctr/reviews/" + reviewId + "/convene"));

    String csrf = csrf(get("/ctr/reviews/" + reviewId + "/convene"));
    Map<String, String> bad = new LinkedHashMap<>(convening(csrf, "31"));
    bad.put("chair", "nobody");
    bad.put("meetingAt-month", "2");
    bad.put("meetingAt-time", "25:00");
    HttpResponse<String> refused = post("/ctr/reviews/" + reviewId + "/convene", bad);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains(
            "<title>Error: Convene the panel",
            "Select the chair, a commissioner from the list",
            "href=\"#chair\"",
            "The date of the meeting must be a real date");
    Map<String, String> noExpert = new LinkedHashMap<>(convening(csrf, "10"));
    noExpert.put("expertByExperience", "");
    assertThat(post("/ctr/reviews/" + reviewId + "/convene", noExpert).body())
        .contains("Select the expert by experience from the list");
    assertThat(review(personId, reviewId).chair()).isNull();

    Map<String, String> meeting = new LinkedHashMap<>();
    meeting.put("_csrf", csrf);
    meeting.put("answerSafe", "Yes");
    meeting.put("answerGoodCare", "Yes");
    meeting.put("answerFuturePlan", "Yes");
    meeting.put("answerNeedHospital", "No");
    meeting.put("rows", "abc");
    HttpResponse<String> notYet = post("/ctr/reviews/" + reviewId + "/meeting", meeting);
    assertThat(notYet.statusCode()).isEqualTo(200);
    assertThat(notYet.body()).contains("Recording the meeting is not the step this record is at");
    assertThat(review(personId, reviewId).answers()).isEmpty();

    assertThat(post("/ctr/actions/999999999/done", Map.of("_csrf", csrf, "note", "x")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aMeetingThatRecommendsADischargeSendsItsPackageToThePanel() throws Exception {
    Admitted admitted = CtrFixtures.admittedWithReviewStarted(jdbc, register, schedule, clock);
    long personId = admitted.personId();
    long reviewId = admitted.review().id();
    LocalDate meetingDay = LocalDate.now(clock).plusDays(5);
    signIn("ctr.chair");
    String csrf = csrf(get("/ctr/people/" + personId));
    String path = "/ctr/reviews/" + reviewId;
    Map<String, String> convene = convening(csrf, Integer.toString(meetingDay.getDayOfMonth()));
    convene.put("meetingAt-month", Integer.toString(meetingDay.getMonthValue()));
    convene.put("meetingAt-year", Integer.toString(meetingDay.getYear()));
    assertThat(post(path + "/convene", convene).statusCode()).isEqualTo(302);
    assertThat(
            post(path + "/consent", Map.of("_csrf", csrf, "consentBasis", "CONSENT")).statusCode())
        .isEqualTo(302);
    assertThat(post(path + "/papers", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
    CtrFixtures.meetingHeldAnHourAgo(jdbc, clock, reviewId);
    Map<String, String> meeting = new LinkedHashMap<>();
    meeting.put("_csrf", csrf);
    meeting.put("answerSafe", "Yes");
    meeting.put("answerGoodCare", "Yes");
    meeting.put("answerFuturePlan", "Yes: supported living is ready");
    meeting.put("answerNeedHospital", "No");
    meeting.put("rows", "1");
    meeting.put("dischargeRecommended", "true");
    assertThat(post(path + "/meeting", meeting).statusCode()).isEqualTo(302);
    HttpResponse<String> planPage = get(path + "/discharge-plan");
    assertThat(planPage.statusCode()).isEqualTo(200);

    Map<String, String> plan = new LinkedHashMap<>();
    plan.put("_csrf", csrf);
    plan.put("serviceType", "SUPPORTED_LIVING");
    plan.put("provider", "Oak Lodge (synthetic)");
    plan.put("weeklyGrossCost", "£1,850.00");
    plan.put("nhsSharePercent", "150");
    plan.put("dischargeDate-day", Integer.toString(meetingDay.plusDays(30).getDayOfMonth()));
    plan.put("dischargeDate-month", Integer.toString(meetingDay.plusDays(30).getMonthValue()));
    plan.put("dischargeDate-year", Integer.toString(meetingDay.plusDays(30).getYear()));
    plan.put("dischargeReason", "Ready to leave hospital with support");
    HttpResponse<String> refused = post(path + "/discharge-plan", plan);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("href=\"#nhsSharePercent\"", "The NHS share is required");
    assertThat(ctr.panelRequestOf(CtrFixtures.CHAIR, reviewId)).as("nothing sent").isEmpty();

    plan.put("nhsSharePercent", "50");
    HttpResponse<String> sent = post(path + "/discharge-plan", plan);
    assertThat(sent.statusCode()).isEqualTo(302);
    Long requestId = reviews.discharge(CtrFixtures.CHAIR, reviewId).panelRequestId();
    assertThat(requestId).isNotNull();
    HttpResponse<String> done = get(path + "/discharge-plan/done");
    assertThat(done.body())
        .contains("Discharge package sent to the panel", "package request " + requestId);
    assertThat(get("/ctr/people/" + personId).body())
        .contains("Package request " + requestId, "Oak Lodge (synthetic)");
  }

  @Test
  void theRecordReadsInWordsAndEnterOnTheMeetingPageRecordsTheMeeting() throws Exception {
    Admitted admitted = CtrFixtures.admittedWithReviewStarted(jdbc, register, schedule, clock);
    long personId = admitted.personId();
    long reviewId = admitted.review().id();
    LocalDate admittedOn = LocalDate.now(clock).minusWeeks(1);
    signIn("ctr.chair");
    HttpResponse<String> record = get("/ctr/people/" + personId);
    assertThat(record.body())
        .contains(
            "Admitted to Test Assessment Unit (synthetic) on "
                + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
                    .format(admittedOn),
            "commissioned by NHS integrated care board")
        .doesNotContain("on " + admittedOn, "Nhs integrated care board");

    String csrf = csrf(record);
    String path = "/ctr/reviews/" + reviewId;
    LocalDate meetingDay = LocalDate.now(clock).plusDays(5);
    Map<String, String> convene = convening(csrf, Integer.toString(meetingDay.getDayOfMonth()));
    convene.put("meetingAt-month", Integer.toString(meetingDay.getMonthValue()));
    convene.put("meetingAt-year", Integer.toString(meetingDay.getYear()));
    assertThat(post(path + "/convene", convene).statusCode()).isEqualTo(302);
    assertThat(
            post(path + "/consent", Map.of("_csrf", csrf, "consentBasis", "CONSENT")).statusCode())
        .isEqualTo(302);
    assertThat(post(path + "/papers", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
    CtrFixtures.meetingHeldAnHourAgo(jdbc, clock, reviewId);
    String page = get(path + "/meeting").body();
    String form = page.substring(page.indexOf("action=\"" + path + "/meeting\""));
    form = form.substring(0, form.indexOf("</form>"));
    // Enter in a field presses the form's first submit button: it must record the meeting, not
    // add a row, and it must not be a second button for the keyboard or a screen reader
    Matcher buttons = Pattern.compile("<button[^>]*type=\"submit\"[^>]*>([^<]*)<").matcher(form);
    assertThat(buttons.find()).isTrue();
    assertThat(buttons.group())
        .doesNotContain("name=\"add\"")
        .contains("tabindex=\"-1\"", "aria-hidden=\"true\"", "govuk-visually-hidden");
    assertThat(buttons.group(1).strip()).isEqualTo("Record the meeting");
    assertThat(buttons.find()).isTrue();
    assertThat(buttons.group()).contains("name=\"add\"");
    assertThat(buttons.find()).isTrue();
    assertThat(buttons.group(1).strip()).isEqualTo("Record the meeting");
    assertThat(buttons.group()).doesNotContain("name=", "tabindex", "aria-hidden");
  }

  @Test
  void theChairChasesAnOverdueActionWhichStaysOpenUntilDone() throws Exception {
    // the demo's review six weeks ago left overdue actions, chased at once (the follow-up's timer)
    OpenStep chase =
        org.awaitility.Awaitility.await("an overdue action to chase")
            .atMost(java.time.Duration.ofMinutes(2))
            .until(this::aChase, java.util.Optional::isPresent)
            .orElseThrow();
    long actionId = chase.actionId();
    signIn("ctr.chair");
    HttpResponse<String> page = get("/ctr/actions/" + actionId + "/chase");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Chase the overdue action", chase.actionText(), "Overdue");
    HttpResponse<String> refused =
        post("/ctr/actions/" + actionId + "/chase", Map.of("_csrf", csrf(page), "note", " "));
    assertThat(refused.body()).contains("Enter what was done to chase it", "href=\"#note\"");
    assertThat(ctr.isOpen(actionId, Step.CHASE)).isTrue();
    HttpResponse<String> chased =
        post(
            "/ctr/actions/" + actionId + "/chase",
            Map.of("_csrf", csrf(page), "note", "Rang the owner; they will report by Friday"));
    assertThat(chased.statusCode()).isEqualTo(302);
    assertThat(get("/ctr/actions/" + actionId + "/chase/done").body())
        .contains("Chase recorded", "stays open until");
    assertThat(ctr.isOpen(actionId, Step.CHASE)).isFalse();
    assertThat(ctr.action(CtrFixtures.CHAIR, actionId).status())
        .isEqualTo(org.carereviews.ctr.Recommendation.Status.OPEN);
  }

  private java.util.Optional<OpenStep> aChase() {
    return register.list(CtrFixtures.CHAIR, null).stream()
        .flatMap(e -> ctr.openSteps(CtrFixtures.CHAIR, e.person().personId()).stream())
        .filter(s -> s.step() == Step.CHASE)
        .findFirst();
  }

  private ReviewView review(long personId, long reviewId) {
    return register.get(CtrFixtures.CHAIR, personId).reviews().stream()
        .filter(r -> r.id() == reviewId)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, String> convening(String csrf, String day) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", csrf);
    form.put("chair", "ctr.chair");
    form.put("clinicalExpert", "ctr.clinician");
    form.put("expertByExperience", "ctr.expert");
    form.put("meetingAt-day", day);
    form.put("meetingAt-month", "12");
    form.put("meetingAt-year", "2099");
    form.put("meetingAt-time", "10:00");
    return form;
  }

  private void signIn(String user) throws IOException, InterruptedException {
    HttpResponse<String> signedIn =
        post(
            "/sign-in",
            Map.of(
                "username", user, "password", DemoUsers.PASSWORD, "_csrf", csrf(get("/sign-in"))));
    assertThat(signedIn.statusCode()).isEqualTo(302);
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package org.carereviews.workspace.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carereviews.review.ReviewProcess;
import org.carereviews.review.ReviewStarts;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestUsers;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work lists at scale: {@code ./mvnw -Pbenchmark verify -Dit.test=WorkListBenchmark}. Loads
 * {@code bench.people} (10,000) people with a package each into team NORTH, starts their reviews
 * through the product's own daily start ({@link ReviewStarts}: 10,000 review processes, each with
 * its open task offered to the team; overdue ones raise their chase tasks), allocates every fifth
 * to {@code sw.north}, then times the workspace's pages over HTTP as a signed-in browser gets them
 * (Camunda's authorizations on): the team's work with its backlog as {@code tm.north}, filtered and
 * sorted; "My work" as {@code sw.north}; a name search. Writes {@code
 * target/benchmarks/work-lists.md}. A measurement: it fails only if a page does not answer 200 with
 * its rows.
 */
@PostgresIntegrationTest
class WorkListBenchmark {

  private static final int PEOPLE = Integer.getInteger("bench.people", 10_000);
  private static final int RUNS = Integer.getInteger("bench.runs", 50);
  private static final int WARM_UP = 5;
  private static final String PASSWORD = "bench-work-lists";

  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewStarts starts;
  @Autowired Workflow workflow;
  @Autowired IdentityService identity;
  @LocalServerPort int port;

  @Test
  void workListsOverTenThousandOpenTasksInOneTeam() throws Exception {
    TestUsers.ensure(identity);
    password("tm.north");
    password("sw.north");
    Map<String, String> loading = new LinkedHashMap<>();
    loading.put("load people and packages (SQL)", seconds(this::load));
    loading.put(
        "start the reviews (ReviewStarts.startDueReviews)",
        seconds(
            () -> {
              ReviewStarts.DailyRun run = starts.startDueReviews(PEOPLE);
              assertThat(run.scheduled() + run.initial()).isEqualTo(PEOPLE);
            }));
    loading.put(
        "wait for the overdue reviews' chase tasks (job executor; at most 5 minutes)",
        seconds(
            () -> {
              try {
                await()
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> dueJobs() == 0);
              } catch (org.awaitility.core.ConditionTimeoutException stillRunning) {
                // Measured anyway, with the job executor still at work: the table says how many
                // jobs were left.
              }
            }));
    loading.put("jobs still due when timing starts", String.valueOf(dueJobs()));
    loading.put("allocate every fifth review to sw.north", seconds(this::allocate));
    jdbc.execute("analyze");

    long teamTasks =
        jdbc.queryForObject(
            """
        select count(distinct t.id_) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
        where l.group_id_ in ('team-north', 'team-north-manager')""",
            Long.class);
    long authorizations =
        jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);

    HttpClient manager = signedIn("tm.north");
    HttpClient worker = signedIn("sw.north");
    Map<String, double[]> timings = new LinkedHashMap<>();
    timings.put(
        "tm.north: My team's work with its backlog (`/team-work`)", time(manager, "/team-work"));
    timings.put(
        "tm.north: the team's overdue reviews, longest waiting first, page 3",
        time(manager, "/team-work?kind=review&overdue=true&sort=waited&page=3"));
    timings.put(
        "tm.north: My work (`/work`: chase tasks of the team's managers)", time(manager, "/work"));
    timings.put(
        "sw.north: My work (`/work`: the reviews allocated to them)", time(worker, "/work"));
    timings.put(
        "sw.north: My work, search by name (`/work?q=Bench Person 77`)",
        time(worker, "/work?q=" + URLEncoder.encode("Bench Person 77", StandardCharsets.UTF_8)));
    write(loading, teamTasks, authorizations, timings);
  }

  private long dueJobs() {
    return jdbc.queryForObject(
        "select count(*) from act_ru_job where (duedate_ is null or duedate_ <= now()) and retries_ > 0",
        Long.class);
  }

  private void password(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(PASSWORD);
    identity.saveUser(user);
  }

  private void load() {
    jdbc.update(
        "insert into team (id, code, name) select 990001, 'NORTH', 'North' "
            + "where not exists (select 1 from team where code = 'NORTH')");
    long team = jdbc.queryForObject("select id from team where code = 'NORTH'", Long.class);
    jdbc.update(
        """
        insert into person (id, reference, display_name, date_of_birth, client_group, team_id, created_at, created_by)
        select 20000000 + g, 'BWP-' || g, 'Bench Person ' || g, date '1940-01-01' + (g % 20000),
          (array['OLDER_PEOPLE', 'PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT', 'LEARNING_DISABILITY', 'MENTAL_HEALTH',
                 'AUTISM'])[1 + g % 5], ?, now(), 'bench'
        from generate_series(1, ?) g""",
        team, PEOPLE);
    jdbc.update(
        """
        insert into care_package (id, reference, person_id, created_at)
        select 20000000 + g, 'BWPKG-' || g, 20000000 + g, now() from generate_series(1, ?) g""",
        PEOPLE);
    // Next reviews due from 90 days ago to 25 days ahead: about three quarters overdue when they
    // start.
    jdbc.update(
        """
        insert into care_package_version (id, care_package_id, version_number, service_type, provider,
          weekly_gross_cost, assessed_contribution, nhs_share_percent, net_weekly_cost, start_date, end_date,
          next_review_due, reason, recorded_by, recorded_at)
        select 20000000 + g, 20000000 + g, 1, 'HOME_CARE', 'Bench Provider', 300 + g % 500, 20, 0, 280 + g % 500,
          date '2023-04-01', null, cast(? as date) - (g % 116) + 25, 'Bench', 'bench', now()
        from generate_series(1, ?) g""",
        LocalDate.now(), PEOPLE);
  }

  private void allocate() {
    List<OpenTask> open =
        workflow.openTasksOfKind(ReviewProcess.KEY, ReviewProcess.TASK_CONDUCT, null, PEOPLE);
    for (int i = 0; i < open.size(); i += 5) {
      OpenTask task = open.get(i);
      workflow.asService(() -> workflow.assign(task, "sw.north"));
    }
  }

  private HttpClient signedIn(String userId) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String page =
        client
            .send(
                HttpRequest.newBuilder(uri("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("the sign-in page's CSRF token").isTrue();
    String form =
        "username="
            + userId
            + "&password="
            + PASSWORD
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn =
        client.send(
            HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.body()).as("signed in as " + userId).contains("Sign out");
    return client;
  }

  private double[] time(HttpClient client, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build();
    double[] millis = new double[RUNS];
    for (int run = -WARM_UP; run < RUNS; run++) {
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - start;
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path + " lists tasks").contains("/tasks/");
      if (run >= 0) {
        millis[run] = took / 1_000_000.0;
      }
    }
    Arrays.sort(millis);
    return millis;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String seconds(Runnable step) {
    long start = System.nanoTime();
    step.run();
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
  }

  private static double percentile(double[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private void write(
      Map<String, String> loading,
      long teamTasks,
      long authorizations,
      Map<String, double[]> timings)
      throws IOException {
    List<String> out = new ArrayList<>();
    out.add("# Work lists over " + PEOPLE + " reviews in one team");
    out.add("");
    out.add(
        "Open tasks offered to team NORTH or its managers: "
            + teamTasks
            + "; rows in ACT_RU_AUTHORIZATION: "
            + authorizations
            + ". "
            + RUNS
            + " runs of each page after "
            + WARM_UP
            + " warm-up runs, over HTTP, signed in.");
    out.add("");
    out.add("| step | time |");
    out.add("| --- | --- |");
    loading.forEach((step, took) -> out.add("| " + step + " | " + took + " |"));
    out.add("");
    out.add("| page | p50 ms | p95 ms | max ms |");
    out.add("| --- | --- | --- | --- |");
    timings.forEach(
        (page, ms) ->
            out.add(
                String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f |",
                    page,
                    percentile(ms, 50),
                    percentile(ms, 95),
                    ms[ms.length - 1])));
    Path file = Path.of("target", "benchmarks", "work-lists.md");
    Files.createDirectories(file.getParent());
    Files.write(file, out);
    out.forEach(System.out::println);
  }
}

package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carereviews.identity.Roles;
import org.carereviews.support.Browser;
import org.carereviews.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The directors' dashboard at scale, measured in the browser: {@code ./mvnw -Pbenchmark verify}.
 * Loads the roll-up benchmark's ledger (1,000,000 cost changes over 30,000 packages, {@link
 * SavingsRollupBenchmark#load}) and gives each package its versions (a third changed in the
 * measured year) and a review (a third open, spread from a year overdue to three months ahead),
 * rebuilds the summaries, then has headless Chromium open {@code /dashboard} for the measured year
 * as a director: the time from the navigation's start to the moment the page's script has drawn
 * every chart ({@code performance.now()} when it is done), over {@value #RUNS} loads after {@value
 * #WARM_UP} warm-up loads. Writes {@code target/benchmarks/dashboard.md}.
 */
@PostgresIntegrationTest
class DashboardBenchmark {

  private static final int RUNS = Integer.getInteger("bench.pageRuns", 30);
  private static final int WARM_UP = 5;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SavingsFacts facts;
  @Autowired IdentityService identity;

  @Test
  void dashboardOverAMillionCostChangesAndThirtyThousandPackages() throws IOException {
    Map<String, String> loading = new LinkedHashMap<>();
    loading.put(
        "load ledger (SQL, as the roll-up benchmark)",
        seconds(() -> SavingsRollupBenchmark.load(jdbc)));
    loading.put("load package versions and reviews (SQL)", seconds(this::loadPackagesAndReviews));
    loading.put("rebuild projection and summaries", seconds(() -> facts.rebuild()));
    loading.put("analyze", seconds(() -> jdbc.execute("analyze")));
    String password = java.util.UUID.randomUUID().toString();
    if (identity.createGroupQuery().groupId(Roles.DIRECTOR).count() == 0) {
      identity.saveGroup(identity.newGroup(Roles.DIRECTOR));
    }
    User user = identity.newUser("bench.director");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership("bench.director", Roles.DIRECTOR);

    String page = "/dashboard?financialYear=" + SavingsRollupBenchmark.MEASURED_YEAR.toUrlForm();
    double[] millis = new double[RUNS];
    double[] serverMillis = new double[RUNS];
    Map<String, double[]> sections = new LinkedHashMap<>();
    int charts;
    try (Browser browser = Browser.start("http://localhost:" + port, "DashboardBenchmark")) {
      browser.open(page);
      browser.visible(By.id("username")).sendKeys("bench.director");
      browser.driver().findElement(By.id("password")).sendKeys(password);
      browser.driver().findElement(By.id("password")).sendKeys(Keys.ENTER);
      charts = drawn(browser)[0].intValue();
      assertThat(charts)
          .as("every section of the director's dashboard drew its charts")
          .isEqualTo(9);
      browser.screenshot("dashboard-at-scale");
      for (int i = 0; i < WARM_UP; i++) {
        browser.open(page);
        drawn(browser);
      }
      for (int i = 0; i < RUNS; i++) {
        browser.open(page);
        Number[] timing = drawn(browser);
        millis[i] = timing[1].doubleValue();
        serverMillis[i] = timing[2].doubleValue();
        @SuppressWarnings("unchecked")
        Map<String, Number> server =
            (Map<String, Number>)
                ((JavascriptExecutor) browser.driver())
                    .executeScript(
                        "var out = {}; performance.getEntriesByType('navigation')[0].serverTiming"
                            + ".forEach(function (t) { out[t.name] = t.duration; }); return out;");
        int run = i;
        server.forEach(
            (name, ms) ->
                sections.computeIfAbsent(name, k -> new double[RUNS])[run] = ms.doubleValue());
      }
      browser.screenshot("dashboard-at-scale-last");
    }
    Arrays.sort(millis);
    Arrays.sort(serverMillis);
    sections.values().forEach(Arrays::sort);
    List<String> out = new ArrayList<>();
    out.add(
        "Dashboard benchmark: "
            + SavingsRollupBenchmark.COST_CHANGES
            + " cost changes, "
            + SavingsRollupBenchmark.PACKAGES
            + " packages; /dashboard for "
            + SavingsRollupBenchmark.MEASURED_YEAR
            + " as a "
            + "director; "
            + charts
            + " charts; "
            + RUNS
            + " loads after "
            + WARM_UP
            + " warm-up loads");
    out.add(
        "PostgreSQL "
            + jdbc.queryForObject("show server_version", String.class)
            + ", Java "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    out.add("");
    out.add("| step | time |");
    out.add("| --- | --- |");
    loading.forEach((step, time) -> out.add("| " + step + " | " + time + " |"));
    out.add("");
    out.add("| measured in the browser | p50 ms | p95 ms | max ms |");
    out.add("| --- | --- | --- | --- |");
    out.add(row("navigation start to every chart drawn", millis));
    out.add(row("navigation start to the page's HTML received (responseEnd)", serverMillis));
    sections.forEach(
        (name, t) -> out.add(row("server: building the " + name + " section (Server-Timing)", t)));
    Path file = Path.of("target", "benchmarks", "dashboard.md");
    Files.createDirectories(file.getParent());
    Files.write(file, out);
    out.forEach(line -> org.slf4j.LoggerFactory.getLogger(DashboardBenchmark.class).info(line));
  }

  private void loadPackagesAndReviews() {
    int packages = SavingsRollupBenchmark.PACKAGES;
    int year = SavingsRollupBenchmark.MEASURED_YEAR.startYear();
    jdbc.update(
        """
        insert into care_package_version (id, care_package_id, version_number, service_type, provider,
          weekly_gross_cost, assessed_contribution, nhs_share_percent, net_weekly_cost, start_date, end_date,
          next_review_due, reason, recorded_by, recorded_at)
        select 10000000 + g, 10000000 + g, 1,
          (array['HOME_CARE', 'RESIDENTIAL', 'NURSING', 'SUPPORTED_LIVING', 'DAY_SERVICES', 'DIRECT_PAYMENT',
                 'SHARED_LIVES', 'RESPITE', 'EXTRA_CARE', 'TRANSPORT'])[1 + g % 10],
          'Bench provider', 500 + g % 400, 0, 0, 500 + g % 400, date '2020-04-01' + (g % 700),
          case when g % 17 = 0 then make_date(?, 12, 31) end, make_date(?, 6, 1) + (g % 300),
          'Bench package', 'bench', now()
        from generate_series(1, ?) g""",
        year, year, packages);
    jdbc.update(
        """
        insert into care_package_version (id, care_package_id, version_number, service_type, provider,
          weekly_gross_cost, assessed_contribution, nhs_share_percent, net_weekly_cost, start_date, end_date,
          next_review_due, reason, recorded_by, recorded_at)
        select 20000000 + g, 10000000 + g, 2, v.service_type, v.provider, v.weekly_gross_cost - 40, 0, 0,
          v.net_weekly_cost - 40, make_date(?, 4, 1) + (g % 360), v.end_date, v.next_review_due, 'Bench change',
          'bench', now()
        from generate_series(1, ?) g join care_package_version v on v.id = 10000000 + g
        where g % 3 = 0 and v.end_date is null""",
        year, packages);
    jdbc.update(
        """
        insert into care_review (id, reference, care_package_id, person_id, team_code, route, due_date, status,
          process_instance_id, started_by, started_at, completed_at, open_package_id)
        select 10000000 + g, 'BREV-' || g, 10000000 + g, 10000000 + g, 'BENCH-' || (1 + g % 12), 'SCHEDULED',
          current_date - 365 + (g % 455),
          case when g % 3 = 0 then 'OPEN' else 'COMPLETED' end, 'bench-' || g, 'bench', now() - interval '400 days',
          case when g % 3 = 0 then null else now() - ((g % 360) || ' days')::interval end,
          case when g % 3 = 0 then 10000000 + g end
        from generate_series(1, ?) g""",
        packages);
  }

  /**
   * Waits until every chart is drawn: charts, ms from navigation start to drawn, ms to the HTML
   * received.
   */
  private static Number[] drawn(Browser browser) {
    browser
        .waiting()
        .until(d -> d.findElement(By.tagName("body")).getAttribute("data-charts-drawn-at") != null);
    @SuppressWarnings("unchecked")
    List<Number> values =
        (List<Number>)
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "var n = performance.getEntriesByType('navigation')[0];"
                        + "return [Number(document.body.getAttribute('data-charts-drawn')),"
                        + " Number(document.body.getAttribute('data-charts-drawn-at')), n.responseEnd];");
    return values.toArray(Number[]::new);
  }

  private static String row(String name, double[] sorted) {
    return String.format(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.0f |",
        name,
        percentile(sorted, 50),
        percentile(sorted, 95),
        sorted[sorted.length - 1]);
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
  }

  private static String seconds(Runnable step) {
    long start = System.nanoTime();
    step.run();
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
  }
}

package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The savings roll-up at scale: {@code ./mvnw -Pbenchmark verify}. Loads 1,000,000 cost changes
 * across 30,000 packages and 5 financial years into PostgreSQL (with 2,000,000 status events: every
 * saving identified, 60% validated, 40% ratified, and each entry's attribution), builds the
 * projection and the roll-up's summaries through the product's own rebuild, then times, for one
 * year, the roll-up API by line and by team against the same figures from hand-written SQL {@code
 * GROUP BY}s over the ledger tables, over the projection and over the summaries the API reads.
 * Last, it times entries recorded and validated through the ledger (which keeps the summaries in
 * step) and checks the figures against the ledger again. Writes {@code
 * target/benchmarks/savings-rollup.md}.
 *
 * <p>Sizes and runs can be changed with {@code -Dbench.costChanges}, {@code -Dbench.packages} and
 * {@code -Dbench.runs}. This is a measurement, not a test: it fails only if the API and the SQL
 * disagree on the figures.
 */
@PostgresIntegrationTest
class SavingsRollupBenchmark {

  static final int COST_CHANGES = Integer.getInteger("bench.costChanges", 1_000_000);
  static final int PACKAGES = Integer.getInteger("bench.packages", 30_000);
  private static final int RUNS = Integer.getInteger("bench.runs", 50);
  private static final int WARM_UP = 5;
  private static final int FIRST_YEAR = 2022;
  private static final int YEARS = 5;
  static final FinancialYear MEASURED_YEAR = new FinancialYear(FIRST_YEAR + 3);

  /**
   * The same figures as the roll-up, straight from the append-only ledger tables (the naive way).
   */
  private static final String SQL_OVER_LEDGER =
      """
      with stage as (
        select distinct on (cost_change_id) cost_change_id, status from saving_status_event
        where status <> 'REVERSED' order by cost_change_id, occurred_at desc, id desc)
      select %1$s as grp, c.kind,
        sum(case when c.financial_year = ? then c.in_year_effect else 0 end) as identified_in_year,
        sum(case when c.financial_year = ? then c.full_year_effect else 0 end) as identified_full_year,
        sum(case when c.financial_year = ? then c.carry_forward_effect else 0 end) as identified_carried_in,
        sum(case when c.financial_year = ? and s.status <> 'IDENTIFIED' then c.in_year_effect else 0 end) as validated,
        sum(case when c.financial_year = ? and s.status = 'RATIFIED' then c.in_year_effect else 0 end) as ratified,
        count(*) as entries
      from cost_change c
      join stage s on s.cost_change_id = coalesce(c.adjusts_entry_id, c.id)
      %2$s
      where c.financial_year in (?, ?) and s.status in ('IDENTIFIED', 'VALIDATED', 'RATIFIED')
      group by %1$s, c.kind
      """;

  /** The same figures from the per-entry projection, with a plain GROUP BY. */
  private static final String SQL_OVER_PROJECTION =
      """
      select %1$s as grp, f.kind,
        sum(case when f.financial_year = ? then f.in_year_effect else 0 end) as identified_in_year,
        sum(case when f.financial_year = ? then f.full_year_effect else 0 end) as identified_full_year,
        sum(case when f.financial_year = ? then f.carry_forward_effect else 0 end) as identified_carried_in,
        sum(case when f.financial_year = ? and f.stage <> 'IDENTIFIED' then f.validated_in_year else 0 end) as validated,
        sum(case when f.financial_year = ? and f.stage = 'RATIFIED' then f.validated_in_year else 0 end) as ratified,
        count(*) as entries
      from savings_fact f
      %2$s
      where f.financial_year in (?, ?) and f.stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED')
      group by %1$s, f.kind
      """;

  /** The same figures from the summaries the API reads, with a plain GROUP BY. */
  private static final String SQL_OVER_SUMMARIES =
      """
      select s.group_key as grp, s.kind,
        sum(case when s.financial_year = ? then s.in_year_effect else 0 end) as identified_in_year,
        sum(case when s.financial_year = ? then s.full_year_effect else 0 end) as identified_full_year,
        sum(case when s.financial_year = ? then s.carry_forward_effect else 0 end) as identified_carried_in,
        sum(case when s.financial_year = ? and s.stage <> 'IDENTIFIED' then s.validated_in_year else 0 end) as validated,
        sum(case when s.financial_year = ? and s.stage = 'RATIFIED' then s.validated_in_year else 0 end) as ratified,
        sum(s.entries) as entries
      from savings_summary s
      where s.grouped_by = '%1$s' and s.financial_year in (?, ?) and s.stage in ('IDENTIFIED', 'VALIDATED', 'RATIFIED')
      group by s.group_key, s.kind
      """;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired SavingsFacts facts;
  @Autowired SavingsRollup rollup;
  @Autowired SavingsLedger ledger;
  @Autowired IdentityService identity;

  private HttpHeaders director;

  @Test
  void rollupOfAMillionCostChanges() throws IOException {
    TestUsers.ensure(identity);
    Map<String, String> loading = new LinkedHashMap<>();
    loading.put("load ledger (SQL)", seconds(() -> load(jdbc)));
    loading.put(
        "rebuild projection and summaries (SavingsFacts.rebuild)", seconds(() -> facts.rebuild()));
    loading.put("analyze", seconds(() -> jdbc.execute("analyze")));

    int y = MEASURED_YEAR.startYear();
    Object[] params = {y, y, y - 1, y, y, y, y - 1};
    String lineApi =
        "/api/savings/rollup?financialYear=" + MEASURED_YEAR.toUrlForm() + "&groupBy=line";
    String teamApi =
        "/api/savings/rollup?financialYear=" + MEASURED_YEAR.toUrlForm() + "&groupBy=team";
    // Who an entry counts for is recorded with it (cost_change_attribution, part of the ledger).
    String teamJoin = "join cost_change_attribution a on a.cost_change_id = %s";
    String lineOverLedger = SQL_OVER_LEDGER.formatted("c.savings_line_code", "");
    String teamOverLedger = SQL_OVER_LEDGER.formatted("a.team_code", teamJoin.formatted("c.id"));
    String lineOverSummaries = SQL_OVER_SUMMARIES.formatted("LINE");
    String teamOverSummaries = SQL_OVER_SUMMARIES.formatted("TEAM");

    assertSameFigures(lineApi, lineOverLedger, params);
    assertSameFigures(teamApi, teamOverLedger, params);
    assertSameFigures(lineApi, lineOverSummaries, params);
    assertSameFigures(teamApi, teamOverSummaries, params);

    Map<String, double[]> timings = new LinkedHashMap<>();
    timings.put("API roll-up by line", time(() -> api(lineApi)));
    timings.put(
        "SavingsRollup service (no HTTP), by line",
        time(() -> rollup.rollup(MEASURED_YEAR, SavingsRollup.GroupBy.LINE)));
    timings.put(
        "API sign-in and a small request (GET /api/savings/lines)",
        time(() -> api("/api/savings/lines?financialYear=" + MEASURED_YEAR.toUrlForm())));
    timings.put(
        "SQL GROUP BY over the ledger, by line",
        time(() -> jdbc.queryForList(lineOverLedger, params)));
    timings.put(
        "SQL GROUP BY over the projection, by line",
        time(
            () ->
                jdbc.queryForList(
                    SQL_OVER_PROJECTION.formatted("f.savings_line_code", ""), params)));
    timings.put(
        "SQL GROUP BY over the summaries, by line",
        time(() -> jdbc.queryForList(lineOverSummaries, params)));
    timings.put("API roll-up by team", time(() -> api(teamApi)));
    timings.put(
        "SavingsRollup service (no HTTP), by team",
        time(() -> rollup.rollup(MEASURED_YEAR, SavingsRollup.GroupBy.TEAM)));
    timings.put(
        "SQL GROUP BY over the ledger, by team",
        time(() -> jdbc.queryForList(teamOverLedger, params)));
    timings.put(
        "SQL GROUP BY over the projection, by team",
        time(
            () ->
                jdbc.queryForList(
                    SQL_OVER_PROJECTION.formatted(
                        "a.team_code", teamJoin.formatted("f.cost_change_id")),
                    params)));
    timings.put(
        "SQL GROUP BY over the summaries, by team",
        time(() -> jdbc.queryForList(teamOverSummaries, params)));

    // What keeping the summaries in step costs a write, and that they are still right after the
    // writes.
    int[] written = {0};
    timings.put(
        "ledger: record a saving and validate it (two transactions)",
        time(
            () -> {
              int n = ++written[0];
              CostChange entry =
                  ledger
                      .record(
                          new SavingsLedger.CostChangeCommand(
                              SourceProcess.REVIEW,
                              "BENCH-WRITE-" + n,
                              10000000L + n,
                              10000000L + n,
                              Money.of("5000.00"),
                              Money.of("4990.00"),
                              MEASURED_YEAR.firstDay().plusDays(n % 300),
                              SavingsKind.CASHABLE_SAVING,
                              "BENCH-1",
                              "Bench write",
                              "bench"))
                      .get(0);
              return ledger.changeStatus(
                  entry.costChangeId(), SavingStatus.VALIDATED, null, null, "bench");
            }));
    assertSameFigures(lineApi, lineOverLedger, params);
    assertSameFigures(teamApi, teamOverLedger, params);

    write(loading, timings);
  }

  /**
   * The benchmark's council and ledger, loaded with SQL (also used by the dashboard's benchmark).
   */
  static void load(JdbcTemplate jdbc) {
    jdbc.execute(
        "insert into team (id, code, name) select 900000 + g, 'BENCH-' || g, 'Bench team ' || g "
            + "from generate_series(1, 12) g");
    jdbc.execute(
        "insert into cohort (id, code, name) select 900000 + g, 'BENCH-COHORT-' || g, 'Bench cohort ' || g "
            + "from generate_series(1, 4) g");
    jdbc.update(
        """
        insert into person (id, reference, display_name, date_of_birth, client_group, team_id, created_at, created_by)
        select 10000000 + g, 'BP-' || g, 'Bench Person ' || g, date '1940-01-01' + (g % 20000),
          (array['OLDER_PEOPLE', 'PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT', 'LEARNING_DISABILITY', 'MENTAL_HEALTH',
                 'AUTISM'])[1 + g % 5],
          900000 + 1 + g % 12, now(), 'bench'
        from generate_series(1, ?) g""",
        PACKAGES);
    jdbc.update(
        """
        insert into person_cohort (person_id, cohort_id)
        select 10000000 + g, 900000 + 1 + g % 4 from generate_series(1, ?) g where g % 3 = 0""",
        PACKAGES);
    jdbc.update(
        """
        insert into care_package (id, reference, person_id, created_at)
        select 10000000 + g, 'BPKG-' || g, 10000000 + g, now() from generate_series(1, ?) g""",
        PACKAGES);
    // 30 lines over 6 themes: 20 cashable savings, 5 cost avoidance, 5 growth; a target for each
    // year.
    jdbc.execute(
        """
        insert into savings_line (code, name, theme, kind, owner)
        select 'BENCH-' || g, 'Bench line ' || g, 'Theme ' || (1 + g % 6),
          case when g <= 20 then 'CASHABLE_SAVING' when g <= 25 then 'COST_AVOIDANCE' else 'GROWTH' end, 'ASC'
        from generate_series(1, 30) g""");
    jdbc.execute(
        """
        insert into savings_target (id, savings_line_code, financial_year, target)
        select 900000 + g * 10 + y, 'BENCH-' || g, %d + y, case when g <= 25 then -500000 else 200000 end
        from generate_series(1, 30) g, generate_series(0, %d) y"""
            .formatted(FIRST_YEAR, YEARS - 1));
    jdbc.update(
        """
        insert into cost_change (id, entry_type, source_key, source_process, source_reference, care_package_id, person_id,
          old_net_weekly_cost, new_net_weekly_cost, weekly_delta, effective_date, financial_year, full_year_effect,
          in_year_effect, carry_forward_effect, kind, savings_line_code, reason, recorded_by, recorded_at)
        select g, 'CHANGE', 'BENCH:' || g, 'REVIEW', g::text, 10000000 + p, 10000000 + p,
          old_cost, old_cost + delta, delta, effective, fy, full_year, in_year, full_year - in_year,
          case when line <= 20 then 'CASHABLE_SAVING' when line <= 25 then 'COST_AVOIDANCE' else 'GROWTH' end,
          'BENCH-' || line, 'Bench review outcome', 'bench', now()
        from (
          select g, p, fy, effective, line, old_cost, delta,
            round(delta * 365 / 7.0, 2) as full_year,
            round(delta * ((make_date(fy + 1, 3, 31) - effective) + 1) / 7.0, 2) as in_year
          from (
            -- g spreads over years by g % 5, over packages and lines by g / 5, so every year has every line,
            -- team and package, and a package's changes fall on several lines.
            select g, 1 + (g / ?) % ? as p, ? + g % ? as fy,
              make_date(? + g % ?, 4, 1) + ((g::bigint * 7919) % 365)::int as effective,
              1 + (g / ? / 7) % 30 as line,
              500 + (g % 400) as old_cost,
              case when 1 + (g / ? / 7) % 30 <= 25 then -(5 + (g * 13) % 195) else 5 + (g * 17) % 95 end as delta
            from generate_series(1, ?) g) raw) computed""",
        YEARS, PACKAGES, FIRST_YEAR, YEARS, FIRST_YEAR, YEARS, YEARS, YEARS, COST_CHANGES);
    // Each bench person is in one cohort at most, so the join gives one row per entry.
    jdbc.update(
        """
        insert into cost_change_attribution (cost_change_id, team_code, client_group, cohorts)
        select c.id, t.code, p.client_group, co.code
        from cost_change c join person p on p.id = c.person_id join team t on t.id = p.team_id
        left join person_cohort pc on pc.person_id = p.id left join cohort co on co.id = pc.cohort_id""");
    jdbc.update(
        """
        insert into saving_status_event (id, cost_change_id, status, actor, occurred_at)
        select g, g, 'IDENTIFIED', 'bench', timestamp '2020-01-01' from generate_series(1, ?) g""",
        COST_CHANGES);
    jdbc.update(
        """
        insert into saving_status_event (id, cost_change_id, status, actor, occurred_at)
        select ? + g, g, case when g % 10 < 4 then 'RATIFIED' else 'VALIDATED' end, 'bench', timestamp '2020-02-01'
        from generate_series(1, ?) g where g % 10 < 6""",
        COST_CHANGES, COST_CHANGES);
    jdbc.execute("select setval('cost_change_seq', (select max(id) from cost_change) + 100)");
    jdbc.execute(
        "select setval('saving_status_event_seq', (select max(id) from saving_status_event) + 100)");
  }

  private void assertSameFigures(String url, String sql, Object[] params) {
    JsonNode rollup = api(url);
    Map<String, BigDecimal> fromSql = new LinkedHashMap<>();
    jdbc.query(
        sql,
        rs -> {
          fromSql.put(
              rs.getString("grp") + "/" + rs.getString("kind"),
              rs.getBigDecimal("identified_in_year"));
        },
        params);
    Map<String, BigDecimal> fromApi = new LinkedHashMap<>();
    rollup
        .get("rows")
        .forEach(
            row ->
                fromApi.put(
                    row.get("group").asText() + "/" + row.get("kind").asText(),
                    row.at("/identified/inYear").decimalValue()));
    fromSql.forEach(
        (key, value) -> assertThat(fromApi.get(key)).as(key).isEqualByComparingTo(value));
    // Groups the API shows beyond the SQL's are lines with a target and nothing recorded.
    fromApi.forEach(
        (key, value) ->
            assertThat(fromSql.containsKey(key) || value.signum() == 0).as(key).isTrue());
  }

  private JsonNode api(String url) {
    if (director == null) {
      // One client, as a browser or a finance tool keeps one: the connection is reused between
      // requests.
      director = Api.signedIn("director");
    }
    ResponseEntity<JsonNode> response =
        rest.exchange(url, HttpMethod.GET, new HttpEntity<>(director), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static double[] time(Supplier<?> query) {
    for (int i = 0; i < WARM_UP; i++) {
      query.get();
    }
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      query.get();
      millis[i] = (System.nanoTime() - start) / 1_000_000.0;
    }
    Arrays.sort(millis);
    return millis;
  }

  private static String seconds(Runnable step) {
    long start = System.nanoTime();
    step.run();
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
  }

  private void write(Map<String, String> loading, Map<String, double[]> timings)
      throws IOException {
    List<String> out = new ArrayList<>();
    out.add(
        "Savings roll-up benchmark: "
            + COST_CHANGES
            + " cost changes, "
            + PACKAGES
            + " packages, "
            + YEARS
            + " financial years; measured year "
            + MEASURED_YEAR
            + "; "
            + RUNS
            + " runs after "
            + WARM_UP
            + " warm-up runs");
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
    out.add("| query | p50 ms | p95 ms | max ms |");
    out.add("| --- | --- | --- | --- |");
    timings.forEach(
        (name, t) ->
            out.add(
                String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f |",
                    name,
                    percentile(t, 50),
                    percentile(t, 95),
                    t[t.length - 1])));
    out.add("");
    for (String by : List.of("line", "team")) {
      double api = percentile(timings.get("API roll-up by " + by), 95);
      double service = percentile(timings.get("SavingsRollup service (no HTTP), by " + by), 95);
      double overLedger = percentile(timings.get("SQL GROUP BY over the ledger, by " + by), 95);
      double projection = percentile(timings.get("SQL GROUP BY over the projection, by " + by), 95);
      double summaries = percentile(timings.get("SQL GROUP BY over the summaries, by " + by), 95);
      out.add(
          String.format(
              Locale.ROOT,
              "By %s, ratios of p95: API / SQL over the ledger = %.3f; API / SQL over the "
                  + "projection = %.3f; API / SQL over the summaries = %.1f; service / SQL over the summaries = %.1f",
              by,
              api / overLedger,
              api / projection,
              api / summaries,
              service / summaries));
    }
    Path file = Path.of("target", "benchmarks", "savings-rollup.md");
    Files.createDirectories(file.getParent());
    Files.write(file, out);
    out.forEach(line -> org.slf4j.LoggerFactory.getLogger(SavingsRollupBenchmark.class).info(line));
  }
}

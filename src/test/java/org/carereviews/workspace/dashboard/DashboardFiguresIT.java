package org.carereviews.workspace.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.demo.DemoUsers;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.support.EmbeddedDefaultTest;
import org.carereviews.workspace.dashboard.DashboardTables.Cell;
import org.carereviews.workspace.dashboard.DashboardTables.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every figure the dashboard shows (its tables, which the page renders, the charts draw and the
 * exports write) equals the API's figure for the same query, and every drill-down adds up to its
 * figure; on the embedded default's demo data, read as the director.
 */
@EmbeddedDefaultTest
class DashboardFiguresIT {

  private static final CareUser DIRECTOR =
      new CareUser("director", Set.of(Roles.DIRECTOR), Set.of());

  @Autowired Dashboard dashboard;
  @Autowired Budgets budgets;
  @Autowired TestRestTemplate rest;

  private FinancialYear year;
  private Dashboard.View view;

  @BeforeEach
  void read() {
    year = FinancialYear.containing(dashboard.today());
    view = dashboard.view(DIRECTOR, new Dashboard.Query(year, year.lastDay()));
  }

  private JsonNode api(String user, String path) {
    ResponseEntity<JsonNode> answer =
        rest.withBasicAuth(user, DemoUsers.PASSWORD).getForEntity(path, JsonNode.class);
    assertThat(answer.getStatusCode())
        .as(path + " answered " + answer.getBody())
        .isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static BigDecimal value(Cell cell) {
    return cell.value() == null ? null : new BigDecimal(cell.value().toString());
  }

  private static BigDecimal money(JsonNode node) {
    return node == null || node.isNull() ? null : node.decimalValue().setScale(2);
  }

  private static String kindLabel(String kind) {
    return Dashboard.kindLabel(org.carereviews.savings.SavingsKind.valueOf(kind));
  }

  @Test
  void theSavingsTablesAreTheRollupsFiguresAndEveryDrillDownAddsUpToItsFigure() {
    int drilled = 0;
    for (String groupBy : List.of("line", "theme")) {
      JsonNode rollup =
          api(
              "director",
              "/api/savings/rollup?financialYear=" + year.toUrlForm() + "&groupBy=" + groupBy);
      Table table = view.table("savings-by-" + groupBy);
      List<JsonNode> expected = new ArrayList<>();
      rollup.get("rows").forEach(expected::add);
      rollup.get("totals").forEach(expected::add);
      assertThat(table.rows()).hasSize(expected.size()).isNotEmpty();
      for (int i = 0; i < expected.size(); i++) {
        JsonNode row = expected.get(i);
        List<Cell> cells = table.rows().get(i);
        String group = row.hasNonNull("group") ? row.get("group").asText() : "Total";
        assertThat(cells.get(0).text()).isEqualTo(group);
        assertThat(cells.get(1).text()).isEqualTo(kindLabel(row.get("kind").asText()));
        assertThat(value(cells.get(2))).as(group + " target").isEqualTo(money(row.get("target")));
        String[] stages = {"identified", "validated", "ratified"};
        for (int s = 0; s < 3; s++) {
          Cell cell = cells.get(3 + s);
          assertThat(value(cell))
              .as(group + " " + stages[s])
              .isEqualTo(money(row.get(stages[s]).get("incremental")));
          // The drill-down behind the figure: in-year and carried-in entries add up to it, to the
          // penny.
          String query = cell.href().substring(cell.href().indexOf('?') + 1);
          BigDecimal inYear =
              money(
                  api("director", "/api/savings/rollup/entries?" + query + "&part=inYear&size=1")
                      .get("total"));
          BigDecimal carriedIn =
              money(
                  api("director", "/api/savings/rollup/entries?" + query + "&part=carriedIn&size=1")
                      .get("total"));
          assertThat(inYear.add(carriedIn))
              .as("drill-down of " + group + " " + stages[s])
              .isEqualTo(value(cell));
          drilled++;
        }
        assertThat(value(cells.get(6)))
            .isEqualTo(
                row.get("ratified").hasNonNull("percentOfTarget")
                    ? row.get("ratified").get("percentOfTarget").decimalValue()
                    : null);
        assertThat(value(cells.get(7)))
            .as(group + " forecast")
            .isEqualTo(money(row.get("forecast")));
        assertThat(value(cells.get(8)))
            .as(group + " variance")
            .isEqualTo(money(row.get("variance")));
        assertThat(cells.get(9).text())
            .isEqualTo(
                !row.hasNonNull("target") ? "" : row.get("atRisk").asBoolean() ? "Yes" : "No");
      }
    }
    assertThat(drilled).isGreaterThan(10);
  }

  @Test
  void theTrajectoryFunnelAndLinesAtRiskAreTheRollupsFigures() {
    JsonNode byLine =
        api("director", "/api/savings/rollup?financialYear=" + year.toUrlForm() + "&groupBy=line");
    Map<String, JsonNode> totals = new HashMap<>();
    byLine.get("totals").forEach(t -> totals.put(t.get("kind").asText(), t));
    JsonNode cashable = totals.get("CASHABLE_SAVING");

    List<List<Cell>> trajectory = view.table("savings-trajectory").rows();
    assertThat(trajectory).hasSize(12);
    List<Cell> march = trajectory.get(11);
    assertThat(value(march.get(1))).isEqualTo(money(cashable.get("identified").get("incremental")));
    assertThat(value(march.get(2))).isEqualTo(money(cashable.get("validated").get("incremental")));
    assertThat(value(march.get(3))).isEqualTo(money(cashable.get("ratified").get("incremental")));
    assertThat(value(march.get(4))).isEqualTo(money(cashable.get("target")));
    // Month by month: the API's roll-up by month, accumulated.
    JsonNode byMonth =
        api("director", "/api/savings/rollup?financialYear=" + year.toUrlForm() + "&groupBy=month");
    BigDecimal running = BigDecimal.ZERO.setScale(2);
    Map<String, BigDecimal> monthly = new HashMap<>();
    for (JsonNode row : byMonth.get("rows")) {
      if (row.get("kind").asText().equals("CASHABLE_SAVING")) {
        if (row.get("group").asText().startsWith("carried in")) {
          running = running.add(money(row.get("ratified").get("carriedIn")));
        } else {
          monthly.put(row.get("group").asText(), money(row.get("ratified").get("inYear")));
        }
      }
    }
    LocalDate month = year.firstDay();
    for (List<Cell> row : trajectory) {
      running =
          running.add(monthly.getOrDefault(month.toString().substring(0, 7), BigDecimal.ZERO));
      assertThat(value(row.get(3))).as("ratified by " + row.get(0).text()).isEqualTo(running);
      month = month.plusMonths(1);
    }

    for (List<Cell> row : view.table("savings-funnel").rows()) {
      JsonNode total =
          totals.values().stream()
              .filter(t -> kindLabel(t.get("kind").asText()).equals(row.get(0).text()))
              .findFirst()
              .orElseThrow();
      assertThat(value(row.get(1))).isEqualTo(money(total.get("identified").get("incremental")));
      assertThat(value(row.get(2))).isEqualTo(money(total.get("validated").get("incremental")));
      assertThat(value(row.get(3))).isEqualTo(money(total.get("ratified").get("incremental")));
    }

    List<String> atRisk = new ArrayList<>();
    byLine
        .get("rows")
        .forEach(
            r -> {
              if (r.get("atRisk").asBoolean()) {
                atRisk.add(r.get("group").asText());
              }
            });
    assertThat(view.table("lines-at-risk").rows().stream().map(r -> r.get(0).text()).toList())
        .containsExactlyElementsOf(atRisk);
  }

  @Test
  void theSpendForecastCarriesTheUnratifiedSavingsOfTheRollupAndMovesWithTheBudgets() {
    JsonNode byGroup =
        api(
            "director",
            "/api/savings/rollup?financialYear=" + year.toUrlForm() + "&groupBy=clientGroup");
    Map<String, BigDecimal> unratified = new HashMap<>();
    byGroup
        .get("rows")
        .forEach(
            r -> {
              if (r.get("kind").asText().equals("CASHABLE_SAVING")) {
                unratified.put(
                    r.get("group").asText(),
                    money(r.get("identified").get("incremental"))
                        .subtract(money(r.get("ratified").get("incremental"))));
              }
            });
    List<Dashboard.SpendRow> rows = dashboard.spendRows(year);
    for (Dashboard.SpendRow row : rows) {
      assertThat(row.unratified().amount())
          .as(row.group().name())
          .isEqualTo(unratified.getOrDefault(row.group().name(), BigDecimal.ZERO.setScale(2)));
      assertThat(row.forecast()).isEqualTo(row.spent().plus(row.committed()));
      assertThat(row.forecastIfUnratifiedFail()).isEqualTo(row.forecast().minus(row.unratified()));
    }
    assertThat(rows.stream().map(Dashboard.SpendRow::forecast).reduce(Money.ZERO, Money::plus))
        .as("forecast by client group and by service type add up to the same")
        .isEqualTo(
            view.table("spend-by-service-type").rows().stream()
                .map(r -> Money.rounded(value(r.get(3))))
                .reduce(Money.ZERO, Money::plus));

    // A budget for every group of a year nobody else uses: the variance is forecast minus budget.
    FinancialYear later = year.next().next().next();
    StringBuilder csv = new StringBuilder("financialYear,clientGroup,budget\n");
    for (org.carereviews.casebook.ClientGroup group :
        org.carereviews.casebook.ClientGroup.values()) {
      csv.append(later).append(',').append(group.name()).append(",1000000\n");
    }
    budgets.importCsv(new StringReader(csv.toString()), "fin.head");
    for (Dashboard.SpendRow row : dashboard.spendRows(later)) {
      assertThat(row.budget()).isEqualTo(Money.of("1000000"));
      assertThat(row.variance()).isEqualTo(row.forecast().minus(Money.of("1000000")));
    }
  }

  @Test
  void theReviewBacklogIsTheReviewsApisCounts() {
    Table backlog = view.table("review-backlog");
    assertThat(backlog.rows()).isNotEmpty();
    for (List<Cell> row : backlog.rows()) {
      String team = row.get(0).text();
      long overdue =
          api("director", "/api/reviews/overdue?team=" + team + "&size=1")
              .get("totalElements")
              .asLong();
      assertThat(value(row.get(2 + overdueBands().size())).longValue())
          .as(team + " overdue")
          .isEqualTo(overdue);
      long open = 0;
      for (String status :
          List.of("OPEN", "AWAITING_PANEL", "AWAITING_NHS_DECISION", "REASSESSMENT")) {
        open +=
            api("director", "/api/reviews?team=" + team + "&status=" + status + "&size=1")
                .get("totalElements")
                .asLong();
      }
      assertThat(value(row.get(1)).longValue() + overdue).as(team + " open").isEqualTo(open);
    }
  }

  private static List<String> overdueBands() {
    return org.carereviews.review.ReviewBacklog.OVERDUE_BANDS;
  }

  @Test
  void thePanelsFiguresAreItsMeasures() {
    LocalDate today = dashboard.today();
    LocalDate from =
        today
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
            .minusWeeks(Dashboard.PANEL_WEEKS - 1);
    JsonNode measures =
        api(
            "director",
            UriComponentsBuilder.fromPath("/api/panel/measures")
                .queryParam("from", from)
                .queryParam("to", today)
                .queryParam("groupBy", "TEAM")
                .toUriString());
    Map<String, JsonNode> byTeam = new HashMap<>();
    measures.get("rows").forEach(r -> byTeam.put(r.get("group").asText(), r));
    byTeam.put("All teams", measures.get("total"));
    Table teams = view.table("panel-teams");
    assertThat(teams.rows()).hasSize(byTeam.size());
    for (List<Cell> row : teams.rows()) {
      JsonNode expected = byTeam.get(row.get(0).text());
      assertThat(value(row.get(1)).intValue()).isEqualTo(expected.get("decisions").asInt());
      assertThat(value(row.get(3)))
          .isEqualTo(
              expected.hasNonNull("medianHoursToDecision")
                  ? expected.get("medianHoursToDecision").decimalValue()
                  : null);
    }
    long weekly =
        view.table("panel-weeks").rows().stream()
            .mapToLong(r -> value(r.get(r.size() - 1)).longValue())
            .sum();
    assertThat(weekly).isEqualTo(measures.get("total").get("decisions").asLong());
    long waiting =
        view.table("panel-waiting").rows().stream()
            .mapToLong(r -> value(r.get(1)).longValue())
            .sum();
    assertThat(waiting)
        .isEqualTo(api("panel.asc", "/api/panel/meetings/" + today).get("agenda").size());
  }

  @Test
  void theCtrCountsAreTheOverviewsForSomeoneWhoSeesEveryone() {
    JsonNode overview = api("ctr.chair", "/api/ctr/overview");
    Map<String, Long> counts = new HashMap<>();
    view.table("ctr-register")
        .rows()
        .forEach(r -> counts.put(r.get(0).text(), value(r.get(1)).longValue()));
    assertThat(counts.get("Red: at risk of admission"))
        .isEqualTo(overview.get("registerByRating").get("RED").asLong());
    assertThat(counts.get("Amber"))
        .isEqualTo(overview.get("registerByRating").get("AMBER").asLong());
    assertThat(counts.get("Green"))
        .isEqualTo(overview.get("registerByRating").get("GREEN").asLong());
    assertThat(counts.get("Blue: in hospital"))
        .isEqualTo(overview.get("registerByRating").get("BLUE").asLong());
    Map<String, Long> work = new HashMap<>();
    view.table("ctr-work")
        .rows()
        .forEach(r -> work.put(r.get(0).text(), value(r.get(1)).longValue()));
    assertThat(work.get("Inpatients")).isEqualTo(overview.get("inpatientsByLengthOfStay").size());
    assertThat(work.get("CTRs and visits due (open or falling due soon)"))
        .isEqualTo(overview.get("reviewsDue").size());
    assertThat(work.get("CTRs and visits overdue"))
        .isEqualTo(overview.get("reviewsOverdue").asLong());
    assertThat(work.get("Actions open")).isEqualTo(overview.get("actionsOpen").size());
    assertThat(work.get("Actions overdue")).isEqualTo(overview.get("actionsOverdue").asLong());
  }
}

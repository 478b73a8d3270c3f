package org.carereviews.workspace.dashboard;

import static org.carereviews.workspace.dashboard.DashboardTables.saved;
import static org.carereviews.workspace.dashboard.DashboardTables.whole;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageCommitments;
import org.carereviews.casebook.PackageCommitments.Commitment;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.ctr.CtrCounts;
import org.carereviews.ctr.Rating;
import org.carereviews.identity.CareUser;
import org.carereviews.panel.PanelAgenda;
import org.carereviews.panel.PanelMeasures;
import org.carereviews.panel.PanelMeasures.DecisionTime;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.review.ReviewBacklog;
import org.carereviews.review.ReviewBacklog.CohortReviews;
import org.carereviews.review.ReviewBacklog.TeamBacklog;
import org.carereviews.review.ReviewBacklog.TeamMonth;
import org.carereviews.savings.SavingsDrillDown.Stage;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsRollup;
import org.carereviews.savings.SavingsRollup.Figures;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.savings.SavingsRollup.Rollup;
import org.carereviews.workspace.dashboard.DashboardTables.Cell;
import org.carereviews.workspace.dashboard.DashboardTables.Chart;
import org.carereviews.workspace.dashboard.DashboardTables.Series;
import org.carereviews.workspace.dashboard.DashboardTables.Table;
import org.springframework.stereotype.Service;

/**
 * The directors' dashboard, built from the capabilities' own read services (the same figures as
 * their APIs): savings against target, the spend forecast against budgets, the review backlog, the
 * panel and the CTR register. Each section is a list of tables and charts; who sees which section
 * follows the API's rules for the same figures ({@link DashboardAccess}).
 */
@Service
class Dashboard {

  /** Weeks of completions that measure a team's rate, and of panel decisions shown. */
  static final int RATE_WEEKS = 12;

  static final int PANEL_WEEKS = 12;

  record Query(FinancialYear year, LocalDate clearBy) {}

  record Section(
      String id, String title, List<String> summary, List<Chart> charts, List<Table> tables) {}

  /**
   * {@code timings}: milliseconds each section took to build, for the page's {@code Server-Timing}
   * header.
   */
  record View(Query query, LocalDate today, List<Section> sections, Map<String, Double> timings) {

    Table table(String id) {
      return sections.stream()
          .flatMap(s -> s.tables().stream())
          .filter(t -> t.id().equals(id))
          .findFirst()
          .orElse(null);
    }
  }

  private final SavingsRollup rollup;
  private final PackageCommitments commitments;
  private final Budgets budgets;
  private final ReviewBacklog reviews;
  private final PanelMeasures panelMeasures;
  private final PanelAgenda agenda;
  private final CtrCounts ctr;
  private final Clock clock;

  Dashboard(
      SavingsRollup rollup,
      PackageCommitments commitments,
      Budgets budgets,
      ReviewBacklog reviews,
      PanelMeasures panelMeasures,
      PanelAgenda agenda,
      CtrCounts ctr,
      Clock clock) {
    this.rollup = rollup;
    this.commitments = commitments;
    this.budgets = budgets;
    this.reviews = reviews;
    this.panelMeasures = panelMeasures;
    this.agenda = agenda;
    this.ctr = ctr;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Builds the sections the user may read. They are independent reads, so they are built side by
   * side (each in its own read-only transaction) and the page waits for the slowest rather than for
   * their sum.
   */
  View view(CareUser user, Query query) {
    List<java.util.function.Supplier<Section>> builds = new ArrayList<>();
    if (DashboardAccess.readsSavings(user)) {
      builds.add(() -> savings(query.year()));
      builds.add(() -> spend(query.year()));
    }
    if (DashboardAccess.readsReviews(user)) {
      builds.add(() -> reviews(query));
    }
    if (DashboardAccess.readsPanel(user)) {
      builds.add(this::panel);
    }
    if (DashboardAccess.readsCtrCounts(user)) {
      builds.add(this::ctr);
    }
    List<java.util.concurrent.CompletableFuture<Timed>> running =
        builds.stream()
            .map(
                build ->
                    java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> {
                          long start = System.nanoTime();
                          Section section = build.get();
                          return new Timed(section, (System.nanoTime() - start) / 1e6);
                        },
                        SECTIONS))
            .toList();
    List<Section> sections = new ArrayList<>();
    Map<String, Double> timings = new LinkedHashMap<>();
    for (java.util.concurrent.CompletableFuture<Timed> future : running) {
      Timed timed = future.join();
      sections.add(timed.section());
      timings.put(timed.section().id(), timed.millis());
    }
    return new View(query, today(), sections, timings);
  }

  private record Timed(Section section, double millis) {}

  /** Threads that build sections: as many as there are sections, daemon, named for thread dumps. */
  private static final java.util.concurrent.ExecutorService SECTIONS =
      java.util.concurrent.Executors.newFixedThreadPool(
          5,
          runnable -> {
            Thread thread = new Thread(runnable, "dashboard-section");
            thread.setDaemon(true);
            return thread;
          });

  // ---- 1. Savings against target
  // ------------------------------------------------------------------------

  static String entriesLink(
      FinancialYear year, GroupBy groupBy, String group, SavingsKind kind, Stage stage) {
    StringBuilder link =
        new StringBuilder("/dashboard/entries?financialYear=").append(year.toUrlForm());
    if (groupBy != null) {
      link.append("&groupBy=").append(groupBy.parameter()).append("&group=").append(encode(group));
    }
    if (kind != null) {
      link.append("&kind=").append(kind.name());
    }
    return link.append("&stage=").append(stage.name()).toString();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  static String kindLabel(SavingsKind kind) {
    return switch (kind) {
      case CASHABLE_SAVING -> "Cashable saving";
      case COST_AVOIDANCE -> "Cost avoidance";
      case GROWTH -> "Growth";
    };
  }

  Section savings(FinancialYear year) {
    Rollup byLine = rollup.rollup(year, GroupBy.LINE);
    Rollup byTheme = rollup.rollup(year, GroupBy.THEME);
    Rollup byMonth = rollup.rollup(year, GroupBy.MONTH);
    List<Chart> charts = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    Figures cashable =
        byLine.totals().stream()
            .filter(t -> t.kind() == SavingsKind.CASHABLE_SAVING)
            .findFirst()
            .orElse(null);
    if (cashable != null) {
      summary.add(
          "Cashable savings "
              + year
              + ": target "
              + money(cashable.target() == null ? null : cashable.target().negate())
              + "; identified "
              + moneySaved(cashable.identified().incremental())
              + ", validated "
              + moneySaved(cashable.validated().incremental())
              + ", ratified (delivered) "
              + moneySaved(cashable.ratified().incremental())
              + percent(cashable.ratified().percentOfTarget())
              + "; forecast "
              + moneySaved(cashable.forecast())
              + ".");
    }
    summary.add(
        "The charts draw savings as amounts saved; the tables and exports sign them as the ledger does "
            + "(a saving is negative, a target too). Select a figure to see the cost changes behind it.");
    long atRisk = byLine.rows().stream().filter(Figures::atRisk).count();
    summary.add(
        atRisk == 0
            ? "No savings line is at risk of non-delivery."
            : atRisk
                + (atRisk == 1 ? " savings line is" : " savings lines are")
                + " at risk of non-delivery.");

    charts.add(
        stageChart(
            "savings-by-line",
            "Savings by line against target, " + year,
            byLine,
            year,
            GroupBy.LINE,
            "savings-by-line"));
    tables.add(
        stageTable(
            "savings-by-line",
            "Savings by line, " + year + " (incremental: in-year plus carried in)",
            byLine,
            year,
            GroupBy.LINE));
    charts.add(
        stageChart(
            "savings-by-theme",
            "Savings by theme against target, " + year,
            byTheme,
            year,
            GroupBy.THEME,
            "savings-by-theme"));
    tables.add(
        stageTable("savings-by-theme", "Savings by theme, " + year, byTheme, year, GroupBy.THEME));

    trajectory(year, byMonth, cashable, charts, tables);
    funnel(year, byLine, charts, tables);

    List<List<Cell>> risk = new ArrayList<>();
    for (Figures row : byLine.rows()) {
      if (row.atRisk()) {
        risk.add(
            List.of(
                Cell.text(row.group()),
                Cell.text(kindLabel(row.kind())),
                Cell.money(row.target()),
                Cell.money(row.forecast()),
                Cell.money(row.variance()),
                Cell.money(
                    row.ratified().incremental(),
                    entriesLink(year, GroupBy.LINE, row.group(), row.kind(), Stage.RATIFIED))));
      }
    }
    tables.add(
        new Table(
            "lines-at-risk",
            "Lines at risk of non-delivery, " + year,
            List.of("Line", "Kind", "Target", "Forecast", "Variance", "Ratified"),
            risk));
    return new Section("savings", "Savings against target", summary, charts, tables);
  }

  private static String money(Money money) {
    return money == null ? "none" : DashboardTables.formatMoney(money);
  }

  private static String moneySaved(Money money) {
    return money == null ? "none" : DashboardTables.formatMoney(money.negate());
  }

  private static String percent(BigDecimal percent) {
    return percent == null ? "" : " (" + percent.toPlainString() + "% of target)";
  }

  /**
   * Stacked bars of savings (amounts saved, positive): ratified, validated not ratified, identified
   * not validated; the target marked.
   */
  private static Chart stageChart(
      String id, String title, Rollup rollup, FinancialYear year, GroupBy groupBy, String tableId) {
    List<String> categories = new ArrayList<>();
    List<BigDecimal> ratified = new ArrayList<>();
    List<BigDecimal> validated = new ArrayList<>();
    List<BigDecimal> identified = new ArrayList<>();
    List<BigDecimal> target = new ArrayList<>();
    List<String> ratifiedLinks = new ArrayList<>();
    List<String> validatedLinks = new ArrayList<>();
    List<String> identifiedLinks = new ArrayList<>();
    for (Figures row : rollup.rows()) {
      if (row.kind() == SavingsKind.GROWTH) {
        continue;
      }
      categories.add(
          row.group() + (row.kind() == SavingsKind.COST_AVOIDANCE ? " (avoidance)" : ""));
      ratified.add(saved(row.ratified().incremental()));
      validated.add(saved(row.validated().incremental().minus(row.ratified().incremental())));
      identified.add(saved(row.identified().incremental().minus(row.validated().incremental())));
      target.add(row.target() == null ? null : saved(row.target()));
      ratifiedLinks.add(entriesLink(year, groupBy, row.group(), row.kind(), Stage.RATIFIED));
      validatedLinks.add(entriesLink(year, groupBy, row.group(), row.kind(), Stage.VALIDATED));
      identifiedLinks.add(entriesLink(year, groupBy, row.group(), row.kind(), Stage.IDENTIFIED));
    }
    List<Series> series =
        List.of(
            new Series("Ratified (delivered)", ratified, "stage", "bar", ratifiedLinks),
            new Series("Validated, not yet ratified", validated, "stage", "bar", validatedLinks),
            new Series(
                "Identified, not yet validated", identified, "stage", "bar", identifiedLinks),
            new Series("Target", target, null, "target", null));
    return new Chart(
        id,
        title,
        "Each bar is one "
            + (groupBy == GroupBy.LINE ? "savings line" : "theme")
            + "'s saving in "
            + year
            + " (growth lines are in the table only), split by stage, with its target "
            + "marked; select a part of a bar to see the cost changes behind it. The figures are in the table "
            + "that follows.",
        tableId,
        DashboardTables.spec("bar", categories, series, "Saving (£)"));
  }

  private static Table stageTable(
      String id, String caption, Rollup rollup, FinancialYear year, GroupBy groupBy) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Figures row : rollup.rows()) {
      rows.add(stageRow(row.group(), row, year, groupBy));
    }
    for (Figures total : rollup.totals()) {
      rows.add(stageRow("Total", total, year, null));
    }
    return new Table(
        id,
        caption,
        List.of(
            groupBy == GroupBy.LINE ? "Line" : "Theme",
            "Kind",
            "Target",
            "Identified",
            "Validated",
            "Ratified",
            "Ratified % of target",
            "Forecast",
            "Variance",
            "At risk"),
        rows);
  }

  private static List<Cell> stageRow(
      String group, Figures row, FinancialYear year, GroupBy groupBy) {
    String groupValue = groupBy == null ? null : group;
    return List.of(
        Cell.text(group),
        Cell.text(kindLabel(row.kind())),
        Cell.money(row.target()),
        Cell.money(
            row.identified().incremental(),
            entriesLink(year, groupBy, groupValue, row.kind(), Stage.IDENTIFIED)),
        Cell.money(
            row.validated().incremental(),
            entriesLink(year, groupBy, groupValue, row.kind(), Stage.VALIDATED)),
        Cell.money(
            row.ratified().incremental(),
            entriesLink(year, groupBy, groupValue, row.kind(), Stage.RATIFIED)),
        Cell.number(row.ratified().percentOfTarget(), "%"),
        Cell.money(row.forecast()),
        Cell.money(row.variance()),
        Cell.text(row.target() == null ? "" : row.atRisk() ? "Yes" : "No"));
  }

  /**
   * Cumulative cashable savings month by month (what was carried in from last year counts from
   * April), against the target spread evenly over the twelve months (the programme holds no monthly
   * profile).
   */
  private static void trajectory(
      FinancialYear year,
      Rollup byMonth,
      Figures cashableTotal,
      List<Chart> charts,
      List<Table> tables) {
    Map<String, Figures> months = new TreeMap<>();
    Figures carried = null;
    for (Figures row : byMonth.rows()) {
      if (row.kind() != SavingsKind.CASHABLE_SAVING) {
        continue;
      }
      if (row.group().startsWith("carried in")) {
        carried = row;
      } else {
        months.put(row.group(), row);
      }
    }
    List<String> categories = new ArrayList<>();
    List<BigDecimal> identified = new ArrayList<>();
    List<BigDecimal> validated = new ArrayList<>();
    List<BigDecimal> ratified = new ArrayList<>();
    List<BigDecimal> profile = new ArrayList<>();
    List<List<Cell>> rows = new ArrayList<>();
    Money i = carried == null ? Money.ZERO : carried.identified().carriedIn();
    Money v = carried == null ? Money.ZERO : carried.validated().carriedIn();
    Money r = carried == null ? Money.ZERO : carried.ratified().carriedIn();
    Money target =
        cashableTotal == null || cashableTotal.target() == null ? null : cashableTotal.target();
    LocalDate month = year.firstDay();
    for (int m = 1; m <= 12; m++, month = month.plusMonths(1)) {
      String key = month.toString().substring(0, 7);
      Figures row = months.get(key);
      if (row != null) {
        i = i.plus(row.identified().inYear());
        v = v.plus(row.validated().inYear());
        r = r.plus(row.ratified().inYear());
      }
      Money expected =
          target == null
              ? null
              : Money.rounded(
                  target
                      .amount()
                      .multiply(BigDecimal.valueOf(m))
                      .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_EVEN));
      String label =
          month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK)
              + " "
              + month.getYear();
      categories.add(label);
      identified.add(saved(i));
      validated.add(saved(v));
      ratified.add(saved(r));
      profile.add(expected == null ? null : saved(expected));
      rows.add(
          List.of(
              Cell.text(label), Cell.money(i), Cell.money(v), Cell.money(r), Cell.money(expected)));
    }
    charts.add(
        new Chart(
            "savings-trajectory",
            "Cumulative cashable savings against the target's profile, " + year,
            "Cumulative cashable savings by the month their changes took effect (what was carried in from "
                + year.previous()
                + " counts from April), for each stage, against the target spread evenly over the "
                + "year. By March: ratified "
                + moneySaved(r)
                + ", validated "
                + moneySaved(v)
                + ", identified "
                + moneySaved(i)
                + (target == null ? "; no target" : " against a target of " + moneySaved(target))
                + ".",
            "savings-trajectory",
            DashboardTables.spec(
                "line",
                categories,
                List.of(
                    new Series("Identified", identified, null, "line", null),
                    new Series("Validated", validated, null, "line", null),
                    new Series("Ratified (delivered)", ratified, null, "line", null),
                    new Series("Target profile", profile, null, "profile", null)),
                "Cumulative saving (£)")));
    tables.add(
        new Table(
            "savings-trajectory",
            "Cumulative cashable savings by month, " + year,
            List.of("Month", "Identified", "Validated", "Ratified", "Target profile"),
            rows));
  }

  /**
   * The funnel identified, validated, ratified: per kind of saving (kinds are never added
   * together).
   */
  private static void funnel(
      FinancialYear year, Rollup byLine, List<Chart> charts, List<Table> tables) {
    List<List<Cell>> rows = new ArrayList<>();
    List<String> categories = List.of("Identified", "Validated", "Ratified");
    List<Series> series = new ArrayList<>();
    for (Figures total : byLine.totals()) {
      if (total.kind() == SavingsKind.GROWTH) {
        continue;
      }
      Money identified = total.identified().incremental();
      rows.add(
          List.of(
              Cell.text(kindLabel(total.kind())),
              Cell.money(identified, entriesLink(year, null, null, total.kind(), Stage.IDENTIFIED)),
              Cell.money(
                  total.validated().incremental(),
                  entriesLink(year, null, null, total.kind(), Stage.VALIDATED)),
              Cell.money(
                  total.ratified().incremental(),
                  entriesLink(year, null, null, total.kind(), Stage.RATIFIED)),
              Cell.number(share(total.ratified().incremental(), identified), "%")));
      series.add(
          new Series(
              kindLabel(total.kind()),
              List.of(
                  saved(identified),
                  saved(total.validated().incremental()),
                  saved(total.ratified().incremental())),
              null,
              "bar",
              List.of(
                  entriesLink(year, null, null, total.kind(), Stage.IDENTIFIED),
                  entriesLink(year, null, null, total.kind(), Stage.VALIDATED),
                  entriesLink(year, null, null, total.kind(), Stage.RATIFIED))));
    }
    charts.add(
        new Chart(
            "savings-funnel",
            "From identified to ratified, " + year,
            "How much of what was identified "
                + "has been validated by finance and ratified by the board, for each kind of saving.",
            "savings-funnel",
            DashboardTables.spec("bar", categories, series, "Saving (£)")));
    tables.add(
        new Table(
            "savings-funnel",
            "Identified, validated and ratified, " + year,
            List.of("Kind", "Identified", "Validated", "Ratified", "Ratified % of identified"),
            rows));
  }

  private static BigDecimal share(Money part, Money whole) {
    return whole == null || whole.isZero()
        ? null
        : part.amount()
            .multiply(BigDecimal.valueOf(100))
            .divide(whole.amount(), 1, RoundingMode.HALF_EVEN);
  }

  // ---- 2. Spend forecast
  // --------------------------------------------------------------------------------

  /**
   * Per client group: budget, spent to date, committed to 31 March, forecast, variance, and the
   * savings not yet ratified.
   */
  record SpendRow(
      ClientGroup group,
      Money budget,
      Money spent,
      Money committed,
      Money forecast,
      Money variance,
      Money unratified,
      Money forecastIfUnratifiedFail) {}

  List<SpendRow> spendRows(FinancialYear year) {
    return spendRows(year, commitments.commitments(year, today()));
  }

  private List<SpendRow> spendRows(FinancialYear year, List<Commitment> all) {
    Map<ClientGroup, Money> budget = budgets.of(year);
    Map<ClientGroup, Money[]> byGroup = new EnumMap<>(ClientGroup.class);
    for (Commitment c : all) {
      Money[] sums =
          byGroup.computeIfAbsent(c.clientGroup(), g -> new Money[] {Money.ZERO, Money.ZERO});
      sums[0] = sums[0].plus(c.spentToDate());
      sums[1] = sums[1].plus(c.committedToYearEnd());
    }
    Map<String, Money> unratified = new java.util.HashMap<>();
    for (Figures row : rollup.rollup(year, GroupBy.CLIENT_GROUP).rows()) {
      if (row.kind() == SavingsKind.CASHABLE_SAVING) {
        unratified.put(
            row.group(), row.identified().incremental().minus(row.ratified().incremental()));
      }
    }
    List<SpendRow> rows = new ArrayList<>();
    for (ClientGroup group : ClientGroup.values()) {
      Money[] sums = byGroup.getOrDefault(group, new Money[] {Money.ZERO, Money.ZERO});
      Money forecast = sums[0].plus(sums[1]);
      Money b = budget.get(group);
      Money pipeline = unratified.getOrDefault(group.name(), Money.ZERO);
      rows.add(
          new SpendRow(
              group,
              b,
              sums[0],
              sums[1],
              forecast,
              b == null ? null : forecast.minus(b),
              pipeline,
              forecast.minus(pipeline)));
    }
    return rows;
  }

  Section spend(FinancialYear year) {
    List<Commitment> all = commitments.commitments(year, today());
    List<SpendRow> rows = spendRows(year, all);
    List<List<Cell>> cells = new ArrayList<>();
    Money budget = Money.ZERO;
    Money forecast = Money.ZERO;
    Money spent = Money.ZERO;
    Money committed = Money.ZERO;
    Money pipeline = Money.ZERO;
    boolean allBudgets = true;
    List<String> categories = new ArrayList<>();
    List<BigDecimal> forecastData = new ArrayList<>();
    List<BigDecimal> budgetData = new ArrayList<>();
    List<BigDecimal> atRiskData = new ArrayList<>();
    for (SpendRow row : rows) {
      cells.add(
          List.of(
              Cell.text(row.group().label()),
              Cell.money(row.budget()),
              Cell.money(row.spent()),
              Cell.money(row.committed()),
              Cell.money(row.forecast()),
              Cell.money(row.variance()),
              Cell.money(row.unratified()),
              Cell.money(row.forecastIfUnratifiedFail())));
      categories.add(row.group().label());
      forecastData.add(whole(row.forecast()));
      budgetData.add(row.budget() == null ? null : whole(row.budget()));
      atRiskData.add(whole(row.unratified().negate()));
      allBudgets &= row.budget() != null;
      budget = row.budget() == null ? budget : budget.plus(row.budget());
      forecast = forecast.plus(row.forecast());
      spent = spent.plus(row.spent());
      committed = committed.plus(row.committed());
      pipeline = pipeline.plus(row.unratified());
    }
    Money variance = allBudgets ? forecast.minus(budget) : null;
    cells.add(
        List.of(
            Cell.text("Total"),
            Cell.money(allBudgets ? budget : null),
            Cell.money(spent),
            Cell.money(committed),
            Cell.money(forecast),
            Cell.money(variance),
            Cell.money(pipeline),
            Cell.money(forecast.minus(pipeline))));
    List<String> summary = new ArrayList<>();
    summary.add(
        "Forecast net spend on care packages for "
            + year
            + ": "
            + money(forecast)
            + " ("
            + money(spent)
            + " to "
            + today()
            + ", "
            + money(committed)
            + " committed to 31 March), from the packages in effect and "
            + "their approved changes.");
    summary.add(
        allBudgets
            ? "Against budgets of "
                + money(budget)
                + " the variance is "
                + money(variance)
                + (variance.isNegative()
                    ? " (underspend)."
                    : variance.isZero() ? "." : " (overspend).")
            : "Not every client group has a budget for "
                + year
                + ": import them below to see the variance.");
    summary.add(
        "Cashable savings identified but not yet ratified ("
            + moneySaved(pipeline)
            + ") are already in "
            + "the forecast: if none of them held, it would be "
            + money(forecast.minus(pipeline))
            + ".");
    List<Chart> charts =
        List.of(
            new Chart(
                "spend-by-client-group",
                "Forecast spend against budget by client group, " + year,
                "For each client group, the forecast net spend to 31 March, its budget, and the part of the forecast "
                    + "that rests on savings not yet ratified.",
                "spend-by-client-group",
                DashboardTables.spec(
                    "bar",
                    categories,
                    List.of(
                        new Series("Forecast spend", forecastData, null, "bar", null),
                        new Series("Budget", budgetData, null, "target", null),
                        new Series(
                            "Resting on savings not yet ratified", atRiskData, null, "bar", null)),
                    "Net spend (£)")));
    List<Table> tables = new ArrayList<>();
    tables.add(
        new Table(
            "spend-by-client-group",
            "Forecast net spend by client group, " + year,
            List.of(
                "Client group",
                "Budget",
                "Spent to date",
                "Committed to 31 March",
                "Forecast",
                "Variance",
                "Savings not yet ratified",
                "Forecast if they do not hold"),
            cells));
    List<List<Cell>> byType = new ArrayList<>();
    Map<ServiceType, Money[]> types = new EnumMap<>(ServiceType.class);
    Map<ServiceType, Long> packages = new EnumMap<>(ServiceType.class);
    for (Commitment c : all) {
      Money[] sums =
          types.computeIfAbsent(c.serviceType(), t -> new Money[] {Money.ZERO, Money.ZERO});
      sums[0] = sums[0].plus(c.netWeeklyCostNow());
      sums[1] = sums[1].plus(c.forecast());
      packages.merge(c.serviceType(), c.activePackages(), Long::sum);
    }
    types.forEach(
        (type, sums) ->
            byType.add(
                List.of(
                    Cell.text(type.label()),
                    Cell.count(packages.get(type)),
                    Cell.money(sums[0]),
                    Cell.money(sums[1]))));
    tables.add(
        new Table(
            "spend-by-service-type",
            "Forecast net spend by service type, " + year,
            List.of(
                "Service type", "Packages in effect today", "Net weekly cost today", "Forecast"),
            byType));
    return new Section("spend", "Spend forecast", summary, charts, tables);
  }

  // ---- 3. Review backlog
  // --------------------------------------------------------------------------------

  Section reviews(Query query) {
    LocalDate today = today();
    List<TeamBacklog> backlog = reviews.backlog(today, RATE_WEEKS);
    List<List<Cell>> rows = new ArrayList<>();
    List<String> teams = new ArrayList<>();
    List<List<BigDecimal>> bands = new ArrayList<>();
    for (int b = 0; b < ReviewBacklog.OVERDUE_BANDS.size(); b++) {
      bands.add(new ArrayList<>());
    }
    long weeksToDate = Math.max(0, ChronoUnit.DAYS.between(today, query.clearBy())) / 7;
    List<String> summary = new ArrayList<>();
    long overdueTotal = 0;
    for (TeamBacklog team : backlog) {
      teams.add(team.team());
      for (int b = 0; b < bands.size(); b++) {
        bands.get(b).add(BigDecimal.valueOf(team.overdueByBand()[b]));
      }
      overdueTotal += team.overdue();
      BigDecimal rate =
          BigDecimal.valueOf(team.completedRecently())
              .divide(BigDecimal.valueOf(RATE_WEEKS), 1, RoundingMode.HALF_EVEN);
      String clears;
      if (team.overdue() == 0) {
        clears = "No backlog";
      } else if (team.completedRecently() == 0) {
        clears = "Not at the current rate (none completed in " + RATE_WEEKS + " weeks)";
      } else {
        long days = (long) Math.ceil(team.overdue() * 7.0 * RATE_WEEKS / team.completedRecently());
        clears = today.plusDays(days).toString();
      }
      String needed =
          team.overdue() == 0
              ? "0"
              : weeksToDate == 0
                  ? "Date has passed"
                  : BigDecimal.valueOf(team.overdue())
                      .divide(BigDecimal.valueOf(weeksToDate), 1, RoundingMode.CEILING)
                      .toPlainString();
      List<Cell> row = new ArrayList<>();
      row.add(Cell.text(team.team()));
      row.add(Cell.count(team.dueNotOverdue()));
      for (long n : team.overdueByBand()) {
        row.add(Cell.count(n));
      }
      row.add(Cell.count(team.overdue()));
      row.add(Cell.number(rate, ""));
      row.add(Cell.text(clears));
      row.add(new Cell(needed, needed, null, true));
      rows.add(row);
    }
    summary.add(
        overdueTotal
            + " reviews are overdue across "
            + backlog.size()
            + " teams on "
            + today
            + ". A team's rate is the reviews it completed in the last "
            + RATE_WEEKS
            + " weeks; reviews falling due "
            + "meanwhile are not counted in the forecast.");
    List<String> headers = new ArrayList<>(List.of("Team", "Open, not yet due"));
    ReviewBacklog.OVERDUE_BANDS.forEach(b -> headers.add("Overdue " + b));
    headers.addAll(
        List.of(
            "Overdue in all",
            "Completed per week",
            "Clears overdue backlog by",
            "Per week needed to clear by " + query.clearBy()));
    List<Series> bandSeries = new ArrayList<>();
    for (int b = 0; b < bands.size(); b++) {
      bandSeries.add(
          new Series(
              "Overdue " + ReviewBacklog.OVERDUE_BANDS.get(b),
              bands.get(b),
              "overdue",
              "bar",
              null));
    }
    List<Chart> charts = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    charts.add(
        new Chart(
            "review-backlog",
            "Overdue reviews by team and weeks overdue",
            "Each bar is one team's "
                + "overdue reviews, split by how many weeks overdue they are.",
            "review-backlog",
            DashboardTables.spec("bar", teams, bandSeries, "Reviews")));
    tables.add(new Table("review-backlog", "Review backlog by team on " + today, headers, rows));

    List<TeamMonth> months = reviews.months(query.year());
    Map<String, long[]> monthTotals = new TreeMap<>();
    List<List<Cell>> monthRows = new ArrayList<>();
    for (TeamMonth m : months) {
      monthRows.add(
          List.of(
              Cell.text(m.team()),
              Cell.text(m.month()),
              Cell.count(m.due()),
              Cell.count(m.completed())));
      long[] t = monthTotals.computeIfAbsent(m.month(), k -> new long[2]);
      t[0] += m.due();
      t[1] += m.completed();
    }
    List<String> monthKeys = new ArrayList<>(monthTotals.keySet());
    charts.add(
        new Chart(
            "review-months",
            "Reviews due and completed by month, " + query.year(),
            "All teams' reviews "
                + "due in each month and completed in each month; the table gives each team's.",
            "review-months",
            DashboardTables.spec(
                "bar",
                monthKeys,
                List.of(
                    new Series(
                        "Due",
                        monthKeys.stream()
                            .map(k -> BigDecimal.valueOf(monthTotals.get(k)[0]))
                            .toList(),
                        null,
                        "bar",
                        null),
                    new Series(
                        "Completed",
                        monthKeys.stream()
                            .map(k -> BigDecimal.valueOf(monthTotals.get(k)[1]))
                            .toList(),
                        null,
                        "bar",
                        null)),
                "Reviews")));
    tables.add(
        new Table(
            "review-months",
            "Reviews due and completed by team and month, " + query.year(),
            List.of("Team", "Month", "Due", "Completed"),
            monthRows));

    Map<String, Money> cohortSavings = new TreeMap<>();
    for (Figures row : rollup.rollup(query.year(), GroupBy.COHORT).rows()) {
      if (row.kind() == SavingsKind.CASHABLE_SAVING) {
        for (String code : row.group().split(" \\+ ")) {
          cohortSavings.merge(code, row.identified().inYear(), Money::plus);
        }
      }
    }
    List<List<Cell>> cohortRows = new ArrayList<>();
    for (CohortReviews c : reviews.cohorts(query.year(), today)) {
      BigDecimal pct =
          c.eligible() == 0
              ? null
              : BigDecimal.valueOf(c.reviewed() * 100)
                  .divide(BigDecimal.valueOf(c.eligible()), 1, RoundingMode.HALF_EVEN);
      cohortRows.add(
          List.of(
              Cell.text(c.name() + " (" + c.cohort() + ")"),
              Cell.count(c.eligible()),
              Cell.count(c.reviewed()),
              Cell.number(pct, "%"),
              Cell.money(cohortSavings.getOrDefault(c.cohort(), Money.ZERO))));
    }
    tables.add(
        new Table(
            "review-cohorts",
            "Cohort review programme, " + query.year(),
            List.of(
                "Cohort",
                "Eligible (package in effect)",
                "Reviewed this year",
                "% reviewed",
                "In-year net cashable saving"),
            cohortRows));
    summary.add(
        "The cohort programme counts people with a package in effect today and those of them with a "
            + "review completed in "
            + query.year()
            + "; the saving is the in-year effect of their cashable savings "
            + "identified this year (a person in two cohorts counts in both).");
    return new Section("reviews", "Review backlog", summary, charts, tables);
  }

  // ---- 4. Panel
  // -----------------------------------------------------------------------------------------

  Section panel() {
    LocalDate today = today();
    LocalDate firstMonday =
        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(PANEL_WEEKS - 1);
    List<DecisionTime> times = panelMeasures.decisionTimes(firstMonday, today);
    Map<LocalDate, Map<PanelOutcome, Long>> byWeek = new TreeMap<>();
    for (int w = 0; w < PANEL_WEEKS; w++) {
      Map<PanelOutcome, Long> empty = new EnumMap<>(PanelOutcome.class);
      for (PanelOutcome o : PanelOutcome.values()) {
        empty.put(o, 0L);
      }
      byWeek.put(firstMonday.plusWeeks(w), empty);
    }
    Map<String, List<DecisionTime>> byTeam = new TreeMap<>();
    for (DecisionTime t : times) {
      byWeek
          .get(t.decidedOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
          .merge(t.outcome(), 1L, Long::sum);
      byTeam.computeIfAbsent(t.team(), k -> new ArrayList<>()).add(t);
    }
    List<String> weeks = byWeek.keySet().stream().map(d -> "w/c " + d).toList();
    List<Series> series = new ArrayList<>();
    for (PanelOutcome o : PanelOutcome.values()) {
      series.add(
          new Series(
              outcomeLabel(o),
              byWeek.values().stream().map(m -> BigDecimal.valueOf(m.get(o))).toList(),
              "outcome",
              "bar",
              null));
    }
    List<List<Cell>> weekRows = new ArrayList<>();
    byWeek.forEach(
        (week, counts) -> {
          List<Cell> row = new ArrayList<>();
          row.add(Cell.text("w/c " + week));
          long sum = 0;
          for (PanelOutcome o : PanelOutcome.values()) {
            row.add(Cell.count(counts.get(o)));
            sum += counts.get(o);
          }
          row.add(Cell.count(sum));
          weekRows.add(row);
        });
    List<String> weekHeaders = new ArrayList<>(List.of("Week"));
    for (PanelOutcome o : PanelOutcome.values()) {
      weekHeaders.add(outcomeLabel(o));
    }
    weekHeaders.add("All decisions");
    List<List<Cell>> teamRows = new ArrayList<>();
    byTeam.put("All teams", times);
    byTeam.forEach(
        (team, list) -> {
          List<BigDecimal> hours =
              list.stream().map(DecisionTime::hoursToDecision).sorted().toList();
          long deferred = list.stream().filter(t -> t.outcome() == PanelOutcome.DEFERRED).count();
          teamRows.add(
              List.of(
                  Cell.text(team),
                  Cell.count(list.size()),
                  Cell.number(
                      list.isEmpty()
                          ? null
                          : BigDecimal.valueOf(deferred * 100)
                              .divide(BigDecimal.valueOf(list.size()), 1, RoundingMode.HALF_EVEN),
                      "%"),
                  Cell.number(median(hours), ""),
                  Cell.number(percentile90(hours), "")));
        });
    List<PanelAgenda.Item> waiting = agenda.itemsFor(today);
    long[] ages = new long[4];
    long oldest = 0;
    for (PanelAgenda.Item item : waiting) {
      long d = item.daysWaiting();
      ages[d <= 1 ? 0 : d <= 5 ? 1 : d <= 10 ? 2 : 3]++;
      oldest = Math.max(oldest, d);
    }
    List<String> ageLabels =
        List.of("0 to 1 days", "2 to 5 days", "6 to 10 days", "More than 10 days");
    List<List<Cell>> waitingRows = new ArrayList<>();
    for (int a = 0; a < ages.length; a++) {
      waitingRows.add(List.of(Cell.text(ageLabels.get(a)), Cell.count(ages[a])));
    }
    long deferredAll = times.stream().filter(t -> t.outcome() == PanelOutcome.DEFERRED).count();
    List<String> summary =
        List.of(
            times.size()
                + " decisions in the "
                + PANEL_WEEKS
                + " weeks from "
                + firstMonday
                + " ("
                + (times.isEmpty()
                    ? "none"
                    : BigDecimal.valueOf(deferredAll * 100)
                            .divide(BigDecimal.valueOf(times.size()), 1, RoundingMode.HALF_EVEN)
                        + "%")
                + " deferred); median time from request to decision "
                + hoursText(
                    median(times.stream().map(DecisionTime::hoursToDecision).sorted().toList()))
                + ", 90th percentile "
                + hoursText(
                    percentile90(
                        times.stream().map(DecisionTime::hoursToDecision).sorted().toList()))
                + ".",
            waiting.size()
                + " items wait for today's panel"
                + (waiting.isEmpty()
                    ? "."
                    : "; the oldest has waited " + oldest + (oldest == 1 ? " day." : " days.")));
    List<Chart> charts =
        List.of(
            new Chart(
                "panel-weeks",
                "Panel decisions per week by outcome",
                "Decisions each " + "week (weeks commencing Monday), split by outcome.",
                "panel-weeks",
                DashboardTables.spec("bar", weeks, series, "Decisions")));
    List<Table> tables =
        List.of(
            new Table("panel-weeks", "Decisions per week by outcome", weekHeaders, weekRows),
            new Table(
                "panel-teams",
                "Time from request to decision by team, last " + PANEL_WEEKS + " weeks",
                List.of(
                    "Team",
                    "Decisions",
                    "Deferral rate",
                    "Median hours to decision",
                    "90th percentile hours"),
                teamRows),
            new Table(
                "panel-waiting",
                "Items waiting for today's panel by age",
                List.of("Waiting", "Items"),
                waitingRows));
    return new Section("panel", "Spend-control panel", summary, charts, tables);
  }

  private static String hoursText(BigDecimal hours) {
    return hours == null ? "not known" : hours.toPlainString() + " hours";
  }

  static String outcomeLabel(PanelOutcome outcome) {
    return switch (outcome) {
      case APPROVED -> "Approved";
      case APPROVED_WITH_AMENDMENT -> "Approved with amendment";
      case DEFERRED -> "Deferred";
      case DECLINED -> "Declined";
    };
  }

  /**
   * The median as {@link PanelMeasures} computes it (the mean of the middle two of an even count).
   */
  static BigDecimal median(List<BigDecimal> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return null;
    }
    return n % 2 == 1
        ? sorted.get(n / 2)
        : sorted
            .get(n / 2 - 1)
            .add(sorted.get(n / 2))
            .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_EVEN);
  }

  /**
   * The 90th percentile by nearest rank: the smallest value at least 90% of the values do not
   * exceed.
   */
  static BigDecimal percentile90(List<BigDecimal> sorted) {
    int n = sorted.size();
    return n == 0 ? null : sorted.get((int) Math.ceil(0.9 * n) - 1);
  }

  // ---- 5. CTR
  // -------------------------------------------------------------------------------------------

  Section ctr() {
    CtrCounts.Counts counts = ctr.counts();
    List<String> categories = new ArrayList<>();
    List<BigDecimal> data = new ArrayList<>();
    List<List<Cell>> rows = new ArrayList<>();
    Map<Rating, String> labels = new LinkedHashMap<>();
    labels.put(Rating.RED, "Red: at risk of admission");
    labels.put(Rating.AMBER, "Amber");
    labels.put(Rating.GREEN, "Green");
    labels.put(Rating.BLUE, "Blue: in hospital");
    long register = 0;
    for (Map.Entry<Rating, String> e : labels.entrySet()) {
      long n = counts.registerByRating().getOrDefault(e.getKey(), 0L);
      register += n;
      categories.add(e.getValue());
      data.add(BigDecimal.valueOf(n));
      rows.add(List.of(Cell.text(e.getValue()), Cell.count(n)));
    }
    rows.add(List.of(Cell.text("On the register"), Cell.count(register)));
    List<List<Cell>> work =
        List.of(
            List.of(Cell.text("Inpatients"), Cell.count(counts.inpatients())),
            List.of(
                Cell.text("Inpatients placed out of area"),
                Cell.count(counts.inpatientsOutOfArea())),
            List.of(
                Cell.text("CTRs and visits due (open or falling due soon)"),
                Cell.count(counts.reviewsDue())),
            List.of(Cell.text("CTRs and visits overdue"), Cell.count(counts.reviewsOverdue())),
            List.of(Cell.text("Actions open"), Cell.count(counts.actionsOpen())),
            List.of(Cell.text("Actions overdue"), Cell.count(counts.actionsOverdue())));
    List<String> summary =
        List.of(
            register
                + " people on the dynamic support register, "
                + counts.inpatients()
                + " of them in hospital; "
                + counts.reviewsOverdue()
                + " CTRs or visits overdue and "
                + counts.actionsOverdue()
                + " actions overdue. Counts only: the records are for the CTR roles and the person's team.");
    return new Section(
        "ctr",
        "Care and Treatment Reviews",
        summary,
        List.of(
            new Chart(
                "ctr-register",
                "The register by rating",
                "People on the dynamic support register by " + "rating.",
                "ctr-register",
                DashboardTables.spec(
                    "bar",
                    categories,
                    List.of(new Series("People", data, null, "bar", null)),
                    "People"))),
        List.of(
            new Table("ctr-register", "The register by rating", List.of("Rating", "People"), rows),
            new Table(
                "ctr-work", "Inpatients, CTRs and actions", List.of("What", "Number"), work)));
  }
}

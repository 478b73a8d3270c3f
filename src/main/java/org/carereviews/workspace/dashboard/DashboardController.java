package org.carereviews.workspace.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.export.ExportFormat;
import org.carereviews.common.export.TableWriter;
import org.carereviews.common.web.RowsRejectedException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.CurrentUser;
import org.carereviews.savings.SavingsDrillDown;
import org.carereviews.savings.SavingsDrillDown.EntriesPage;
import org.carereviews.savings.SavingsDrillDown.Figure;
import org.carereviews.savings.SavingsDrillDown.Part;
import org.carereviews.savings.SavingsDrillDown.Stage;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.workspace.dashboard.DashboardTables.Cell;
import org.carereviews.workspace.dashboard.DashboardTables.Chart;
import org.carereviews.workspace.dashboard.DashboardTables.Table;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directors' dashboard, {@code /dashboard}: savings against target, the spend forecast, the
 * review backlog, the panel and CTR, each chart with its summary and its table; every table
 * exported as CSV or XLSX; every savings figure drilled down to its cost changes ({@code
 * /dashboard/entries}).
 */
@Controller
class DashboardController {

  static final int ENTRIES_PAGE_SIZE = 50;

  private final Dashboard dashboard;
  private final SavingsDrillDown drillDown;
  private final Budgets budgets;
  private final CurrentUser currentUser;
  private final ObjectMapper json = new ObjectMapper();

  DashboardController(
      Dashboard dashboard, SavingsDrillDown drillDown, Budgets budgets, CurrentUser currentUser) {
    this.dashboard = dashboard;
    this.drillDown = drillDown;
    this.budgets = budgets;
    this.currentUser = currentUser;
  }

  /** A field of the dashboard's form that could not be read, for the error summary. */
  record FieldError(String field, String message) {}

  @GetMapping("/dashboard")
  @Audited(action = AuditAction.READ, record = "dashboard")
  String page(
      @RequestParam(required = false) String financialYear,
      @RequestParam(required = false) String clearByDay,
      @RequestParam(required = false) String clearByMonth,
      @RequestParam(required = false) String clearByYear,
      Model model,
      HttpServletResponse response) {
    CareUser user = reader();
    List<FieldError> errors = new ArrayList<>();
    Dashboard.Query query = query(financialYear, clearByDay, clearByMonth, clearByYear, errors);
    Dashboard.View view = render(user, query, errors, model);
    // How long each section took to build, for the browser's timing API (names only, no figures).
    response.setHeader(
        "Server-Timing",
        view.timings().entrySet().stream()
            .map(e -> String.format(java.util.Locale.ROOT, "%s;dur=%.1f", e.getKey(), e.getValue()))
            .collect(java.util.stream.Collectors.joining(", ")));
    model.addAttribute(
        "clearByDay", clearByDay == null ? query.clearBy().getDayOfMonth() : clearByDay);
    model.addAttribute(
        "clearByMonth", clearByMonth == null ? query.clearBy().getMonthValue() : clearByMonth);
    model.addAttribute(
        "clearByYear", clearByYear == null ? query.clearBy().getYear() : clearByYear);
    return "workspace/dashboard/dashboard";
  }

  private Dashboard.View render(
      CareUser user, Dashboard.Query query, List<FieldError> errors, Model model) {
    Dashboard.View view = dashboard.view(user, query);
    Map<String, String> chartData = new LinkedHashMap<>();
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Dashboard.Section section : view.sections()) {
      for (Chart chart : section.charts()) {
        chartData.put(chart.id(), scriptJson(chart.spec()));
      }
      section.tables().forEach(t -> tables.put(t.id(), t));
    }
    model.addAttribute("view", view);
    model.addAttribute("chartData", chartData);
    model.addAttribute("tables", tables);
    model.addAttribute("errors", errors);
    model.addAttribute("years", years(view.today()));
    model.addAttribute("importsBudgets", DashboardAccess.importsBudgets(user));
    model.addAttribute("exportQuery", exportQuery(query));
    return view;
  }

  @GetMapping("/dashboard/export/{table}")
  @Audited(action = AuditAction.EXPORT, record = "dashboard", id = "#table")
  void export(
      @PathVariable String table,
      @RequestParam(required = false) String financialYear,
      @RequestParam(required = false) String clearBy,
      @RequestParam(defaultValue = "CSV") String format,
      HttpServletResponse response)
      throws IOException {
    CareUser user = reader();
    FinancialYear year =
        financialYear == null ? FinancialYear.containing(dashboard.today()) : year(financialYear);
    LocalDate clear = clearBy == null ? year.lastDay() : date(clearBy);
    Table found = dashboard.view(user, new Dashboard.Query(year, clear)).table(table);
    if (found == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try (TableWriter writer =
        open(response, format(format), found.id() + "-" + year.toUrlForm(), found.id())) {
      writer.header(found.headers());
      for (List<Cell> row : found.rows()) {
        writer.row(row.stream().map(Cell::value).toList());
      }
    }
  }

  @GetMapping("/dashboard/entries")
  @Audited(action = AuditAction.LIST, record = "cost-change", id = "#financialYear")
  String entries(
      @RequestParam String financialYear,
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "IDENTIFIED") String stage,
      @RequestParam(defaultValue = "0") String inYearPage,
      @RequestParam(defaultValue = "0") String carriedInPage,
      Model model) {
    CareUser user = reader();
    boolean masked = !DashboardAccess.seesNames(user);
    Figure inYear = figure(financialYear, groupBy, group, kind, stage, Part.IN_YEAR);
    Figure carriedIn = figure(financialYear, groupBy, group, kind, stage, Part.CARRIED_IN);
    EntriesPage inYearEntries = drillDown.page(inYear, page(inYearPage), ENTRIES_PAGE_SIZE, masked);
    EntriesPage carriedInEntries =
        drillDown.page(carriedIn, page(carriedInPage), ENTRIES_PAGE_SIZE, masked);
    model.addAttribute("figure", inYear);
    model.addAttribute("stageLabel", stageLabel(inYear.stage()));
    model.addAttribute(
        "kindLabel", inYear.kind() == null ? "All kinds" : Dashboard.kindLabel(inYear.kind()));
    model.addAttribute("inYear", inYearEntries);
    model.addAttribute("carriedIn", carriedInEntries);
    model.addAttribute("total", inYearEntries.total().plus(carriedInEntries.total()));
    model.addAttribute("masked", masked);
    model.addAttribute("query", entriesQuery(inYear));
    model.addAttribute(
        "backLink", "/dashboard?financialYear=" + inYear.financialYear().toUrlForm() + "#savings");
    return "workspace/dashboard/entries";
  }

  @GetMapping("/dashboard/entries/export")
  @Audited(action = AuditAction.EXPORT, record = "cost-change", id = "#financialYear")
  void exportEntries(
      @RequestParam String financialYear,
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "IDENTIFIED") String stage,
      @RequestParam(defaultValue = "IN_YEAR") String part,
      @RequestParam(defaultValue = "CSV") String format,
      HttpServletResponse response)
      throws IOException {
    CareUser user = reader();
    boolean masked = !DashboardAccess.seesNames(user);
    Figure figure = figure(financialYear, groupBy, group, kind, stage, choice(Part.class, part));
    try (TableWriter writer =
        open(
            response,
            format(format),
            "savings-entries-" + figure.financialYear().toUrlForm(),
            "Entries")) {
      writer.header(EntryColumns.headers(masked));
      drillDown.forEach(figure, masked, entry -> writer.row(EntryColumns.values(entry, masked)));
    }
  }

  @PostMapping("/dashboard/budgets")
  @Audited(action = AuditAction.CREATE, record = "client-group-budget")
  String importBudgets(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String financialYear,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    CareUser user = reader();
    if (!DashboardAccess.importsBudgets(user)) {
      throw new AccessDeniedException("budgets are imported by the head of finance");
    }
    FinancialYear year =
        financialYear == null ? FinancialYear.containing(dashboard.today()) : year(financialYear);
    List<FieldError> errors = new ArrayList<>();
    List<RowsRejectedException.RowProblem> problems = List.of();
    if (file == null || file.isEmpty()) {
      errors.add(new FieldError("file", "Select a CSV file of budgets"));
    } else {
      try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
        Budgets.Imported imported = budgets.importCsv(csv, user.userId());
        redirect.addFlashAttribute(
            "imported",
            imported.rows()
                + (imported.rows() == 1 ? " budget" : " budgets")
                + " imported for "
                + imported.years().stream()
                    .map(FinancialYear::toString)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("no year")
                + ".");
        return "redirect:/dashboard?financialYear=" + year.toUrlForm() + "#spend";
      } catch (RowsRejectedException e) {
        errors.add(new FieldError("file", "The file was not imported: " + e.getMessage()));
        problems = e.problems();
      }
    }
    Dashboard.Query query = new Dashboard.Query(year, year.lastDay());
    render(user, query, errors, model);
    model.addAttribute("budgetProblems", problems);
    model.addAttribute("clearByDay", query.clearBy().getDayOfMonth());
    model.addAttribute("clearByMonth", query.clearBy().getMonthValue());
    model.addAttribute("clearByYear", query.clearBy().getYear());
    return "workspace/dashboard/dashboard";
  }

  // ---- reading the request
  // ------------------------------------------------------------------------------

  private CareUser reader() {
    CareUser user = currentUser.get();
    if (!DashboardAccess.readsDashboard(user)) {
      throw new AccessDeniedException(
          "the dashboard is for directors, finance, the board and auditors");
    }
    return user;
  }

  private Dashboard.Query query(
      String financialYear, String day, String month, String yearText, List<FieldError> errors) {
    FinancialYear year = FinancialYear.containing(dashboard.today());
    if (financialYear != null && !financialYear.isBlank()) {
      try {
        year = FinancialYear.parse(financialYear);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("financialYear", "Select a financial year"));
      }
    }
    LocalDate clearBy = year.lastDay();
    boolean given = !(blank(day) && blank(month) && blank(yearText));
    if (given) {
      try {
        clearBy =
            LocalDate.of(
                Integer.parseInt(yearText.strip()),
                Integer.parseInt(month.strip()),
                Integer.parseInt(day.strip()));
        if (clearBy.getYear() < 2000 || clearBy.getYear() > 2100) {
          throw new DateTimeException("out of range");
        }
      } catch (NumberFormatException | NullPointerException | DateTimeException e) {
        errors.add(
            new FieldError(
                "clearByDay",
                "The date to clear backlogs by must be a real date, for example 31 3 "
                    + year.lastDay().getYear()));
        clearBy = year.lastDay();
      }
    }
    return new Dashboard.Query(year, clearBy);
  }

  /**
   * A page number from a link: 0 to 100,000, else the link was not ours (a 400 page, never a 500).
   */
  private static int page(String text) {
    try {
      int page = Integer.parseInt(text.strip());
      if (page >= 0 && page <= 100_000) {
        return page;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page");
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static FinancialYear year(String text) {
    try {
      return FinancialYear.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "financialYear");
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "clearBy");
    }
  }

  private static ExportFormat format(String text) {
    return choice(ExportFormat.class, text);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String text) {
    String wanted = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted) || constant.toString().equalsIgnoreCase(text.strip())) {
        return constant;
      }
    }
    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, type.getSimpleName());
  }

  private static Figure figure(
      String financialYear, String groupBy, String group, String kind, String stage, Part part) {
    GroupBy grouping = blank(groupBy) ? null : choice(GroupBy.class, groupBy);
    if (grouping == GroupBy.MONTH
        || (grouping != null && blank(group))
        || (grouping == null && !blank(group))) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "group");
    }
    if (group != null && group.length() > 200) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "group");
    }
    return new Figure(
        year(financialYear),
        grouping,
        grouping == null ? null : group,
        blank(kind) ? null : choice(SavingsKind.class, kind),
        choice(Stage.class, stage),
        part);
  }

  static String stageLabel(Stage stage) {
    return switch (stage) {
      case IDENTIFIED -> "Identified";
      case VALIDATED -> "Validated";
      case RATIFIED -> "Ratified (delivered)";
    };
  }

  private static String entriesQuery(Figure figure) {
    String link =
        Dashboard.entriesLink(
            figure.financialYear(),
            figure.groupBy(),
            figure.group(),
            figure.kind(),
            figure.stage());
    return link.substring(link.indexOf('?') + 1);
  }

  private static String exportQuery(Dashboard.Query query) {
    return "financialYear=" + query.year().toUrlForm() + "&clearBy=" + query.clearBy();
  }

  private static List<FinancialYear> years(LocalDate today) {
    FinancialYear current = FinancialYear.containing(today);
    List<FinancialYear> years = new ArrayList<>();
    for (FinancialYear y = current.previous().previous().previous();
        y.compareTo(current.next()) <= 0;
        y = y.next()) {
      years.add(y);
    }
    return years;
  }

  /**
   * JSON for a {@code <script type="application/json">} block: nothing in it can end the element.
   */
  private String scriptJson(Object value) {
    try {
      return json.writeValueAsString(value)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a chart's data could not be written", e);
    }
  }

  private static TableWriter open(
      HttpServletResponse response, ExportFormat format, String baseName, String sheet)
      throws IOException {
    response.setContentType(format.mediaType().toString());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(format.fileName(baseName)).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    return format.open(response.getOutputStream(), sheet);
  }
}

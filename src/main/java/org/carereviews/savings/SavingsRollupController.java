package org.carereviews.savings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.export.ExportFormat;
import org.carereviews.common.export.TableWriter;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.PageResponse;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.CurrentUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.SavingsDrillDown.Entry;
import org.carereviews.savings.SavingsDrillDown.Figure;
import org.carereviews.savings.SavingsDrillDown.Part;
import org.carereviews.savings.SavingsDrillDown.Stage;
import org.carereviews.savings.SavingsRollup.Figures;
import org.carereviews.savings.SavingsRollup.GroupBy;
import org.carereviews.savings.SavingsRollup.StageFigures;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Savings roll-up",
    description =
        "Savings identified, validated and ratified against targets, "
            + "the entries behind every figure, the multi-year programme, and exports")
@RestController
@RequestMapping("/api/savings")
class SavingsRollupController {

  /** Roles that read the council's savings figures. */
  static final Set<String> READERS =
      Set.of(
          Roles.FINANCE_VALIDATOR,
          Roles.HEAD_OF_FINANCE,
          Roles.BOARD_MEMBER,
          Roles.DIRECTOR,
          Roles.PANEL_FINANCE,
          Roles.AUDITOR);

  /**
   * Readers who work saving by saving and so need people's names; everyone else sees references
   * only.
   */
  static final Set<String> SEE_NAMES = Set.of(Roles.FINANCE_VALIDATOR, Roles.HEAD_OF_FINANCE);

  private final SavingsRollup rollup;
  private final SavingsDrillDown drillDown;
  private final SavingsProgrammeView programme;
  private final CurrentUser currentUser;

  SavingsRollupController(
      SavingsRollup rollup,
      SavingsDrillDown drillDown,
      SavingsProgrammeView programme,
      CurrentUser currentUser) {
    this.rollup = rollup;
    this.drillDown = drillDown;
    this.programme = programme;
    this.currentUser = currentUser;
  }

  @Operation(
      summary =
          "The roll-up of a financial year (e.g. 2024-25), grouped by line, theme, clientGroup, team, "
              + "cohort or month, with totals")
  @GetMapping("/rollup")
  SavingsRollup.Rollup rollup(
      @RequestParam FinancialYear financialYear,
      @RequestParam(defaultValue = "line") GroupBy groupBy) {
    reader();
    return rollup.rollup(financialYear, groupBy);
  }

  @Operation(summary = "The roll-up as a CSV or XLSX file")
  @GetMapping("/rollup/export")
  @Audited(action = AuditAction.EXPORT, record = "savings-rollup", id = "#financialYear")
  void exportRollup(
      @RequestParam FinancialYear financialYear,
      @RequestParam(defaultValue = "line") GroupBy groupBy,
      @RequestParam(defaultValue = "CSV") ExportFormat format,
      HttpServletResponse response)
      throws IOException {
    reader();
    SavingsRollup.Rollup figures = rollup.rollup(financialYear, groupBy);
    try (TableWriter table =
        open(
            response,
            format,
            "savings-rollup-" + financialYear.toUrlForm() + "-by-" + figures.groupBy(),
            "Roll-up " + financialYear.toUrlForm())) {
      List<String> header = new ArrayList<>(List.of(figures.groupBy(), "kind", "target"));
      for (String stage : List.of("identified", "validated", "ratified")) {
        for (String part :
            List.of("in-year", "full-year", "carried in", "incremental", "% of target")) {
          header.add(stage + " " + part);
        }
      }
      header.addAll(
          List.of("forecast", "variance", "at risk", "entries in year", "entries carried in"));
      table.header(header);
      figures.rows().forEach(row -> table.row(rollupRow(row.group(), row)));
      figures.totals().forEach(row -> table.row(rollupRow("Total", row)));
    }
  }

  @Operation(
      summary =
          "The entries behind a figure of the roll-up: the same year and grouping, optionally one "
              + "group and kind; stage identified|validated|ratified and part inYear|fullYear|carriedIn name the figure. "
              + "Their amounts add up to it.")
  @GetMapping("/rollup/entries")
  @Audited(action = AuditAction.LIST, record = "cost-change", id = "#financialYear")
  SavingsDrillDown.EntriesPage entries(
      @RequestParam FinancialYear financialYear,
      @RequestParam(required = false) GroupBy groupBy,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) SavingsKind kind,
      @RequestParam(defaultValue = "IDENTIFIED") Stage stage,
      @RequestParam(defaultValue = "inYear") Part part,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    CareUser user = reader();
    if (page < 0) {
      throw new InvalidRequestException("page", "must not be negative");
    }
    if (page > PageResponse.MAX_PAGE) {
      throw new InvalidRequestException("page", PageResponse.MAX_PAGE_MESSAGE);
    }
    if (size < 1 || size > PageResponse.MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "size", "must be between 1 and " + PageResponse.MAX_PAGE_SIZE);
    }
    return drillDown.page(
        figure(financialYear, groupBy, group, kind, stage, part), page, size, masked(user));
  }

  @Operation(
      summary =
          "The entries behind a figure as a CSV or XLSX file (names masked for roles without a need)")
  @GetMapping("/rollup/entries/export")
  @Audited(action = AuditAction.EXPORT, record = "cost-change", id = "#financialYear")
  void exportEntries(
      @RequestParam FinancialYear financialYear,
      @RequestParam(required = false) GroupBy groupBy,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) SavingsKind kind,
      @RequestParam(defaultValue = "IDENTIFIED") Stage stage,
      @RequestParam(defaultValue = "inYear") Part part,
      @RequestParam(defaultValue = "CSV") ExportFormat format,
      HttpServletResponse response)
      throws IOException {
    CareUser user = reader();
    Figure figure = figure(financialYear, groupBy, group, kind, stage, part);
    boolean masked = masked(user);
    try (TableWriter table =
        open(
            response,
            format,
            "savings-entries-" + financialYear.toUrlForm(),
            "Entries " + financialYear.toUrlForm())) {
      table.header(ENTRY_COLUMNS.stream().map(EntryColumn::name).toList());
      drillDown.forEach(
          figure,
          masked,
          entry -> table.row(ENTRY_COLUMNS.stream().map(c -> c.value().apply(entry)).toList()));
    }
  }

  @Operation(
      summary =
          "The multi-year programme (e.g. from=2024-25&to=2027-28): incremental savings per year, "
              + "with carry-forward landing in the next year, by theme or line, against each year's targets")
  @GetMapping("/programme")
  SavingsProgrammeView.Programme programme(
      @RequestParam FinancialYear from,
      @RequestParam FinancialYear to,
      @RequestParam(defaultValue = "theme") GroupBy groupBy) {
    reader();
    try {
      return programme.programme(from, to, groupBy);
    } catch (SavingsProgrammeView.MonthlyProgrammeRefused e) {
      throw new InvalidRequestException("groupBy", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("to", e.getMessage());
    }
  }

  private record EntryColumn(String name, Function<Entry, Object> value) {}

  private static final List<EntryColumn> ENTRY_COLUMNS =
      List.of(
          new EntryColumn("entry", Entry::entryId),
          new EntryColumn("entry type", Entry::entryType),
          new EntryColumn("adjusts entry", Entry::adjustsEntryId),
          new EntryColumn("source", Entry::source),
          new EntryColumn("source reference", Entry::sourceReference),
          new EntryColumn("package", Entry::packageReference),
          new EntryColumn("person", Entry::personReference),
          new EntryColumn("name", e -> e.personName() == null ? "(masked)" : e.personName()),
          new EntryColumn("team", Entry::team),
          new EntryColumn("client group", Entry::clientGroup),
          new EntryColumn("savings line", Entry::savingsLine),
          new EntryColumn("kind", Entry::kind),
          new EntryColumn("stage", Entry::stage),
          new EntryColumn("effective date", Entry::effectiveDate),
          new EntryColumn("old net weekly cost", Entry::oldNetWeeklyCost),
          new EntryColumn("new net weekly cost", Entry::newNetWeeklyCost),
          new EntryColumn("weekly delta", Entry::weeklyDelta),
          new EntryColumn("amount", Entry::amount),
          new EntryColumn("reason", e -> e.reason() == null ? "(masked)" : e.reason()),
          new EntryColumn("recorded by", Entry::recordedBy),
          new EntryColumn("recorded at", Entry::recordedAt));

  private static List<Object> rollupRow(String group, Figures row) {
    List<Object> cells = new ArrayList<>(List.of(group, row.kind()));
    cells.add(row.target());
    for (StageFigures stage : List.of(row.identified(), row.validated(), row.ratified())) {
      cells.add(stage.inYear());
      cells.add(stage.fullYear());
      cells.add(stage.carriedIn());
      cells.add(stage.incremental());
      cells.add(stage.percentOfTarget());
    }
    cells.add(row.forecast());
    cells.add(row.variance());
    cells.add(row.atRisk());
    cells.add(row.entriesInYear());
    cells.add(row.entriesCarriedIn());
    return cells;
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

  private static Figure figure(
      FinancialYear year, GroupBy groupBy, String group, SavingsKind kind, Stage stage, Part part) {
    if (group != null && groupBy == null) {
      throw new InvalidRequestException("groupBy", "is required with group");
    }
    return new Figure(year, groupBy, group, kind, stage, part);
  }

  private CareUser reader() {
    CareUser user = currentUser.get();
    if (!user.hasAnyRole(READERS)) {
      throw new AccessDeniedException(
          "savings figures are for finance, the board, the director and auditors");
    }
    return user;
  }

  private static boolean masked(CareUser user) {
    return !user.hasAnyRole(SEE_NAMES);
  }
}

package org.carereviews.savings;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageIdentity;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.csv.CsvTable;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RowsRejectedException;
import org.carereviews.common.web.RowsRejectedException.RowProblem;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a council's savings programme and its existing tracker of cost changes from CSV, all or
 * nothing: every row is checked first, and one bad row refuses the whole file with a report naming
 * each bad row and column. Imported cost changes go through the ledger like any other (one entry
 * per change, clawback before growth) and then take the status the tracker gave them.
 */
@Service
class SavingsImport {

  static final List<String> LINE_COLUMNS =
      List.of("code", "name", "theme", "kind", "financialYear", "target");
  static final List<String> LINE_OPTIONAL_COLUMNS = List.of("owner", "confidenceFactor");
  static final List<String> COST_CHANGE_COLUMNS =
      List.of(
          "personRef",
          "packageRef",
          "oldWeeklyCost",
          "newWeeklyCost",
          "effectiveDate",
          "lineCode",
          "kind",
          "status");
  static final List<String> COST_CHANGE_OPTIONAL_COLUMNS = List.of("reason");

  /**
   * The statuses a tracker row may carry (REVERSED is an entry of its own, not a status to import).
   */
  enum ImportedStatus {
    IDENTIFIED,
    VALIDATED,
    RATIFIED,
    REJECTED,
    WITHDRAWN
  }

  public record LinesImported(int rows, int linesCreated, int targetsCreated) {}

  public record CostChangesImported(
      int rows, int entriesWritten, int clawbacks, Map<String, Integer> byStatus) {}

  private record LineRow(
      int row,
      String code,
      String name,
      String theme,
      SavingsKind kind,
      String owner,
      FinancialYear year,
      Money target,
      BigDecimal confidenceFactor) {}

  private record ChangeRow(
      int row,
      PackageIdentity carePackage,
      Money oldCost,
      Money newCost,
      LocalDate effective,
      String lineCode,
      SavingsKind kind,
      ImportedStatus status,
      String reason) {

    String sourceReference() {
      return carePackage.packageReference() + "/" + effective + "/" + oldCost + "->" + newCost;
    }
  }

  private final SavingsLines lines;
  private final SavingsTargets targets;
  private final SavingsLedger ledger;
  private final CostChanges entries;
  private final CasebookService casebook;
  private final int maxRows;

  SavingsImport(
      SavingsLines lines,
      SavingsTargets targets,
      SavingsLedger ledger,
      CostChanges entries,
      CasebookService casebook,
      SavingsProperties properties) {
    this.lines = lines;
    this.targets = targets;
    this.ledger = ledger;
    this.entries = entries;
    this.casebook = casebook;
    this.maxRows = properties.importMaxRows();
  }

  /**
   * Columns {@code code,name,theme,kind,financialYear,target} (and optionally {@code owner}); one
   * row per line and year.
   */
  @Transactional
  public LinesImported importLines(Reader csv) {
    CsvTable table = CsvTable.read(csv, LINE_COLUMNS, LINE_OPTIONAL_COLUMNS, maxRows);
    if (table.unreadable()) {
      table.rejectIfAnyProblems();
    }
    Map<String, SavingsLine> existing = new HashMap<>();
    lines.findAll().forEach(l -> existing.put(l.getCode(), l));
    Map<String, LineRow> firstRowOfLine = new HashMap<>();
    Set<String> lineYears = new HashSet<>();
    List<LineRow> valid = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      LineRow line =
          new LineRow(
              row.number(),
              row.required("code", 40),
              row.required("name", 300),
              row.required("theme", 120),
              row.choice("kind", SavingsKind.class),
              row.text("owner"),
              financialYear(row),
              money(row.amount("target")),
              confidenceFactor(row));
      if (line.code() == null
          || line.name() == null
          || line.theme() == null
          || line.kind() == null
          || line.year() == null
          || line.target() == null) {
        continue;
      }
      checkTargetSign(row, line.kind(), line.target());
      SavingsLine known = existing.get(line.code());
      if (known != null && known.getKind() != line.kind()) {
        row.problem(
            "kind", "line " + line.code() + " is already in the programme as " + known.getKind());
      }
      LineRow first = firstRowOfLine.putIfAbsent(line.code(), line);
      if (first != null
          && (!first.name().equals(line.name())
              || !first.theme().equals(line.theme())
              || first.kind() != line.kind()
              || !Objects.equals(first.owner(), line.owner())
              || !sameFactor(first.confidenceFactor(), line.confidenceFactor()))) {
        row.problem(
            "code",
            "line "
                + line.code()
                + " has a different name, theme, kind, owner or confidence factor in "
                + "row "
                + first.row());
      }
      if (known != null
          && line.confidenceFactor() != null
          && !sameFactor(known.getConfidenceFactor(), line.confidenceFactor())) {
        row.problem(
            "confidenceFactor",
            "line "
                + line.code()
                + " is already in the programme with confidence factor "
                + (known.getConfidenceFactor() == null
                    ? "(the setting)"
                    : known.getConfidenceFactor().toPlainString()));
      }
      if (!lineYears.add(line.code() + "@" + line.year())) {
        row.problem(
            "financialYear",
            "duplicate: line "
                + line.code()
                + " already has a target for "
                + line.year()
                + " in this file");
      } else if (known != null
          && targets.existsByLineCodeAndFinancialYearStart(line.code(), line.year().startYear())) {
        row.problem(
            "financialYear",
            "line "
                + line.code()
                + " already has a target for "
                + line.year()
                + "; this import adds new lines and years only");
      }
      valid.add(line);
    }
    table.rejectIfAnyProblems();
    int linesCreated = 0;
    for (LineRow line : valid) {
      if (!existing.containsKey(line.code())) {
        SavingsLine created =
            lines.save(
                new SavingsLine(
                    line.code(),
                    line.name(),
                    line.theme(),
                    line.kind(),
                    line.owner(),
                    line.confidenceFactor()));
        existing.put(created.getCode(), created);
        linesCreated++;
      }
      targets.save(new SavingsTarget(line.code(), line.year(), line.target()));
    }
    return new LinesImported(table.rows().size(), linesCreated, valid.size());
  }

  /**
   * Columns {@code
   * personRef,packageRef,oldWeeklyCost,newWeeklyCost,effectiveDate,lineCode,kind,status} (and
   * optionally {@code reason}); one row per change.
   */
  @Transactional
  public CostChangesImported importCostChanges(Reader csv, String actor) {
    CsvTable table = CsvTable.read(csv, COST_CHANGE_COLUMNS, COST_CHANGE_OPTIONAL_COLUMNS, maxRows);
    if (table.unreadable()) {
      table.rejectIfAnyProblems();
    }
    Set<String> packageRefs = new HashSet<>();
    table
        .rows()
        .forEach(
            r -> {
              if (r.text("packageRef") != null) {
                packageRefs.add(r.text("packageRef"));
              }
            });
    Map<String, PackageIdentity> packages = casebook.packagesByReference(packageRefs);
    Map<String, SavingsLine> knownLines = new HashMap<>();
    lines.findAll().forEach(l -> knownLines.put(l.getCode(), l));
    Map<String, Integer> firstRowOfChange = new HashMap<>();
    Map<ChangeRow, CsvTable.Row> valid = new LinkedHashMap<>();
    for (CsvTable.Row row : table.rows()) {
      ChangeRow change = changeRow(row, packages, knownLines);
      if (change == null) {
        continue;
      }
      Integer first = firstRowOfChange.putIfAbsent(change.sourceReference(), row.number());
      if (first != null) {
        row.problem(
            "packageRef",
            "duplicate of row " + first + ": the same change to the same package on the same date");
      } else {
        valid.put(change, row);
      }
    }
    Set<String> imported = alreadyImported(firstRowOfChange.keySet());
    valid.forEach(
        (change, row) -> {
          if (imported.contains(change.sourceReference())) {
            row.problem(
                "packageRef",
                "already imported: this change to "
                    + change.carePackage().packageReference()
                    + " on "
                    + change.effective()
                    + " is in the ledger");
          }
        });
    table.rejectIfAnyProblems();
    return record(table.rows().size(), List.copyOf(valid.keySet()), actor);
  }

  /** Which of these changes an earlier import already put in the ledger: one query per thousand. */
  private Set<String> alreadyImported(Set<String> sourceReferences) {
    List<String> all = List.copyOf(sourceReferences);
    Set<String> found = new HashSet<>();
    for (int from = 0; from < all.size(); from += 1000) {
      found.addAll(
          entries.findSourceReferences(
              SourceProcess.IMPORT, all.subList(from, Math.min(all.size(), from + 1000))));
    }
    return found;
  }

  private CostChangesImported record(int rows, List<ChangeRow> changes, String actor) {
    List<RowProblem> problems = new ArrayList<>();
    int written = 0;
    int clawbacks = 0;
    Map<ImportedStatus, Integer> byStatus = new EnumMap<>(ImportedStatus.class);
    // In date order, so a rise after a saving claws it back just as it would have live.
    List<ChangeRow> inOrder =
        changes.stream()
            .sorted(Comparator.comparing(ChangeRow::effective).thenComparing(ChangeRow::row))
            .toList();
    for (ChangeRow change : inOrder) {
      try {
        CostChangeCommand command =
            new CostChangeCommand(
                SourceProcess.IMPORT,
                change.sourceReference(),
                change.carePackage().packageId(),
                change.carePackage().personId(),
                change.oldCost(),
                change.newCost(),
                change.effective(),
                change.kind(),
                change.lineCode(),
                change.reason(),
                actor);
        boolean growth = change.kind() == SavingsKind.GROWTH;
        boolean notInEffect =
            change.status() == ImportedStatus.REJECTED
                || change.status() == ImportedStatus.WITHDRAWN;
        // Growth has no validation stages: a rejected or withdrawn increase is recorded at that
        // status and claws
        // nothing back; any other counts in full, whatever stage the tracker gave it
        // (docs/savings-rules.md).
        List<CostChange> recorded =
            growth && notInEffect
                ? ledger.recordNotInEffect(
                    command,
                    SavingStatus.valueOf(change.status().name()),
                    "Imported from the council's savings tracker as " + change.status())
                : ledger.record(command);
        written += recorded.size();
        for (CostChange entry : recorded) {
          if (entry.getEntryType() == EntryType.CLAWBACK) {
            clawbacks++;
          } else if (!growth) {
            applyStatus(entry.costChangeId(), change.status(), actor);
          }
        }
        byStatus.merge(change.status(), 1, Integer::sum);
      } catch (InvalidRequestException e) {
        problems.add(new RowProblem(change.row(), e.field(), e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      // The transaction rolls back: nothing of this import stays.
      throw new RowsRejectedException(rows, problems);
    }
    Map<String, Integer> statusCounts = new LinkedHashMap<>();
    byStatus.forEach((status, count) -> statusCounts.put(status.name(), count));
    return new CostChangesImported(rows, written, clawbacks, statusCounts);
  }

  private void applyStatus(CostChangeId entryId, ImportedStatus status, String actor) {
    String reason = "Imported from the council's savings tracker as " + status;
    switch (status) {
      case IDENTIFIED -> {}
      case VALIDATED -> ledger.changeStatus(entryId, SavingStatus.VALIDATED, null, reason, actor);
      case RATIFIED -> {
        ledger.changeStatus(entryId, SavingStatus.VALIDATED, null, reason, actor);
        ledger.changeStatus(entryId, SavingStatus.RATIFIED, null, reason, actor);
      }
      case REJECTED -> ledger.changeStatus(entryId, SavingStatus.REJECTED, null, reason, actor);
      case WITHDRAWN -> ledger.changeStatus(entryId, SavingStatus.WITHDRAWN, null, reason, actor);
    }
  }

  private static ChangeRow changeRow(
      CsvTable.Row row,
      Map<String, PackageIdentity> packages,
      Map<String, SavingsLine> knownLines) {
    String personRef = row.required("personRef", 20);
    String packageRef = row.required("packageRef", 20);
    Money oldCost = cost(row, "oldWeeklyCost");
    Money newCost = cost(row, "newWeeklyCost");
    LocalDate effective = row.date("effectiveDate");
    String lineCode = row.required("lineCode", 40);
    SavingsKind kind = row.choice("kind", SavingsKind.class);
    ImportedStatus status = row.choice("status", ImportedStatus.class);
    String reason = row.text("reason");
    if (reason != null && reason.length() > 1000) {
      row.problem("reason", "is longer than 1000 characters");
    }
    PackageIdentity carePackage = packageRef == null ? null : packages.get(packageRef);
    if (packageRef != null && carePackage == null) {
      row.problem("packageRef", "is not a known care package: " + packageRef);
    } else if (carePackage != null
        && personRef != null
        && !carePackage.personReference().equals(personRef)) {
      row.problem("personRef", "package " + packageRef + " is not " + personRef + "'s");
    }
    SavingsLine line = lineCode == null ? null : knownLines.get(lineCode);
    if (lineCode != null && line == null) {
      row.problem("lineCode", "is not a savings line in the programme: " + lineCode);
    } else if (line != null && kind != null && line.getKind() != kind) {
      row.problem("kind", "line " + lineCode + " is for " + line.getKind() + ", not " + kind);
    }
    if (oldCost != null && newCost != null && kind != null) {
      int direction = newCost.minus(oldCost).signum();
      if (direction == 0) {
        row.problem("newWeeklyCost", "is the same as the old cost: there is no cost change");
      } else if (kind == SavingsKind.GROWTH && direction < 0) {
        row.problem("kind", "growth must be a cost increase");
      } else if (kind != SavingsKind.GROWTH && direction > 0) {
        row.problem("kind", kind + " must be a cost reduction; an increase is GROWTH");
      }
    }
    if (carePackage == null
        || oldCost == null
        || newCost == null
        || effective == null
        || line == null
        || kind == null
        || status == null
        || personRef == null) {
      return null;
    }
    return new ChangeRow(
        row.number(),
        carePackage,
        oldCost,
        newCost,
        effective,
        lineCode,
        kind,
        status,
        reason == null ? "Imported from the council's savings tracker" : reason);
  }

  private static Money cost(CsvTable.Row row, String column) {
    BigDecimal amount = row.weeklyAmount(column);
    if (amount != null && amount.signum() < 0) {
      row.problem(column, "must not be negative: a weekly cost is GBP 0 or more");
      return null;
    }
    return money(amount);
  }

  private static FinancialYear financialYear(CsvTable.Row row) {
    String value = row.text("financialYear");
    if (value == null) {
      row.problem("financialYear", "is required");
      return null;
    }
    try {
      return FinancialYear.parse(value);
    } catch (IllegalArgumentException e) {
      row.problem("financialYear", e.getMessage());
      return null;
    }
  }

  /**
   * Optional: the share (0 to 1, e.g. 0.5 or 50%) of what is identified and not yet validated that
   * the forecast counts.
   */
  private static BigDecimal confidenceFactor(CsvTable.Row row) {
    String value = row.text("confidenceFactor");
    if (value == null) {
      return null;
    }
    try {
      boolean percent = value.endsWith("%");
      BigDecimal factor =
          new BigDecimal(percent ? value.substring(0, value.length() - 1).strip() : value);
      if (percent) {
        factor = factor.movePointLeft(2);
      }
      if (factor.signum() < 0
          || factor.compareTo(BigDecimal.ONE) > 0
          || factor.stripTrailingZeros().scale() > 4) {
        row.problem(
            "confidenceFactor",
            "must be between 0 and 1 (or 0% and 100%), with at most four decimals: '"
                + value
                + "'");
        return null;
      }
      return factor.stripTrailingZeros().setScale(Math.max(1, factor.stripTrailingZeros().scale()));
    } catch (NumberFormatException e) {
      row.problem("confidenceFactor", "is not a number: '" + value + "'");
      return null;
    }
  }

  private static boolean sameFactor(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static void checkTargetSign(CsvTable.Row row, SavingsKind kind, Money target) {
    if (kind == SavingsKind.GROWTH && target.isNegative()) {
      row.problem("target", "a growth target is a cost increase, so 0 or more");
    } else if (kind != SavingsKind.GROWTH && target.isPositive()) {
      row.problem(
          "target",
          "a saving is written negative, like the ledger (a saving of 3,015,000 is -3015000 "
              + "or (3,015,000))");
    }
  }

  private static Money money(BigDecimal amount) {
    return amount == null ? null : Money.of(amount);
  }
}

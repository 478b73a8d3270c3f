package org.carereviews.common.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carereviews.common.DateWindows;
import org.carereviews.common.Money;
import org.carereviews.common.web.InputText;
import org.carereviews.common.web.RowsRejectedException;
import org.carereviews.common.web.RowsRejectedException.RowProblem;

/**
 * A CSV file read whole for an all-or-nothing import: a header row naming the columns (in any
 * order, any case), then data rows. Problems with the file, the header or any cell are collected,
 * row by row, and {@link #rejectIfAnyProblems()} refuses the whole import naming each of them.
 */
public final class CsvTable {

  /** Rows are numbered as a spreadsheet shows them: the header is row 1. */
  public static final int HEADER_ROW = 1;

  private static final Pattern AMOUNT = Pattern.compile("-?\\(?[0-9][0-9,]*(\\.[0-9]+)?\\)?");
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  /** One data row; cells are read by column name and report their own problems. */
  public final class Row {
    private final int number;
    private final CSVRecord record;

    private Row(int number, CSVRecord record) {
      this.number = number;
      this.record = record;
    }

    public int number() {
      return number;
    }

    /**
     * The trimmed cell, or null when the column is absent or the cell blank (or holds a control
     * character other than tab or a line break, which is a problem of the row).
     */
    public String text(String column) {
      Integer index = columns.get(column.toLowerCase(Locale.ROOT));
      if (index == null || index >= record.size()) {
        return null;
      }
      String value = record.get(index).strip();
      if (InputText.hasControlCharacter(value, true)) {
        problem(column, InputText.CONTROL_MESSAGE);
        return null;
      }
      return value.isEmpty() ? null : value;
    }

    /**
     * A required one-line text cell (a reference, code or name) of at most {@code maxLength}
     * characters.
     */
    public String required(String column, int maxLength) {
      String value = text(column);
      if (value == null) {
        problem(column, "is required");
      } else if (InputText.hasControlCharacter(value, false)) {
        problem(column, InputText.NAME_MESSAGE);
        return null;
      } else if (value.length() > maxLength) {
        problem(column, "is longer than " + maxLength + " characters");
        return null;
      }
      return value;
    }

    /**
     * An amount in pounds with at most two decimals: {@code -3015000}, {@code -3,015,000.00} or the
     * accountants' {@code (3,015,000)}.
     */
    public BigDecimal amount(String column) {
      String value = text(column);
      if (value == null) {
        problem(column, "is required");
        return null;
      }
      String compact = value.replace("£", "").replace(" ", "");
      if (!AMOUNT.matcher(compact).matches()) {
        problem(column, "is not a number: '" + value + "'");
        return null;
      }
      boolean bracketed = compact.contains("(");
      if (bracketed != compact.contains(")") || (bracketed && compact.contains("-"))) {
        problem(column, "is not a number: '" + value + "'");
        return null;
      }
      BigDecimal amount;
      try {
        amount = new BigDecimal(compact.replace(",", "").replace("(", "").replace(")", ""));
      } catch (NumberFormatException e) {
        problem(column, "is not a number: '" + value + "'");
        return null;
      }
      if (amount.scale() > 2) {
        problem(column, "has more than two decimal places: '" + value + "'");
        return null;
      }
      if (!Money.withinCeiling(amount, Money.MAX_ANNUAL_INPUT)) {
        problem(column, "must be at most " + Money.MAX_ANNUAL_INPUT + " either way");
        return null;
      }
      return bracketed ? amount.negate() : amount;
    }

    /**
     * A weekly amount: as {@link #amount(String)}, at most {@link Money#MAX_WEEKLY_INPUT} either
     * way.
     */
    public BigDecimal weeklyAmount(String column) {
      BigDecimal amount = amount(column);
      if (amount != null && !Money.withinCeiling(amount, Money.MAX_WEEKLY_INPUT)) {
        problem(column, "must be at most " + Money.MAX_WEEKLY_INPUT + " a week");
        return null;
      }
      return amount;
    }

    /** A date written yyyy-mm-dd; impossible dates (2024-02-30) are refused. */
    public LocalDate date(String column) {
      String value = text(column);
      if (value == null) {
        problem(column, "is required");
        return null;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(value, ISO_DATE);
      } catch (DateTimeParseException e) {
        problem(column, "is not a real date in the form yyyy-mm-dd: '" + value + "'");
        return null;
      }
      String outside = DateWindows.careDateProblem(date);
      if (outside != null) {
        problem(column, outside);
        return null;
      }
      return date;
    }

    /** A value of an enum, by name or label, ignoring case, spaces and hyphens. */
    public <E extends Enum<E>> E choice(String column, Class<E> type) {
      String value = text(column);
      if (value == null) {
        problem(column, "is required");
        return null;
      }
      String wanted = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(wanted)) {
          return constant;
        }
      }
      problem(
          column,
          "must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ", not '"
              + value
              + "'");
      return null;
    }

    public void problem(String column, String message) {
      problems.add(new RowProblem(number, column, message));
    }
  }

  private final Map<String, Integer> columns = new TreeMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<RowProblem> problems = new ArrayList<>();
  private int headerSize;

  private CsvTable() {}

  /**
   * Reads the file whole (at most {@code maxRows} data rows) and checks its header: every required
   * column present, no column it does not know.
   */
  public static CsvTable read(
      Reader reader, List<String> requiredColumns, List<String> optionalColumns, int maxRows) {
    CsvTable table = new CsvTable();
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      int number = 0;
      for (CSVRecord record : parser) {
        number++;
        if (number == HEADER_ROW) {
          table.readHeader(record, requiredColumns, optionalColumns);
        } else if (number - HEADER_ROW > maxRows) {
          table.problems.add(
              new RowProblem(
                  number,
                  "",
                  "the file has more than " + maxRows + " rows; split it into smaller imports"));
          break;
        } else {
          Row row = table.new Row(number, record);
          if (record.size() > table.headerSize) {
            row.problem(
                "",
                "has "
                    + record.size()
                    + " values but the header names "
                    + table.headerSize
                    + " columns: a value with a comma must be in double quotes");
          }
          table.rows.add(row);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      table.problems.add(
          new RowProblem(HEADER_ROW, "", "is not a readable CSV file: " + e.getMessage()));
    }
    if (table.columns.isEmpty() && table.problems.isEmpty()) {
      table.problems.add(
          new RowProblem(
              HEADER_ROW, "", "the file is empty: expected a header row with " + requiredColumns));
    } else if (table.rows.isEmpty() && table.problems.isEmpty()) {
      table.problems.add(new RowProblem(HEADER_ROW + 1, "", "the file has a header but no rows"));
    }
    return table;
  }

  private void readHeader(CSVRecord header, List<String> required, List<String> optional) {
    headerSize = header.size();
    Set<String> known = new LinkedHashSet<>();
    required.forEach(c -> known.add(c.toLowerCase(Locale.ROOT)));
    optional.forEach(c -> known.add(c.toLowerCase(Locale.ROOT)));
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
      if (!known.contains(name)) {
        problems.add(
            new RowProblem(
                HEADER_ROW,
                header.get(i),
                "is not a known column; expected "
                    + required
                    + (optional.isEmpty() ? "" : " and optionally " + optional)));
      } else if (columns.putIfAbsent(name, i) != null) {
        problems.add(new RowProblem(HEADER_ROW, header.get(i), "appears twice"));
      }
    }
    for (String column : required) {
      if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
        problems.add(new RowProblem(HEADER_ROW, column, "is a required column and is missing"));
      }
    }
  }

  public List<Row> rows() {
    return rows;
  }

  /** Whether a header or file problem means the rows cannot be read at all. */
  public boolean unreadable() {
    return problems.stream().anyMatch(p -> p.row() == HEADER_ROW) || rows.isEmpty();
  }

  public void rejectIfAnyProblems() {
    if (!problems.isEmpty()) {
      throw new RowsRejectedException(rows.size(), problems);
    }
  }
}

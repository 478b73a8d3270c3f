package org.carereviews.common.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a table row by row, streaming: an export of a year's ledger never sits in memory. Cells
 * are text, {@link java.math.BigDecimal} or {@link org.carereviews.common.Money} amounts, dates,
 * numbers, booleans or null (empty).
 */
public interface TableWriter extends AutoCloseable {

  void header(List<String> names);

  void row(List<?> cells);

  @Override
  void close();

  /**
   * Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
   * return) is written with a leading apostrophe, so free text from case records cannot inject a
   * formula into finance's spreadsheet (OWASP "CSV injection").
   */
  static String neutralised(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException("could not write the export", e);
  }
}

package org.carereviews.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carereviews.common.Money;

/** RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel reads pound signs and accents right. */
final class CsvTableWriter implements TableWriter {

  private final CSVPrinter printer;

  CsvTableWriter(OutputStream out) {
    try {
      OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    } catch (IOException e) {
      throw TableWriter.unchecked(e);
    }
  }

  @Override
  public void header(List<String> names) {
    row(names);
  }

  @Override
  public void row(List<?> cells) {
    try {
      for (Object cell : cells) {
        printer.print(text(cell));
      }
      printer.println();
    } catch (IOException e) {
      throw TableWriter.unchecked(e);
    }
  }

  private static String text(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Money money) {
      return money.amount().toPlainString();
    }
    if (cell instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (cell instanceof Number || cell instanceof Boolean) {
      return cell.toString();
    }
    return TableWriter.neutralised(cell.toString());
  }

  @Override
  public void close() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw TableWriter.unchecked(e);
    }
  }
}

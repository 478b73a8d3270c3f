package org.carereviews.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.carereviews.common.Money;

/**
 * An Excel workbook of one sheet, streamed with POI's SXSSF (a window of rows in memory, the rest
 * flushed to a temporary file that is deleted on close). Amounts are numbers in a GBP format, dates
 * are dates, so finance can sum and filter at once.
 */
final class XlsxTableWriter implements TableWriter {

  private static final int ROWS_IN_MEMORY = 200;

  private final OutputStream out;
  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private final CellStyle moneyStyle;
  private final CellStyle dateStyle;
  private final CellStyle headerStyle;
  private int rowNumber;

  XlsxTableWriter(OutputStream out, String sheetName) {
    this.out = out;
    this.workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    this.sheet = workbook.createSheet(sheetName);
    this.moneyStyle = workbook.createCellStyle();
    moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00;[Red]-#,##0.00"));
    this.dateStyle = workbook.createCellStyle();
    dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    this.headerStyle = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    headerStyle.setFont(bold);
  }

  @Override
  public void header(List<String> names) {
    Row row = sheet.createRow(rowNumber++);
    for (int i = 0; i < names.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(names.get(i));
      cell.setCellStyle(headerStyle);
    }
    sheet.createFreezePane(0, 1);
  }

  @Override
  public void row(List<?> cells) {
    Row row = sheet.createRow(rowNumber++);
    for (int i = 0; i < cells.size(); i++) {
      Object value = cells.get(i);
      if (value == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (value instanceof Money money) {
        cell.setCellValue(money.amount().doubleValue());
        cell.setCellStyle(moneyStyle);
      } else if (value instanceof BigDecimal number) {
        cell.setCellValue(number.doubleValue());
      } else if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else if (value instanceof Boolean flag) {
        cell.setCellValue(flag);
      } else if (value instanceof LocalDate date) {
        cell.setCellValue(date);
        cell.setCellStyle(dateStyle);
      } else if (value instanceof TemporalAccessor) {
        cell.setCellValue(value.toString());
      } else {
        // Excel does not run formulas in string cells, but a copy into CSV would: neutralise here
        // too.
        cell.setCellValue(TableWriter.neutralised(value.toString()));
      }
    }
  }

  @Override
  public void close() {
    try {
      workbook.write(out);
      out.flush();
    } catch (IOException e) {
      throw TableWriter.unchecked(e);
    } finally {
      try {
        workbook.close();
      } catch (IOException e) {
        // The temporary files are deleted by close(); nothing more to do if it fails.
      }
    }
  }
}

package org.carereviews.common.export;

import java.io.OutputStream;
import org.springframework.http.MediaType;

/** The formats the API exports tables in: CSV, and XLSX because finance lives in Excel. */
public enum ExportFormat {
  CSV("text/csv", "csv"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

  private final MediaType mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = MediaType.parseMediaType(mediaType);
    this.extension = extension;
  }

  public MediaType mediaType() {
    return mediaType;
  }

  public String fileName(String baseName) {
    return baseName + "." + extension;
  }

  /**
   * A writer of one sheet in this format onto the stream; closing it finishes the file (not the
   * stream).
   */
  public TableWriter open(OutputStream out, String sheetName) {
    return this == CSV ? new CsvTableWriter(out) : new XlsxTableWriter(out, sheetName);
  }
}

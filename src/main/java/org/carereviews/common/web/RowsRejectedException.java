package org.carereviews.common.web;

import java.util.List;

/**
 * An import refused as a whole: every bad row is named, with each bad column and why, and nothing
 * was written. Rows are numbered as a spreadsheet shows them (the header is row 1).
 */
public class RowsRejectedException extends RuntimeException {

  public record RowProblem(int row, String column, String message) {}

  private final int rowsRead;
  private final List<RowProblem> problems;

  public RowsRejectedException(int rowsRead, List<RowProblem> problems) {
    super(
        problems.stream().map(p -> p.row()).distinct().count()
            + " of "
            + rowsRead
            + " rows are invalid; nothing was imported.");
    this.rowsRead = rowsRead;
    this.problems = List.copyOf(problems);
  }

  public int rowsRead() {
    return rowsRead;
  }

  public List<RowProblem> problems() {
    return problems;
  }
}

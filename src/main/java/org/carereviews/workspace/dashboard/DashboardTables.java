package org.carereviews.workspace.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carereviews.common.Money;

/**
 * The dashboard's building blocks: tables (shown as GOV.UK tables and exported as CSV or XLSX, the
 * same cells) and charts (an ECharts spec read by {@code dashboard.js}, each beside its table and
 * summary).
 */
final class DashboardTables {

  private DashboardTables() {}

  /**
   * A cell: the value an export writes, the text a page shows, a link (a drill-down) and whether it
   * is a number.
   */
  record Cell(Object value, String text, String href, boolean numeric) {

    static Cell text(String text) {
      return new Cell(text, text == null ? "" : text, null, false);
    }

    static Cell money(Money money) {
      return new Cell(money == null ? null : money.amount(), formatMoney(money), null, true);
    }

    static Cell money(Money money, String href) {
      return new Cell(money == null ? null : money.amount(), formatMoney(money), href, true);
    }

    static Cell count(long n) {
      return new Cell(n, String.format(Locale.UK, "%,d", n), null, true);
    }

    static Cell number(BigDecimal n, String suffix) {
      return new Cell(n, n == null ? "" : n.toPlainString() + suffix, null, true);
    }
  }

  /** A table: its id (for the export's address), caption, column headings and rows. */
  record Table(String id, String caption, List<String> headers, List<List<Cell>> rows) {

    /** Whether each column holds numbers (its heading is then aligned with them). */
    public List<Boolean> numericColumns() {
      List<Boolean> numeric = new ArrayList<>();
      for (int i = 0; i < headers.size(); i++) {
        int index = i;
        numeric.add(
            i > 0 && rows.stream().anyMatch(r -> index < r.size() && r.get(index).numeric()));
      }
      return numeric;
    }
  }

  /**
   * A chart: {@code kind} bar (stacked when series share a stack), line; {@code categories} along
   * the axis; {@code series} each with a name, values and optional stack, type and links (one per
   * value, for a click).
   */
  record Chart(String id, String title, String summary, String tableId, Map<String, Object> spec) {}

  record Series(String name, List<BigDecimal> data, String stack, String type, List<String> links) {

    Map<String, Object> toMap() {
      Map<String, Object> map = new java.util.LinkedHashMap<>();
      map.put("name", name);
      map.put("data", data);
      if (stack != null) {
        map.put("stack", stack);
      }
      map.put("type", type == null ? "bar" : type);
      if (links != null) {
        map.put("links", links);
      }
      return map;
    }
  }

  static Map<String, Object> spec(
      String kind, List<String> categories, List<Series> series, String valueAxisName) {
    Map<String, Object> spec = new java.util.LinkedHashMap<>();
    spec.put("kind", kind);
    spec.put("categories", categories);
    List<Map<String, Object>> list = new ArrayList<>();
    series.forEach(s -> list.add(s.toMap()));
    spec.put("series", list);
    spec.put("valueAxis", valueAxisName);
    return spec;
  }

  static String formatMoney(Money money) {
    if (money == null) {
      return "";
    }
    BigDecimal amount = money.amount();
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    String digits = format.format(amount.abs().setScale(0, RoundingMode.HALF_EVEN));
    return (amount.signum() < 0 && !digits.equals("0") ? "-£" : "£") + digits;
  }

  /** A saving shown as a positive amount saved (the ledger signs a saving negative). */
  static BigDecimal saved(Money money) {
    return money == null
        ? BigDecimal.ZERO
        : money.amount().negate().setScale(0, RoundingMode.HALF_EVEN);
  }

  static BigDecimal whole(Money money) {
    return money == null ? BigDecimal.ZERO : money.amount().setScale(0, RoundingMode.HALF_EVEN);
  }
}

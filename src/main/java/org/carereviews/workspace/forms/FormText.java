package org.carereviews.workspace.forms;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A text component's markdown as GOV.UK HTML, safely: every character of the text and of the values
 * put into its {@code {{name}}} placeholders is escaped, and only the markdown below becomes
 * markup. Headings ({@code #} to {@code ####}; one level below the page's own {@code h1}),
 * paragraphs, bold, italics, code, bulleted and numbered lists, and tables.
 */
final class FormText {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");
  private static final Pattern TABLE_RULE =
      Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
  private static final String[] HEADING_CLASSES = {
    "govuk-heading-l", "govuk-heading-m", "govuk-heading-s"
  };

  private FormText() {}

  /**
   * The text with its placeholders filled from the case's variables (an unknown name shows
   * nothing).
   */
  static String filled(String markdown, Function<String, Object> variables) {
    Matcher placeholder = PLACEHOLDER.matcher(markdown);
    StringBuilder text = new StringBuilder();
    while (placeholder.find()) {
      Object value = variables.apply(placeholder.group(1));
      placeholder.appendReplacement(text, Matcher.quoteReplacement(shown(value)));
    }
    placeholder.appendTail(text);
    return text.toString();
  }

  /** The markdown as GOV.UK HTML, escaped. */
  static String html(String markdown) {
    List<String> lines = List.of(markdown.replace("\r\n", "\n").split("\n", -1));
    StringBuilder html = new StringBuilder();
    List<String> paragraph = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher heading = HEADING.matcher(line);
      if (line.isBlank()) {
        flush(paragraph, html);
        i++;
      } else if (heading.matches()) {
        flush(paragraph, html);
        int level = heading.group(1).length();
        int tag = Math.min(level + 1, 6);
        html.append("<h")
            .append(tag)
            .append(" class=\"")
            .append(HEADING_CLASSES[Math.min(level, 3) - 1])
            .append("\">")
            .append(inline(heading.group(2).strip()))
            .append("</h")
            .append(tag)
            .append(">\n");
        i++;
      } else if (BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches()) {
        flush(paragraph, html);
        boolean numbered = !BULLET.matcher(line).matches();
        Pattern item = numbered ? NUMBERED : BULLET;
        html.append(
            numbered
                ? "<ol class=\"govuk-list govuk-list--number\">\n"
                : "<ul class=\"govuk-list govuk-list--bullet\">\n");
        while (i < lines.size() && item.matcher(lines.get(i)).matches()) {
          Matcher matched = item.matcher(lines.get(i));
          matched.matches();
          html.append("<li>").append(inline(matched.group(1).strip())).append("</li>\n");
          i++;
        }
        html.append(numbered ? "</ol>\n" : "</ul>\n");
      } else if (line.strip().startsWith("|")
          && i + 1 < lines.size()
          && TABLE_RULE.matcher(lines.get(i + 1)).matches()) {
        flush(paragraph, html);
        List<String> header = cells(line);
        i += 2;
        List<List<String>> rows = new ArrayList<>();
        while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
          rows.add(cells(lines.get(i)));
          i++;
        }
        table(header, rows, html);
      } else {
        paragraph.add(line.strip());
        i++;
      }
    }
    flush(paragraph, html);
    return html.toString();
  }

  private static void flush(List<String> paragraph, StringBuilder html) {
    if (!paragraph.isEmpty()) {
      html.append("<p class=\"govuk-body\">")
          .append(inline(String.join(" ", paragraph)))
          .append("</p>\n");
      paragraph.clear();
    }
  }

  /** A table: a first column without a heading makes each row's first cell its header. */
  private static void table(List<String> header, List<List<String>> rows, StringBuilder html) {
    boolean rowHeaders = !header.isEmpty() && header.get(0).isBlank();
    boolean anyHeading = header.stream().anyMatch(cell -> !cell.isBlank());
    // In its own scrolling box (focusable, named), so that a wide table never makes the page scroll
    // sideways.
    html.append(
        "<div class=\"app-table-scroll\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n");
    html.append("<table class=\"govuk-table\">\n");
    if (anyHeading) {
      html.append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
      for (String cell : header) {
        html.append(
            cell.isBlank()
                ? "<td class=\"govuk-table__header\"></td>"
                : "<th scope=\"col\" class=\"govuk-table__header\">" + inline(cell) + "</th>");
      }
      html.append("</tr></thead>\n");
    }
    html.append("<tbody class=\"govuk-table__body\">\n");
    for (List<String> row : rows) {
      html.append("<tr class=\"govuk-table__row\">");
      for (int c = 0; c < row.size(); c++) {
        html.append(
            c == 0 && rowHeaders
                ? "<th scope=\"row\" class=\"govuk-table__header\">" + inline(row.get(c)) + "</th>"
                : "<td class=\"govuk-table__cell\">" + inline(row.get(c)) + "</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</div>\n");
  }

  private static List<String> cells(String line) {
    String row = line.strip().replace("\\|", "\u0000");
    if (row.startsWith("|")) {
      row = row.substring(1);
    }
    if (row.endsWith("|")) {
      row = row.substring(0, row.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String cell : row.split("\\|", -1)) {
      cells.add(cell.replace('\u0000', '|').strip());
    }
    return cells;
  }

  /**
   * Escapes the text, then marks up {@code **bold**}, {@code _italics_}/{@code *italics*} and
   * {@code `code`}.
   */
  static String inline(String text) {
    String escaped = HtmlUtils.htmlEscape(text);
    escaped = escaped.replaceAll("`([^`]+)`", "<code>$1</code>");
    escaped = escaped.replaceAll("\\*\\*(.*?)\\*\\*", "<strong>$1</strong>");
    escaped = escaped.replaceAll("__(.+?)__", "<strong>$1</strong>");
    escaped = escaped.replaceAll("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])", "<em>$1</em>");
    escaped = escaped.replaceAll("(?<![\\w_])_(?!\\s)(.+?)(?<!\\s)_(?![\\w_])", "<em>$1</em>");
    return escaped;
  }

  private static String shown(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    return value.toString();
  }
}

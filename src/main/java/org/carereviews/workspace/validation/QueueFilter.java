package org.carereviews.workspace.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.carereviews.savings.validation.ValidationDesk.QueueRow;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What finance's queue is asked for, from the query string: savings line, team, stage (first or
 * second validation), the full-year saving between a minimum and a maximum (pounds saved, whatever
 * the ledger's sign), waiting at least a number of days, the order and the page (1-based). A value
 * that cannot be read is kept as typed, with its error, and filters nothing.
 */
record QueueFilter(
    String line,
    String team,
    String stage,
    String minimum,
    String maximum,
    String age,
    String sort,
    int page,
    List<ValidationController.FieldError> errors) {

  static final int PAGE_SIZE = 50;
  static final List<String> SORTS = List.of("waited", "amount", "effective", "line");
  private static final BigDecimal MOST = new BigDecimal("100000000");

  static QueueFilter of(
      String line,
      String team,
      String stage,
      String minimum,
      String maximum,
      String age,
      String sort,
      String page) {
    List<ValidationController.FieldError> errors = new ArrayList<>();
    String min = blankToNull(minimum);
    String max = blankToNull(maximum);
    String days = blankToNull(age);
    BigDecimal low = amount(min, "minimum", "The smallest full-year saving", errors);
    BigDecimal high = amount(max, "maximum", "The largest full-year saving", errors);
    if (low != null && high != null && low.compareTo(high) > 0) {
      errors.add(
          new ValidationController.FieldError(
              "maximum", "The largest full-year saving must be at least the smallest"));
    }
    if (days != null && !days.matches("\\d{1,5}")) {
      errors.add(
          new ValidationController.FieldError(
              "age", "Days waiting must be a whole number of days, like 14"));
    }
    int number = 1;
    if (page != null && page.matches("\\d{1,6}")) {
      number = Math.max(1, Integer.parseInt(page));
    }
    return new QueueFilter(
        limited(blankToNull(line)),
        limited(blankToNull(team)),
        "first".equals(stage) || "second".equals(stage) ? stage : null,
        min == null ? null : limited(min),
        max == null ? null : limited(max),
        days == null ? null : limited(days),
        sort != null && SORTS.contains(sort) ? sort : "waited",
        number,
        List.copyOf(errors));
  }

  /** The rows this filter keeps, in its order. */
  List<QueueRow> apply(List<QueueRow> rows, Instant now) {
    BigDecimal low = errorAt("minimum") ? null : parsed(minimum);
    BigDecimal high = errorAt("maximum") || errorAt("minimum") ? null : parsed(maximum);
    Long days = age == null || errorAt("age") ? null : Long.parseLong(age);
    Comparator<QueueRow> order =
        switch (sort) {
          case "amount" ->
              Comparator.comparing((QueueRow r) -> r.fullYearEffect().abs()).reversed();
          case "effective" -> Comparator.comparing(QueueRow::effectiveDate);
          case "line" -> Comparator.comparing(QueueRow::savingsLineCode);
          default -> Comparator.comparing(QueueRow::waitingSince);
        };
    return rows.stream()
        .filter(r -> line == null || line.equals(r.savingsLineCode()))
        .filter(r -> team == null || team.equals(r.teamCode()))
        .filter(r -> stage == null || r.secondValidation() == "second".equals(stage))
        .filter(r -> low == null || r.fullYearEffect().abs().compareTo(low) >= 0)
        .filter(r -> high == null || r.fullYearEffect().abs().compareTo(high) <= 0)
        .filter(r -> days == null || daysWaiting(r, now) >= days)
        .sorted(order.thenComparing(QueueRow::costChangeId))
        .toList();
  }

  static long daysWaiting(QueueRow row, Instant now) {
    return row.waitingSince() == null
        ? 0
        : Math.max(0, ChronoUnit.DAYS.between(row.waitingSince(), now));
  }

  boolean errorAt(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public boolean isEverything() {
    return line == null
        && team == null
        && stage == null
        && minimum == null
        && maximum == null
        && age == null;
  }

  /** This filter's query string on another page (1-based). */
  String url(int onPage) {
    return UriComponentsBuilder.fromPath("/validation")
        .queryParamIfPresent("line", java.util.Optional.ofNullable(line))
        .queryParamIfPresent("team", java.util.Optional.ofNullable(team))
        .queryParamIfPresent("stage", java.util.Optional.ofNullable(stage))
        .queryParamIfPresent("minimum", java.util.Optional.ofNullable(minimum))
        .queryParamIfPresent("maximum", java.util.Optional.ofNullable(maximum))
        .queryParamIfPresent("age", java.util.Optional.ofNullable(age))
        .queryParam("sort", sort)
        .queryParam("page", onPage)
        .encode()
        .build()
        .toUriString();
  }

  private static BigDecimal amount(
      String text, String field, String label, List<ValidationController.FieldError> errors) {
    if (text == null) {
      return null;
    }
    BigDecimal amount = parsed(text);
    if (amount == null || amount.signum() < 0 || amount.compareTo(MOST) > 0) {
      errors.add(
          new ValidationController.FieldError(
              field, label + " must be an amount in pounds, like 5000 or 5000.50"));
      return null;
    }
    return amount;
  }

  /** Pounds as typed ("£5,000.50"), or null when not an amount. */
  static BigDecimal parsed(String text) {
    if (text == null) {
      return null;
    }
    String plain = text.strip().replace("£", "").replace(",", "").toLowerCase(Locale.ROOT);
    if (!plain.matches("-?\\d{1,12}(\\.\\d{1,2})?")) {
      return null;
    }
    return new BigDecimal(plain);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String limited(String text) {
    return text == null || text.length() <= 60 ? text : text.substring(0, 60);
  }
}

package org.carereviews.savings;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.carereviews.common.Money;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The forecast of a savings line and when it is at risk (docs/savings-rules.md):
 *
 * <pre>
 *   forecast = ratified + (validated - ratified) + (identified - validated) x confidence factor
 *   variance = forecast - target
 *   at risk  = variance > tolerance x |target|     (no target: no variance, never at risk)
 * </pre>
 *
 * where identified, validated and ratified are the line's incremental figures of the year (each
 * stage includes the later ones), the confidence factor is the line's own ({@code savings_line}) or
 * else {@code care-reviews.savings.confidence-factor}, and the tolerance is {@code
 * care-reviews.savings.at-risk-tolerance}. A group of lines (a theme, a kind's total) is the sum of
 * its lines' forecasts, each rounded to the penny.
 */
@Component
class SavingsForecasts {

  /** A line's theme, kind and confidence factor (its own or the setting). */
  record LineSettings(String theme, SavingsKind kind, BigDecimal confidenceFactor) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final BigDecimal defaultConfidence;
  private final BigDecimal tolerance;

  SavingsForecasts(NamedParameterJdbcTemplate jdbc, SavingsProperties properties) {
    this.jdbc = jdbc;
    this.defaultConfidence = properties.confidenceFactor();
    this.tolerance = properties.atRiskTolerance();
  }

  /** Every line's settings, by code. */
  Map<String, LineSettings> lines() {
    Map<String, LineSettings> lines = new HashMap<>();
    jdbc.query(
        "select code, theme, kind, confidence_factor from savings_line",
        new MapSqlParameterSource(),
        rs -> {
          BigDecimal own = rs.getBigDecimal("confidence_factor");
          lines.put(
              rs.getString("code"),
              new LineSettings(
                  rs.getString("theme"),
                  SavingsKind.valueOf(rs.getString("kind")),
                  own == null ? defaultConfidence : own));
        });
    return lines;
  }

  /** The forecast from one line's incremental figures at each stage. */
  static Money forecast(Money identified, Money validated, BigDecimal confidenceFactor) {
    return validated.plus(
        Money.rounded(identified.minus(validated).amount().multiply(confidenceFactor)));
  }

  /** forecast - target, or null without a target. */
  static Money variance(Money forecast, Money target) {
    return forecast == null || target == null ? null : forecast.minus(target);
  }

  /**
   * Whether a variance is a shortfall of more than the tolerance (a saving's target and forecast
   * are negative).
   */
  boolean atRisk(Money variance, Money target) {
    return variance != null
        && target != null
        && variance.amount().compareTo(target.amount().abs().multiply(tolerance)) > 0;
  }

  BigDecimal tolerance() {
    return tolerance;
  }

  BigDecimal defaultConfidence() {
    return defaultConfidence;
  }
}

package org.carereviews.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of pounds sterling, exact to the penny.
 *
 * <p>Backed by a {@link BigDecimal} of scale 2; never a floating-point number. Amounts may be
 * negative (a weekly delta of a saving is negative). Arithmetic that can produce fractions of a
 * penny ({@link #times(BigDecimal)}) rounds half-even (banker's rounding), as finance systems do,
 * so that rounding errors do not accumulate in one direction over many entries.
 */
public final class Money implements Comparable<Money> {

  public static final String CURRENCY = "GBP";
  public static final int SCALE = 2;
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  /**
   * The ceiling on any weekly amount the service is given (API bodies, Tasklist forms, imports):
   * GBP 1,000,000.00 a week, far above any care package yet well inside the database's columns and
   * every figure derived from it. Business ceilings (e.g. the review's weekly cost ceiling) are
   * lower.
   */
  public static final String MAX_WEEKLY_INPUT_TEXT = "1000000.00";

  public static final Money MAX_WEEKLY_INPUT = new Money(new BigDecimal(MAX_WEEKLY_INPUT_TEXT));

  /**
   * The same ceiling for an amount a year (a savings target): 53 weeks of {@link
   * #MAX_WEEKLY_INPUT}.
   */
  public static final String MAX_ANNUAL_INPUT_TEXT = "53000000.00";

  public static final Money MAX_ANNUAL_INPUT = new Money(new BigDecimal(MAX_ANNUAL_INPUT_TEXT));

  private final BigDecimal amount;

  private Money(BigDecimal amount) {
    this.amount = amount.setScale(SCALE, ROUNDING);
  }

  /**
   * Exact pounds and pence. An amount with more than two decimal places is refused rather than
   * silently rounded: money that arrives should already be in pence.
   */
  public static Money of(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.stripTrailingZeros().scale() > SCALE) {
      throw new IllegalArgumentException(
          "money has at most two decimal places (pence): " + amount.toPlainString());
    }
    return new Money(amount);
  }

  /**
   * Money as a client sends it in JSON: exact pounds and pence (see {@link #of(BigDecimal)}), at
   * most {@link #MAX_ANNUAL_INPUT} either way; a field holding a weekly amount checks {@link
   * #MAX_WEEKLY_INPUT}.
   */
  @JsonCreator
  public static Money fromInput(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    if (!withinCeiling(amount, MAX_ANNUAL_INPUT)) {
      throw new IllegalArgumentException("must be at most " + MAX_ANNUAL_INPUT + " either way");
    }
    return of(amount);
  }

  /**
   * Whether an amount given to the service is at most the ceiling either way (ceiling: a positive
   * amount).
   */
  public static boolean withinCeiling(BigDecimal amount, Money ceiling) {
    return amount.abs().compareTo(ceiling.amount) <= 0;
  }

  /** Parses {@code "123.45"}; see {@link #of(BigDecimal)}. */
  public static Money of(String amount) {
    Objects.requireNonNull(amount, "amount");
    try {
      return of(new BigDecimal(amount.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an amount of money: '" + amount + "'", e);
    }
  }

  public static Money ofPounds(long pounds) {
    return new Money(BigDecimal.valueOf(pounds));
  }

  /** Rounds any value to the nearest penny (half-even): for computed figures, not for input. */
  public static Money rounded(BigDecimal value) {
    return new Money(Objects.requireNonNull(value, "value"));
  }

  @JsonValue
  public BigDecimal amount() {
    return amount;
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount));
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(other.amount));
  }

  public Money negate() {
    return new Money(amount.negate());
  }

  /** Multiplies and rounds to the penny (half-even). */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor));
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public int signum() {
    return amount.signum();
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money other && amount.equals(other.amount);
  }

  @Override
  public int hashCode() {
    return amount.hashCode();
  }

  /** {@code 123.45}: plain digits, two decimal places, no currency symbol. */
  @Override
  public String toString() {
    return amount.toPlainString();
  }
}

package org.carereviews.savings;

import org.springframework.modulith.NamedInterface;

/** Councils report these separately and never add one to another. */
@NamedInterface("ledger")
public enum SavingsKind {
  CASHABLE_SAVING("cashable saving"),
  /** A cost that would have arisen and did not, e.g. a residential placement avoided. */
  COST_AVOIDANCE("cost avoidance"),
  /** A cost increase (pressure), e.g. a hospital discharge to a community package. */
  GROWTH("growth");

  private final String words;

  SavingsKind(String words) {
    this.words = words;
  }

  /** The kind in words, for texts people read ({@code cashable saving}), never the enum name. */
  public String words() {
    return words;
  }
}

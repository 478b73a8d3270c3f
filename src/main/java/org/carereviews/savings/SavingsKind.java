package org.carereviews.savings;

import org.springframework.modulith.NamedInterface;

/** Councils report these separately and never add one to another. */
@NamedInterface("ledger")
public enum SavingsKind {
  CASHABLE_SAVING,
  /** A cost that would have arisen and did not, e.g. a residential placement avoided. */
  COST_AVOIDANCE,
  /** A cost increase (pressure), e.g. a hospital discharge to a community package. */
  GROWTH
}

package org.carereviews.savings;

import org.springframework.modulith.NamedInterface;

/**
 * The id of an entry in the savings ledger (a {@link CostChange}): what review, panel and CTR get
 * back when they record a cost change, and what validation and the board decide on. Written as its
 * number.
 */
@NamedInterface("ledger")
public record CostChangeId(long value) {

  public static CostChangeId of(long value) {
    return new CostChangeId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

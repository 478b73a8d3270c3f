package org.carereviews.savings;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * identified -> validated (finance) -> ratified (= delivered, by the board); or rejected (back to
 * the recorder, who resubmits it as identified or withdraws it); or reversed, when the package goes
 * back up (a REVERSED event marks it; the reversal entry nets it off at whatever stage it reached).
 */
@NamedInterface("ledger")
public enum SavingStatus {
  IDENTIFIED,
  VALIDATED,
  RATIFIED,
  REJECTED,
  REVERSED,
  WITHDRAWN;

  /**
   * The stages a saving may move to from this one (REVERSED is not a stage: see {@link
   * SavingsLedger#reverse}).
   */
  public Set<SavingStatus> next() {
    return switch (this) {
      case IDENTIFIED -> EnumSet.of(VALIDATED, REJECTED, WITHDRAWN);
      case VALIDATED -> EnumSet.of(VALIDATED, RATIFIED, REJECTED);
      case REJECTED -> EnumSet.of(IDENTIFIED, WITHDRAWN);
      case RATIFIED, WITHDRAWN, REVERSED -> EnumSet.noneOf(SavingStatus.class);
    };
  }
}

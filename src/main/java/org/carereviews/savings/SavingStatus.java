package org.carereviews.savings;

/** identified -> validated (finance) -> ratified (= delivered, by the board); or rejected, withdrawn or reversed. */
public enum SavingStatus {
  IDENTIFIED,
  VALIDATED,
  RATIFIED,
  REJECTED,
  REVERSED,
  WITHDRAWN
}

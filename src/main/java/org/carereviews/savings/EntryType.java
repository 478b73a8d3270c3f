package org.carereviews.savings;

/** The role of a ledger entry. Every type but {@link #CHANGE} adjusts an earlier entry. */
public enum EntryType {
  /** A package change as approved and in effect. */
  CHANGE,
  /** A correction of an earlier entry's figures: the difference, never an edit. */
  CORRECTION,
  /** A full reversal of what is left of an earlier entry. */
  REVERSAL,
  /** Automatic: a package with a recorded saving went up again within the clawback window. */
  CLAWBACK
}

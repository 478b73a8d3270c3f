package org.carereviews.savings;

/** Where a cost change came from. With the source reference it names one decision. */
public enum SourceProcess {
  REVIEW,
  PANEL,
  CTR,
  IMPORT,
  MANUAL
}

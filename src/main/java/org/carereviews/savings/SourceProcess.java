package org.carereviews.savings;

import org.springframework.modulith.NamedInterface;

/** Where a cost change came from. With the source reference it names one decision. */
@NamedInterface("ledger")
public enum SourceProcess {
  REVIEW,
  PANEL,
  CTR,
  IMPORT,
  MANUAL
}

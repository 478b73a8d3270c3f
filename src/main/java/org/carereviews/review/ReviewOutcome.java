package org.carereviews.review;

/** What a review concluded (Care Act review outcomes). */
public enum ReviewOutcome {
  NO_CHANGE(false),
  REDUCE(true),
  INCREASE(true),
  END(false),
  CHANGE_SERVICE(true),
  DIRECT_PAYMENT(true),
  REFER_CHC(false),
  REASSESS(false);

  private final boolean needsProposedPackage;

  ReviewOutcome(boolean needsProposedPackage) {
    this.needsProposedPackage = needsProposedPackage;
  }

  /** Whether the worker must propose a package (service, provider, costs, effective date). */
  public boolean needsProposedPackage() {
    return needsProposedPackage;
  }

  /** Whether the outcome changes the package (and so, if the cost changes, goes to panel). */
  public boolean changesPackage() {
    return needsProposedPackage || this == END;
  }
}

package org.carereviews.review;

/** What a review concluded (Care Act review outcomes). */
public enum ReviewOutcome {
  NO_CHANGE(false, "no change"),
  REDUCE(true, "reduce the package"),
  INCREASE(true, "increase the package"),
  END(false, "end the package"),
  CHANGE_SERVICE(true, "change service type or provider"),
  DIRECT_PAYMENT(true, "move to a direct payment"),
  REFER_CHC(false, "refer for NHS Continuing Healthcare"),
  REASSESS(false, "reassess needs");

  private final boolean needsProposedPackage;
  private final String words;

  ReviewOutcome(boolean needsProposedPackage, String words) {
    this.needsProposedPackage = needsProposedPackage;
    this.words = words;
  }

  /** The outcome in plain words, as the review form offers it ("reduce the package"). */
  public String words() {
    return words;
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

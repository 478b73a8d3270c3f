package org.carereviews.ctr;

/** On what basis a review may share the person's records with its panel. */
public enum ConsentBasis {
  /** The person gave consent. */
  CONSENT,
  /**
   * The person lacks capacity to consent; a best-interests decision was made (Mental Capacity Act
   * 2005).
   */
  BEST_INTERESTS_DECISION
}

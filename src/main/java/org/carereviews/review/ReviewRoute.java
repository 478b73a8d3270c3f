package org.carereviews.review;

/** How a review started. */
public enum ReviewRoute {
  /** The daily job: the package's next review falls due within the lead time (annual reviews). */
  SCHEDULED,
  /** The daily job: a light-touch review a few weeks after a new package starts. */
  INITIAL,
  /** Asked for through the API or the start form, with who asked and why. */
  REQUESTED
}

package org.carereviews.review;

/** Where a review stands. */
public enum ReviewStatus {
  /** With the team: to be allocated, or being carried out. */
  OPEN,
  /** A package request is with the spend-control panel. */
  AWAITING_PANEL,
  /** Referred for NHS Continuing Healthcare; waiting for the NHS decision. */
  AWAITING_NHS_DECISION,
  /** A reassessment of need is under way. */
  REASSESSMENT,
  COMPLETED
}

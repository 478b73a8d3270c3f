package org.carereviews.review;

/**
 * Which way the process goes after the outcome is recorded (the process variable {@code
 * reviewPath}).
 */
public enum ReviewPath {
  NO_CHANGE,
  /** The net weekly cost changes: a package request to the spend-control panel. */
  COST_CHANGE,
  /**
   * The package changes (e.g. another provider) at the same net weekly cost: applied without panel.
   */
  SAME_COST_CHANGE,
  CHC_REFERRAL,
  REASSESSMENT
}

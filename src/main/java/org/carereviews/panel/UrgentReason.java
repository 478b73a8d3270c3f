package org.carereviews.panel;

/**
 * Why a request may start before panel: it starts at once on a team manager's approval and comes
 * to panel retrospectively.
 */
public enum UrgentReason {
  HOSPITAL_DISCHARGE,
  SAFEGUARDING
}

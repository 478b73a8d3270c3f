package org.carereviews.panel;

import org.springframework.modulith.NamedInterface;

/**
 * Why a request may start before panel: it starts at once on a team manager's approval and comes to
 * panel retrospectively.
 */
@NamedInterface("package-requests")
public enum UrgentReason {
  HOSPITAL_DISCHARGE,
  SAFEGUARDING
}

package org.carereviews.audit;

/** Whether the service let the user do it. */
public enum AuditOutcome {
  ALLOWED,
  /** Refused for want of a role or of access to the person's team (answered 403). */
  REFUSED
}

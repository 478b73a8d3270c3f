package org.carereviews.audit;

/**
 * What came of the call. Every call that did not do what was asked is recorded as {@link #REFUSED}
 * or {@link #FAILED}, never as {@link #ALLOWED}.
 */
public enum AuditOutcome {
  /** The service did it (answered below 400). */
  ALLOWED,
  /**
   * Refused for want of sign-in, of a role or of access to the person's team (answered 401 or 403),
   * or the record was not there for the user (answered 404: missing, or hidden from them by their
   * team or Camunda's authorizations; the service does not tell which).
   */
  REFUSED,
  /**
   * Attempted and not done for another reason: bad input, a conflict or a server error (any other
   * 4xx, 5xx).
   */
  FAILED;

  /** The outcome of a call answered with this HTTP status. */
  static AuditOutcome ofStatus(int status) {
    if (status < 400) {
      return ALLOWED;
    }
    return status == 401 || status == 403 || status == 404 ? REFUSED : FAILED;
  }
}

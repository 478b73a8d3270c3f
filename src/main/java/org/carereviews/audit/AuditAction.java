package org.carereviews.audit;

/** What a user did with a record. */
public enum AuditAction {
  /** Read one record (a person, a package, a review, a panel pack, a CTR record). */
  READ,
  /** Read a list of records (search, worklist, register). */
  LIST,
  /** Took records out of the service as a file. */
  EXPORT,
  /** Created a record. */
  CREATE,
  /** Changed a record (a new version, a step of a process, a status). */
  CHANGE,
  /** Made a decision (panel decision, review outcome, CHC decision). */
  DECIDE,
  /** Removed audit events older than the retention period (the purge, on the service's own account). */
  PURGE
}

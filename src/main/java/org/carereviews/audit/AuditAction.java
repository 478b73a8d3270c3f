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
  /**
   * Removed audit events older than the retention period (the purge, on the service's own account).
   */
  PURGE,
  /**
   * Signed in to the workspace or the Camunda webapps (refused: a failed sign-in, with the user id
   * typed).
   */
  SIGN_IN,
  /** Signed out of the workspace. */
  SIGN_OUT;

  /**
   * The action of a request to an endpoint that is not {@link Audited} (a refusal at the door): a
   * write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) is a {@link #CHANGE}; a read
   * of a path ending in {@code /export} an {@link #EXPORT}, of a path ending in an id (a segment
   * with a digit) a {@link #READ}, of any other path a {@link #LIST}.
   *
   * @param requestLine the request's method and path, e.g. {@code POST /api/reviews}
   */
  static AuditAction ofRequest(String requestLine) {
    if (requestLine == null) {
      return READ;
    }
    int space = requestLine.indexOf(' ');
    String method = space < 0 ? requestLine : requestLine.substring(0, space);
    if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
      return CHANGE;
    }
    String path = space < 0 ? "" : requestLine.substring(space + 1).replaceAll("/+$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    if ("export".equals(last)) {
      return EXPORT;
    }
    return last.chars().anyMatch(Character::isDigit) ? READ : LIST;
  }
}

package org.carereviews.identity;

/**
 * A sign-in to the workspace or the Camunda webapps, or a sign-out, published for the audit trail.
 * Holds the user id only (as typed, for a failed sign-in), never a password.
 *
 * @param userId who signed in or out; for a failed sign-in, the user id that was typed (may be
 *     blank)
 * @param kind what happened
 * @param clientAddress the client's address as the servlet container sees it
 */
public record SignInEvent(String userId, Kind kind, String clientAddress) {

  public enum Kind {
    SIGNED_IN,
    SIGN_IN_FAILED,
    SIGNED_OUT
  }
}

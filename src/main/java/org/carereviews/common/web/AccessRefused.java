package org.carereviews.common.web;

/**
 * Published when the HTTP security layer refuses a signed-in user a request (403) that the audit
 * trail has not already recorded (a capability's own refusal is recorded where it happens, and
 * marks the request with {@link #RECORDED}). Carries the request's method and path only (ids, never
 * a query string or a body) and the client's address.
 */
public record AccessRefused(String requestLine, String clientAddress) {

  /** Request attribute: this request's refusal is already in the audit trail. */
  public static final String RECORDED = AccessRefused.class.getName() + ".RECORDED";
}

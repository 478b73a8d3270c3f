package org.carereviews.common.web;

/**
 * Published when the HTTP security layer refuses a signed-in user a request (403) before any
 * capability's code runs; the audit trail records it. Carries the request's method and path only
 * (ids, never a query string or a body).
 */
public record AccessRefused(String requestLine) {
}

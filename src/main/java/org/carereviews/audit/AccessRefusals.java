package org.carereviews.audit;

import org.carereviews.common.web.AccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the refusals of the HTTP security layer (role rules on API paths) in the audit trail,
 * with the request's action ({@link AuditAction#ofRequest}: a refused write is a refused {@code
 * CHANGE}).
 */
@Component
class AccessRefusals {

  private final AuditTrail trail;

  AccessRefusals(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void refused(AccessRefused refusal) {
    trail.refused(
        AuditAction.ofRequest(refusal.requestLine()),
        AuditAspect.ENDPOINT,
        refusal.requestLine(),
        refusal.clientAddress());
  }
}

package org.carereviews.audit;

import org.carereviews.common.web.AccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the refusals of the HTTP security layer (role rules on API paths) in the audit trail. */
@Component
class AccessRefusals {

  private final AuditTrail trail;

  AccessRefusals(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void refused(AccessRefused refusal) {
    trail.refused(AuditAction.READ, AuditAspect.ENDPOINT, refusal.requestLine(), refusal.clientAddress());
  }
}

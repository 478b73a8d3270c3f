package org.carereviews.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.carereviews.workflow.Workflow;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. Who: the signed-in user of the API request, else the user the engine acts
 * for (a Tasklist form), else {@value #SERVICE} (a timer or job). From where: the client's address
 * as the servlet container sees it (set {@code server.forward-headers-strategy} behind a proxy).
 */
@Service
class AuditTrail {

  /** The actor of work the service does on its own account (timers, jobs, the purge). */
  public static final String SERVICE = "care-reviews";

  private final AuditEvents events;
  private final Workflow workflow;
  private final Clock clock;

  AuditTrail(AuditEvents events, Workflow workflow, Clock clock) {
    this.events = events;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * An allowed action, in the caller's transaction: a change and its event commit or roll back
   * together.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void allowed(AuditAction action, String recordType, String recordId) {
    write(action, recordType, recordId, AuditOutcome.ALLOWED);
  }

  /**
   * A refused action, in a transaction of its own: the refusal rolls the caller's work back, not
   * its event.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void refused(AuditAction action, String recordType, String recordId) {
    write(action, recordType, recordId, AuditOutcome.REFUSED);
  }

  /**
   * An action attempted and not done for a reason other than access (bad input, a conflict, an
   * error), in a transaction of its own: the failure rolls the caller's work back, not its event.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(AuditAction action, String recordType, String recordId) {
    write(action, recordType, recordId, AuditOutcome.FAILED);
  }

  /** A refused request whose client address the caller knows (the security layer's refusals). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void refused(AuditAction action, String recordType, String recordId, String clientAddress) {
    save(actor(), action, recordType, recordId, AuditOutcome.REFUSED, clientAddress);
  }

  /**
   * An event whose actor and address the caller already knows (a request to Camunda's own APIs,
   * recorded after it has been answered), in a transaction of its own.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void record(
      String actor,
      AuditAction action,
      String recordType,
      String recordId,
      AuditOutcome outcome,
      String clientAddress) {
    save(actor, action, recordType, recordId, outcome, clientAddress);
  }

  private void write(AuditAction action, String recordType, String recordId, AuditOutcome outcome) {
    save(actor(), action, recordType, recordId, outcome, clientAddress());
  }

  private void save(
      String actor,
      AuditAction action,
      String recordType,
      String recordId,
      AuditOutcome outcome,
      String clientAddress) {
    events.save(
        new AuditEvent(
            Instant.now(clock),
            actor,
            action,
            recordType,
            shorten(recordId),
            outcome,
            clientAddress));
  }

  private String actor() {
    return signedInUser().orElseGet(() -> workflow.currentUserId().orElse(SERVICE));
  }

  /** The user Spring Security signed in for this request, if anyone (not the anonymous user). */
  static Optional<String> signedInUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return Optional.of(authentication.getName());
    }
    return Optional.empty();
  }

  private static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  private static String shorten(String recordId) {
    if (recordId == null || recordId.isBlank()) {
      return null;
    }
    return recordId.length() <= AuditEvent.MAX_ID_LENGTH
        ? recordId
        : recordId.substring(0, AuditEvent.MAX_ID_LENGTH);
  }
}

package org.carereviews.audit;

import java.util.regex.Pattern;
import org.carereviews.identity.SignInEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins, failed sign-ins and sign-outs ({@link SignInEvent}) in the audit trail: action
 * {@link AuditAction#SIGN_IN} or {@link AuditAction#SIGN_OUT}, record {@value #RECORD} with the
 * user id. A failed sign-in is {@link AuditOutcome#REFUSED}, by the user id that was typed when it
 * looks like one (anything else typed there, which might be a password in the wrong box, is never
 * written).
 */
@Component
class SignIns {

  static final String RECORD = "user";
  static final String NOT_A_USER_ID = "(not a user id)";

  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{0,99}");

  private final AuditTrail trail;

  SignIns(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void on(SignInEvent event) {
    String userId =
        event.userId() != null && USER_ID.matcher(event.userId()).matches()
            ? event.userId()
            : NOT_A_USER_ID;
    switch (event.kind()) {
      case SIGNED_IN ->
          trail.record(
              userId,
              AuditAction.SIGN_IN,
              RECORD,
              userId,
              AuditOutcome.ALLOWED,
              event.clientAddress());
      case SIGN_IN_FAILED ->
          trail.record(
              userId,
              AuditAction.SIGN_IN,
              RECORD,
              userId,
              AuditOutcome.REFUSED,
              event.clientAddress());
      case SIGNED_OUT ->
          trail.record(
              userId,
              AuditAction.SIGN_OUT,
              RECORD,
              userId,
              AuditOutcome.ALLOWED,
              event.clientAddress());
    }
  }
}

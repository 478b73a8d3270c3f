package org.carereviews.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One audit event: who did what to which record, when, from where, and whether it was allowed.
 * Never the record's content. Insert-only (on PostgreSQL a trigger refuses every update and every
 * delete other than the retention purge).
 */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

  static final int MAX_ID_LENGTH = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuditAction action;

  @Column(name = "record_type", nullable = false)
  private String recordType;

  @Column(name = "record_id")
  private String recordId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuditOutcome outcome;

  @Column(name = "client_address")
  private String clientAddress;

  protected AuditEvent() {}

  AuditEvent(
      Instant occurredAt,
      String userId,
      AuditAction action,
      String recordType,
      String recordId,
      AuditOutcome outcome,
      String clientAddress) {
    this.occurredAt = occurredAt;
    this.userId = userId;
    this.action = action;
    this.recordType = recordType;
    this.recordId = recordId;
    this.outcome = outcome;
    this.clientAddress = clientAddress;
  }

  Long getId() {
    return id;
  }

  Instant getOccurredAt() {
    return occurredAt;
  }

  String getUserId() {
    return userId;
  }

  AuditAction getAction() {
    return action;
  }

  String getRecordType() {
    return recordType;
  }

  String getRecordId() {
    return recordId;
  }

  AuditOutcome getOutcome() {
    return outcome;
  }

  String getClientAddress() {
    return clientAddress;
  }
}

package org.carereviews.panel;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * That a request's decision was sent to the process that asked. At most one per request (primary
 * key).
 */
@Entity
@Immutable
@Table(name = "panel_decision_delivery")
class PanelDecisionDelivery {

  @Id private Long requestId;

  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  private PanelOutcome outcome;

  private Instant deliveredAt;

  protected PanelDecisionDelivery() {}

  PanelDecisionDelivery(
      Long requestId, String processInstanceId, PanelOutcome outcome, Instant deliveredAt) {
    this.requestId = requestId;
    this.processInstanceId = processInstanceId;
    this.outcome = outcome;
    this.deliveredAt = deliveredAt;
  }

  public Long getRequestId() {
    return requestId;
  }
}

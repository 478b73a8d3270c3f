package org.carereviews.savings.validation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The board's decision on one saving of its list: ratified, or held back with a reason.
 * Append-only.
 */
@Entity
@Immutable
@Table(name = "board_item_decision")
class BoardItemDecision {

  public enum Decision {
    RATIFIED,
    HELD_BACK
  }

  @Id private Long boardItemId;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  private String reason;

  private String decidedBy;

  private Instant decidedAt;

  protected BoardItemDecision() {}

  BoardItemDecision(
      long boardItemId, Decision decision, String reason, String decidedBy, Instant decidedAt) {
    this.boardItemId = boardItemId;
    this.decision = decision;
    this.reason = reason;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public Long getBoardItemId() {
    return boardItemId;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getReason() {
    return reason;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}

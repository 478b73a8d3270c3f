package org.carereviews.savings.validation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A validated saving on a board meeting's list. Append-only. */
@Entity
@Immutable
@Table(name = "board_item")
class BoardItem {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "board_item_seq")
  @SequenceGenerator(name = "board_item_seq", sequenceName = "board_item_seq", allocationSize = 50)
  private Long id;

  private Long boardMeetingId;

  private Long costChangeId;

  protected BoardItem() {}

  BoardItem(long boardMeetingId, long costChangeId) {
    this.boardMeetingId = boardMeetingId;
    this.costChangeId = costChangeId;
  }

  public Long getId() {
    return id;
  }

  public Long getBoardMeetingId() {
    return boardMeetingId;
  }

  public Long getCostChangeId() {
    return costChangeId;
  }
}

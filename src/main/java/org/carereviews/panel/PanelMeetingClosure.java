package org.carereviews.panel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** The close of a meeting: how many items it decided and how many rolled to the next meeting. */
@Entity
@Immutable
@Table(name = "panel_meeting_closure")
public class PanelMeetingClosure {

  @Id private Long meetingId;

  private Instant closedAt;

  private String closedBy;

  private int itemsDecided;

  private int itemsRolledOver;

  protected PanelMeetingClosure() {}

  PanelMeetingClosure(
      Long meetingId, Instant closedAt, String closedBy, int itemsDecided, int itemsRolledOver) {
    this.meetingId = meetingId;
    this.closedAt = closedAt;
    this.closedBy = closedBy;
    this.itemsDecided = itemsDecided;
    this.itemsRolledOver = itemsRolledOver;
  }

  public Long getMeetingId() {
    return meetingId;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }

  public int getItemsDecided() {
    return itemsDecided;
  }

  public int getItemsRolledOver() {
    return itemsRolledOver;
  }
}

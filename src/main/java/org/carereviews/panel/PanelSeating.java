package org.carereviews.panel;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A member taking a seat at a meeting. The latest seating of a seat is who holds it now. */
@Entity
@Immutable
@Table(name = "panel_seating")
class PanelSeating {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "panel_seating_seq")
  @SequenceGenerator(
      name = "panel_seating_seq",
      sequenceName = "panel_seating_seq",
      allocationSize = 50)
  private Long id;

  private Long meetingId;

  @Enumerated(EnumType.STRING)
  private PanelSeat seat;

  private String userId;

  private Instant takenAt;

  protected PanelSeating() {}

  PanelSeating(Long meetingId, PanelSeat seat, String userId, Instant takenAt) {
    this.meetingId = meetingId;
    this.seat = seat;
    this.userId = userId;
    this.takenAt = takenAt;
  }

  public Long getId() {
    return id;
  }

  public Long getMeetingId() {
    return meetingId;
  }

  public PanelSeat getSeat() {
    return seat;
  }

  public String getUserId() {
    return userId;
  }

  public Instant getTakenAt() {
    return takenAt;
  }
}

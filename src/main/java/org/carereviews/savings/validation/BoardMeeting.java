package org.carereviews.savings.validation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A monthly meeting of the Change and Efficiency Board: the list gathered for it. Append-only. */
@Entity
@Immutable
@Table(name = "board_meeting")
class BoardMeeting {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "board_meeting_seq")
  @SequenceGenerator(
      name = "board_meeting_seq",
      sequenceName = "board_meeting_seq",
      allocationSize = 50)
  private Long id;

  private LocalDate meetingMonth;

  private Instant gatheredAt;

  private String gatheredBy;

  protected BoardMeeting() {}

  BoardMeeting(LocalDate meetingMonth, Instant gatheredAt, String gatheredBy) {
    this.meetingMonth = meetingMonth;
    this.gatheredAt = gatheredAt;
    this.gatheredBy = gatheredBy;
  }

  public Long getId() {
    return id;
  }

  public LocalDate getMeetingMonth() {
    return meetingMonth;
  }

  public Instant getGatheredAt() {
    return gatheredAt;
  }

  public String getGatheredBy() {
    return gatheredBy;
  }
}

package org.carereviews.panel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** One day's panel meeting. Its seats and closure are separate append-only records. */
@Entity
@Immutable
@Table(name = "panel_meeting")
public class PanelMeeting {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "panel_meeting_seq")
  @SequenceGenerator(
      name = "panel_meeting_seq",
      sequenceName = "panel_meeting_seq",
      allocationSize = 50)
  private Long id;

  private LocalDate meetingDate;

  private Instant agendaCutOff;

  private Instant openedAt;

  private String processInstanceId;

  protected PanelMeeting() {}

  PanelMeeting(
      LocalDate meetingDate, Instant agendaCutOff, Instant openedAt, String processInstanceId) {
    this.meetingDate = meetingDate;
    this.agendaCutOff = agendaCutOff;
    this.openedAt = openedAt;
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public LocalDate getMeetingDate() {
    return meetingDate;
  }

  public Instant getAgendaCutOff() {
    return agendaCutOff;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}

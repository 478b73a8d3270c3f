package org.carereviews.ctr;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.common.web.InvalidRequestException;

/**
 * A review's recommendation, tracked as an action with an owner and a due date until it is done.
 */
@Entity
@Table(name = "ctr_recommendation")
public class Recommendation {

  /** Status of the action. */
  public enum Status {
    OPEN,
    DONE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ctr_recommendation_seq")
  @SequenceGenerator(
      name = "ctr_recommendation_seq",
      sequenceName = "ctr_recommendation_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "review_id")
  private CtrReview review;

  private String text;
  private String owner;
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String processInstanceId;
  private Instant escalatedAt;
  private Instant doneAt;
  private String doneBy;
  private String doneNote;

  @Version private int version;

  protected Recommendation() {}

  Recommendation(CtrReview review, String text, String owner, LocalDate dueDate) {
    this.review = review;
    this.text = text;
    this.owner = owner;
    this.dueDate = dueDate;
    this.status = Status.OPEN;
  }

  void trackedBy(String instanceId) {
    this.processInstanceId = instanceId;
  }

  void escalated(Instant now) {
    if (escalatedAt == null) {
      this.escalatedAt = now;
    }
  }

  void done(String note, String actor, Instant now) {
    if (status == Status.DONE) {
      throw new InvalidRequestException("status", "the action is already done");
    }
    if (note == null || note.isBlank()) {
      throw new InvalidRequestException("note", "is required: what was done");
    }
    this.status = Status.DONE;
    this.doneNote = note.strip();
    this.doneBy = actor;
    this.doneAt = now;
  }

  public boolean isOverdue(LocalDate today) {
    return status == Status.OPEN && dueDate.isBefore(today);
  }

  public Long getId() {
    return id;
  }

  public CtrReview getReview() {
    return review;
  }

  public String getText() {
    return text;
  }

  public String getOwner() {
    return owner;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public Status getStatus() {
    return status;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getEscalatedAt() {
    return escalatedAt;
  }

  public Instant getDoneAt() {
    return doneAt;
  }

  public String getDoneBy() {
    return doneBy;
  }

  public String getDoneNote() {
    return doneNote;
  }
}

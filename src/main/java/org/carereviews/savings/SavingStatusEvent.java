package org.carereviews.savings;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.hibernate.annotations.Immutable;

/**
 * A change in the status of a saving: who, when, why. Append-only; the latest event is the status.
 */
@Entity
@Immutable
@Table(name = "saving_status_event")
public class SavingStatusEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saving_status_event_seq")
  @SequenceGenerator(
      name = "saving_status_event_seq",
      sequenceName = "saving_status_event_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "cost_change_id")
  private Long costChangeId;

  @Enumerated(EnumType.STRING)
  private SavingStatus status;

  @Convert(converter = MoneyConverter.class)
  private Money validatedWeeklyDelta;

  private String reason;

  private String actor;

  private Instant occurredAt;

  protected SavingStatusEvent() {}

  SavingStatusEvent(
      Long costChangeId,
      SavingStatus status,
      Money validatedWeeklyDelta,
      String reason,
      String actor,
      Instant occurredAt) {
    this.costChangeId = costChangeId;
    this.status = status;
    this.validatedWeeklyDelta = validatedWeeklyDelta;
    this.reason = reason;
    this.actor = actor;
    this.occurredAt = occurredAt;
  }

  public Long getId() {
    return id;
  }

  public Long getCostChangeId() {
    return costChangeId;
  }

  public SavingStatus getStatus() {
    return status;
  }

  public Money getValidatedWeeklyDelta() {
    return validatedWeeklyDelta;
  }

  public String getReason() {
    return reason;
  }

  public String getActor() {
    return actor;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}

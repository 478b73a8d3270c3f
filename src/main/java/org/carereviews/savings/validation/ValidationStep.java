package org.carereviews.savings.validation;

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
 * One step of a saving's validation, with its evidence: who, when, what amount, why. Append-only.
 */
@Entity
@Immutable
@Table(name = "saving_validation_step")
class ValidationStep {

  /** The steps; the ledger's status events say where each left the saving. */
  public enum Kind {
    /**
     * A finance validator's validation (final, or awaiting the head of finance's second
     * validation).
     */
    VALIDATION,
    /** The head of finance's second validation above the threshold. */
    SECOND_VALIDATION,
    REJECTION,
    RESUBMISSION,
    WITHDRAWAL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saving_validation_step_seq")
  @SequenceGenerator(
      name = "saving_validation_step_seq",
      sequenceName = "saving_validation_step_seq",
      allocationSize = 50)
  private Long id;

  private Long costChangeId;

  @Enumerated(EnumType.STRING)
  private Kind step;

  @Convert(converter = MoneyConverter.class)
  private Money validatedWeeklyDelta;

  private Boolean newCostLive;

  private Boolean secondValidationRequired;

  private String reason;

  private String actor;

  private Instant occurredAt;

  protected ValidationStep() {}

  ValidationStep(
      long costChangeId,
      Kind step,
      Money validatedWeeklyDelta,
      Boolean newCostLive,
      Boolean secondValidationRequired,
      String reason,
      String actor,
      Instant occurredAt) {
    this.costChangeId = costChangeId;
    this.step = step;
    this.validatedWeeklyDelta = validatedWeeklyDelta;
    this.newCostLive = newCostLive;
    this.secondValidationRequired = secondValidationRequired;
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

  public Kind getStep() {
    return step;
  }

  public Money getValidatedWeeklyDelta() {
    return validatedWeeklyDelta;
  }

  public Boolean getNewCostLive() {
    return newCostLive;
  }

  public Boolean getSecondValidationRequired() {
    return secondValidationRequired;
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

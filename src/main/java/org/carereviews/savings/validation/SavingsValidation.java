package org.carereviews.savings.validation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.CostChange;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.EntryType;
import org.carereviews.savings.SavingStatus;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.carereviews.savings.validation.ValidationStep.Kind;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of finance validation, applied whichever way a decision arrives (Tasklist form or API):
 * four eyes (the recorder never validates; above the threshold the head of finance validates a
 * second time, and is not the first validator), the new cost confirmed live, a different amount
 * only with a reason and of the same sign, a rejection only with a reason, and the recorder's
 * resubmission or withdrawal. Each decision is a validation step (with its evidence) and, where the
 * saving's stage moves, a status event in the ledger. A refusal throws before anything is written.
 */
@Service
class SavingsValidation {

  /** A validator's decision on a saving. */
  public enum Decision {
    VALIDATE,
    REJECT
  }

  /** The recorder's answer to a rejection. */
  public enum RecorderDecision {
    RESUBMIT,
    WITHDRAW
  }

  /**
   * @param validatedWeeklyDelta the weekly amount validated, when it differs from the claim
   *     (negative for a saving)
   * @param newCostLive finance's confirmation that the new cost is live (e.g. the provider payment
   *     changed)
   */
  public record ValidationInput(
      Decision decision, Money validatedWeeklyDelta, Boolean newCostLive, String reason) {}

  private final SavingsLedger ledger;
  private final ValidationSteps steps;
  private final ValidationProperties properties;
  private final Clock clock;

  SavingsValidation(
      SavingsLedger ledger, ValidationSteps steps, ValidationProperties properties, Clock clock) {
    this.ledger = ledger;
    this.steps = steps;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A decision on a validation task ({@link Validation#TASK_VALIDATE} or {@link
   * Validation#TASK_SECOND_VALIDATION}).
   *
   * @return the process outcome: VALIDATED, SECOND_VALIDATION or REJECTED
   */
  @Transactional
  public String decide(
      CareUser user, CostChangeId entryId, String taskDefinitionKey, ValidationInput input) {
    boolean second = Validation.TASK_SECOND_VALIDATION.equals(taskDefinitionKey);
    CostChange saving = ledger.entry(entryId);
    checkDecider(user, saving, second);
    SavingStatus stage = ledger.stageOf(entryId);
    if (stage != SavingStatus.IDENTIFIED) {
      throw new StateConflictException(
          "saving " + entryId + " is " + stage + ": it is not waiting for validation");
    }
    if (input.decision() == null) {
      throw new InvalidRequestException("decision", "is required: VALIDATE or REJECT");
    }
    String reason = blankToNull(input.reason());
    if (reason != null && reason.length() > 1000) {
      throw new InvalidRequestException("reason", "is longer than 1000 characters");
    }
    Instant now = Instant.now(clock);
    if (input.decision() == Decision.REJECT) {
      if (reason == null) {
        throw new InvalidRequestException(
            "reason",
            "is required to reject a saving: the recorder needs to know " + "what to correct");
      }
      ledger.changeStatus(entryId, SavingStatus.REJECTED, null, reason, user.userId());
      steps.save(
          new ValidationStep(
              entryId.value(),
              Kind.REJECTION,
              null,
              input.newCostLive(),
              null,
              reason,
              user.userId(),
              now));
      return Validation.OUTCOME_REJECTED;
    }
    return second
        ? secondValidation(user, saving, input, reason, now)
        : firstValidation(user, saving, input, reason, now);
  }

  private String firstValidation(
      CareUser user, CostChange saving, ValidationInput input, String reason, Instant now) {
    if (!Boolean.TRUE.equals(input.newCostLive())) {
      throw new InvalidRequestException(
          "newCostLive",
          "must be confirmed before validating: check that the new cost "
              + "is live (e.g. the provider payment changed); if it is not, leave the saving or reject it");
    }
    Money amount =
        checkedAmount(saving, input.validatedWeeklyDelta(), saving.getWeeklyDelta(), reason);
    boolean secondRequired = needsSecondValidation(saving, amount);
    if (!secondRequired) {
      ledger.changeStatus(
          saving.costChangeId(),
          SavingStatus.VALIDATED,
          differentFromClaim(saving, amount),
          reason,
          user.userId());
    }
    steps.save(
        new ValidationStep(
            saving.getId(),
            Kind.VALIDATION,
            amount,
            true,
            secondRequired,
            reason,
            user.userId(),
            now));
    return secondRequired ? Validation.OUTCOME_SECOND_VALIDATION : Validation.OUTCOME_VALIDATED;
  }

  private String secondValidation(
      CareUser user, CostChange saving, ValidationInput input, String reason, Instant now) {
    ValidationStep first = firstValidationOf(saving.getId());
    Money amount =
        checkedAmount(
            saving, input.validatedWeeklyDelta(), first.getValidatedWeeklyDelta(), reason);
    String why = reason != null ? reason : first.getReason();
    ledger.changeStatus(
        saving.costChangeId(),
        SavingStatus.VALIDATED,
        differentFromClaim(saving, amount),
        why,
        user.userId());
    steps.save(
        new ValidationStep(
            saving.getId(),
            Kind.SECOND_VALIDATION,
            amount,
            input.newCostLive(),
            false,
            reason,
            user.userId(),
            now));
    return Validation.OUTCOME_VALIDATED;
  }

  /** The recorder's answer to a rejection: resubmit (identified again) or withdraw. */
  @Transactional
  public String recorderDecides(
      CareUser user, CostChangeId entryId, RecorderDecision decision, String note) {
    CostChange saving = ledger.entry(entryId);
    if (user == null || !user.userId().equals(saving.getRecordedBy())) {
      throw new AccessDeniedException(
          "only the person who recorded a saving resubmits or withdraws it");
    }
    SavingStatus stage = ledger.stageOf(entryId);
    if (stage != SavingStatus.REJECTED) {
      throw new StateConflictException(
          "saving "
              + entryId
              + " is "
              + stage
              + ": only a rejected saving is resubmitted "
              + "or withdrawn");
    }
    if (decision == null) {
      throw new InvalidRequestException("decision", "is required: RESUBMIT or WITHDRAW");
    }
    String text = blankToNull(note);
    if (text == null) {
      throw new InvalidRequestException(
          "note",
          decision == RecorderDecision.RESUBMIT
              ? "is required to resubmit: say what was corrected or what evidence was added"
              : "is required to withdraw: say why the saving is not being claimed");
    }
    if (text.length() > 1000) {
      throw new InvalidRequestException("note", "is longer than 1000 characters");
    }
    boolean resubmit = decision == RecorderDecision.RESUBMIT;
    ledger.changeStatus(
        entryId,
        resubmit ? SavingStatus.IDENTIFIED : SavingStatus.WITHDRAWN,
        null,
        text,
        user.userId());
    steps.save(
        new ValidationStep(
            entryId.value(),
            resubmit ? Kind.RESUBMISSION : Kind.WITHDRAWAL,
            null,
            null,
            null,
            text,
            user.userId(),
            Instant.now(clock)));
    return resubmit ? Validation.OUTCOME_RESUBMITTED : Validation.OUTCOME_WITHDRAWN;
  }

  /** Whether a saving is finance's to validate: a change entry that is a saving, not growth. */
  static boolean isValidated(CostChange entry) {
    return entry.getEntryType() == EntryType.CHANGE && entry.getKind() != SavingsKind.GROWTH;
  }

  /** Above the threshold, by the larger of the claimed and validated full-year effects. */
  boolean needsSecondValidation(CostChange saving, Money validatedWeeklyDelta) {
    Money claimed = saving.getFullYearEffect();
    Money validated =
        ledger.effectOf(validatedWeeklyDelta, saving.getEffectiveDate()).fullYearEffect();
    Money larger = claimed.negate().isGreaterThan(validated.negate()) ? claimed : validated;
    return larger.amount().abs().compareTo(properties.secondValidationAbove()) > 0;
  }

  /** The steps of a saving's validation, oldest first. */
  @Transactional(readOnly = true)
  public List<ValidationStep> stepsOf(CostChangeId entryId) {
    return steps.findByCostChangeIdOrderByOccurredAtAscIdAsc(entryId.value());
  }

  /**
   * Who validated a saving (first and second validators, including validations before a rejection).
   */
  @Transactional(readOnly = true)
  public List<String> validatorsOf(CostChangeId entryId) {
    return steps.findByCostChangeIdOrderByOccurredAtAscIdAsc(entryId.value()).stream()
        .filter(s -> s.getStep() == Kind.VALIDATION || s.getStep() == Kind.SECOND_VALIDATION)
        .map(ValidationStep::getActor)
        .distinct()
        .toList();
  }

  private void checkDecider(CareUser user, CostChange saving, boolean second) {
    if (user == null) {
      throw new AccessDeniedException("sign in to validate savings");
    }
    if (!isValidated(saving)) {
      throw new InvalidRequestException(
          "costChangeId", "entry " + saving.getId() + " is not a saving to validate");
    }
    String role = second ? Roles.HEAD_OF_FINANCE : Roles.FINANCE_VALIDATOR;
    if (!user.hasRole(role)) {
      throw new AccessDeniedException(
          second
              ? "the second validation is for the head of finance"
              : "validating savings is for finance validators");
    }
    if (user.userId().equals(saving.getRecordedBy())) {
      throw new InvalidRequestException(
          "validator",
          user.userId()
              + " recorded saving "
              + saving.getId()
              + ": the person who records a saving never validates it (four eyes)");
    }
    if (second && user.userId().equals(firstValidationOf(saving.getId()).getActor())) {
      throw new InvalidRequestException(
          "validator",
          user.userId()
              + " made the first validation of saving "
              + saving.getId()
              + ": the second validation is by someone else (four eyes)");
    }
  }

  private ValidationStep firstValidationOf(long entryId) {
    List<ValidationStep> all = steps.findByCostChangeIdOrderByOccurredAtAscIdAsc(entryId);
    ValidationStep last = all.isEmpty() ? null : all.get(all.size() - 1);
    if (last == null
        || last.getStep() != Kind.VALIDATION
        || !Boolean.TRUE.equals(last.getSecondValidationRequired())) {
      throw new StateConflictException(
          "saving " + entryId + " has no first validation awaiting a second");
    }
    return last;
  }

  /** The amount to validate: the one given (checked) or, when none is given, the default. */
  private static Money checkedAmount(
      CostChange saving, Money given, Money fallback, String reason) {
    if (given == null) {
      return fallback;
    }
    Money claimed = saving.getWeeklyDelta();
    if (!Money.withinCeiling(given.amount(), Money.MAX_WEEKLY_INPUT)) {
      throw new InvalidRequestException(
          "validatedWeeklyDelta", "must be at most " + Money.MAX_WEEKLY_INPUT + " a week");
    }
    if (given.isZero() || given.signum() != claimed.signum()) {
      throw new InvalidRequestException(
          "validatedWeeklyDelta",
          "must have the same sign as the claimed weekly delta "
              + claimed
              + " (a saving is negative); to refuse the saving, reject it");
    }
    if (!given.equals(fallback) && reason == null) {
      throw new InvalidRequestException(
          "reason",
          "is required when the validated amount ("
              + given
              + ") differs from "
              + (fallback.equals(claimed) ? "the claimed amount (" : "the first validation (")
              + fallback
              + ")");
    }
    return given;
  }

  private static Money differentFromClaim(CostChange saving, Money amount) {
    return Objects.equals(amount, saving.getWeeklyDelta()) ? null : amount;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

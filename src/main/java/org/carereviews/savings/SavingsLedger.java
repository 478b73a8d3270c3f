package org.carereviews.savings;

import org.carereviews.audit.Audited;
import org.carereviews.audit.AuditAction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records cost changes in the append-only ledger, exactly once per source decision.
 *
 * <p>An increase to a package that carries a saving within the clawback window first claws that
 * saving back (a {@link EntryType#CLAWBACK} entry on the saving's line, most recent saving first);
 * only what is left of the increase is recorded as growth. So a package that went from 500 to 400
 * and back to 480 a week shows a saving of 20 and no growth, never a saving of 100 and growth of 80.
 */
@Service
public class SavingsLedger {

  /** A package change in effect, as the process that approved it reports it. */
  public record CostChangeCommand(
      SourceProcess source,
      String sourceReference,
      long carePackageId,
      long personId,
      Money oldNetWeeklyCost,
      Money newNetWeeklyCost,
      LocalDate effectiveDate,
      SavingsKind kind,
      String savingsLineCode,
      String reason,
      String recordedBy) {

    public CostChangeCommand {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(sourceReference, "sourceReference");
      Objects.requireNonNull(oldNetWeeklyCost, "oldNetWeeklyCost");
      Objects.requireNonNull(newNetWeeklyCost, "newNetWeeklyCost");
      Objects.requireNonNull(effectiveDate, "effectiveDate");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(savingsLineCode, "savingsLineCode");
      Objects.requireNonNull(recordedBy, "recordedBy");
    }

    String sourceKey() {
      return source + ":" + sourceReference;
    }
  }

  private final CostChanges entries;
  private final SavingStatusEvents statusEvents;
  private final SavingsLines lines;
  private final SavingsEffectCalculator calculator;
  private final CostChangeAttributions attributions;
  private final SavingsFacts facts;
  private final ClawbackWindow clawbackWindow;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  SavingsLedger(CostChanges entries, SavingStatusEvents statusEvents, SavingsLines lines,
      SavingsEffectCalculator calculator, CostChangeAttributions attributions, SavingsFacts facts,
      SavingsProperties properties, Clock clock, ApplicationEventPublisher events) {
    this.entries = entries;
    this.statusEvents = statusEvents;
    this.lines = lines;
    this.calculator = calculator;
    this.attributions = attributions;
    this.facts = facts;
    this.clawbackWindow = properties.clawbackWindow();
    this.clock = clock;
    this.events = events;
  }

  /**
   * Records a package change. Idempotent: a decision already recorded returns its entries and
   * writes nothing (the unique source key in the database backs this up).
   *
   * @return the entries written (or found): clawbacks first, then the change itself if anything is left of it
   */
  @Transactional
  @Audited(action = AuditAction.CREATE, record = "cost-change", id = "#command.source().name() + ':' + #command.sourceReference()")
  public List<CostChange> record(CostChangeCommand command) {
    List<CostChange> existing = entries.findBySourceProcessAndSourceReferenceOrderById(command.source(),
        command.sourceReference());
    if (!existing.isEmpty()) {
      return existing;
    }
    validate(command);
    Money delta = command.newNetWeeklyCost().minus(command.oldNetWeeklyCost());
    Instant now = Instant.now(clock);
    List<CostChange> written = new ArrayList<>();
    Money remaining = delta;
    Money cost = command.oldNetWeeklyCost();
    if (delta.isPositive()) {
      for (CostChange saving : savingsInWindow(command)) {
        Money available = stillStanding(saving);
        if (!remaining.isPositive()) {
          break;
        }
        if (!available.isPositive()) {
          continue;
        }
        Money taken = available.isLessThan(remaining) ? available : remaining;
        Money newCost = cost.plus(taken);
        CostChange clawback = entries.save(new CostChange(EntryType.CLAWBACK,
            command.sourceKey() + "/clawback-of:" + saving.getId(), command.source(), command.sourceReference(),
            command.carePackageId(), command.personId(), cost, newCost,
            calculator.effectOf(taken, command.effectiveDate()), saving.getKind(), saving.getSavingsLineCode(),
            "Clawback: package went up again within the clawback window (" + clawbackWindow + "). "
                + command.reason(), saving.getId(), command.recordedBy(), now));
        written.add(clawback);
        if (taken.equals(available)) {
          statusEvents.save(new SavingStatusEvent(saving.getId(), SavingStatus.REVERSED, null,
              "Clawed back in full by " + command.sourceKey(), command.recordedBy(), now));
        }
        remaining = remaining.minus(taken);
        cost = newCost;
      }
    }
    if (!remaining.isZero()) {
      CostChange change = entries.save(new CostChange(EntryType.CHANGE, command.sourceKey(), command.source(),
          command.sourceReference(), command.carePackageId(), command.personId(), cost, command.newNetWeeklyCost(),
          calculator.effectOf(remaining, command.effectiveDate()), command.kind(), command.savingsLineCode(),
          command.reason(), null, command.recordedBy(), now));
      written.add(change);
      statusEvents.save(new SavingStatusEvent(change.getId(), SavingStatus.IDENTIFIED, null, null,
          command.recordedBy(), now));
    }
    entries.flush();
    List<Long> ids = written.stream().map(CostChange::getId).toList();
    attributions.entriesRecorded(ids);
    facts.entriesRecorded(ids);
    written.stream().filter(e -> e.getEntryType() == EntryType.CHANGE && e.getKind() != SavingsKind.GROWTH)
        .forEach(e -> events.publishEvent(new SavingIdentified(e.getId())));
    return written;
  }

  /** Reverses what is left of an entry (e.g. the package change was undone); the entry itself stays. */
  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "cost-change", id = "#entryId")
  public CostChange reverse(long entryId, LocalDate effectiveDate, String reason, String actor) {
    CostChange entry = entries.findById(entryId).orElseThrow(() -> new RecordNotFoundException("cost change", entryId));
    if (entry.getEntryType() != EntryType.CHANGE) {
      throw new InvalidRequestException("entryId", "only a change entry can be reversed; adjust the change itself");
    }
    Money standing = entry.getWeeklyDelta().plus(Money.rounded(entries.sumOfAdjustments(entry.getId())));
    if (standing.isZero()) {
      throw new InvalidRequestException("entryId", "entry " + entryId + " has already been reversed in full");
    }
    Instant now = Instant.now(clock);
    Money newCost = entry.getNewNetWeeklyCost().minus(standing);
    CostChange reversal = entries.save(new CostChange(EntryType.REVERSAL, "REVERSAL-OF:" + entryId,
        entry.getSourceProcess(), entry.getSourceReference(), entry.getCarePackageId(), entry.getPersonId(),
        entry.getNewNetWeeklyCost(), newCost, calculator.effectOf(standing.negate(), effectiveDate), entry.getKind(),
        entry.getSavingsLineCode(), requireReason(reason), entry.getId(), actor, now));
    statusEvents.save(new SavingStatusEvent(entry.getId(), SavingStatus.REVERSED, null, reason, actor, now));
    entries.flush();
    attributions.entriesRecorded(List.of(reversal.getId()));
    facts.entriesRecorded(List.of(reversal.getId()));
    return reversal;
  }

  /**
   * Moves a saving to its next stage, as finance and the board decide (who may decide is the
   * validation process's business; this guards the stages and the amounts).
   *
   * @param validatedWeeklyDelta with {@link SavingStatus#VALIDATED} only: the weekly amount finance
   *     validated when it differs from the claim (same sign; a larger amount needs the reason too)
   */
  @Transactional
  @Audited(action = AuditAction.DECIDE, record = "cost-change", id = "#entryId")
  public SavingStatusEvent changeStatus(long entryId, SavingStatus status, Money validatedWeeklyDelta, String reason,
      String actor) {
    CostChange entry = entries.findById(entryId).orElseThrow(() -> new RecordNotFoundException("cost change", entryId));
    if (entry.getEntryType() != EntryType.CHANGE) {
      throw new InvalidRequestException("entryId", "only a change entry has a status; entry " + entryId
          + " adjusts entry " + entry.getAdjustsEntryId());
    }
    SavingStatus current = stageOf(entryId);
    if (!current.next().contains(status)) {
      throw new InvalidRequestException("status", "a saving that is " + current + " cannot become " + status
          + (current.next().isEmpty() ? "" : "; it can become " + current.next()));
    }
    SavingsEffect validatedEffect = null;
    if (validatedWeeklyDelta != null) {
      validatedEffect = validatedEffect(entry, status, validatedWeeklyDelta, reason);
    }
    if ((status == SavingStatus.REJECTED || status == SavingStatus.WITHDRAWN) && (reason == null || reason.isBlank())) {
      throw new InvalidRequestException("reason", "is required to " + (status == SavingStatus.REJECTED
          ? "reject" : "withdraw") + " a saving");
    }
    SavingStatusEvent event = statusEvents.save(new SavingStatusEvent(entryId, status, validatedWeeklyDelta,
        reason == null || reason.isBlank() ? null : reason.strip(), actor, Instant.now(clock)));
    // Written now: with ordered batch inserts, an event left pending would be batched ahead of the next
    // entry that record() saves, before that entry's own row, and break its foreign key.
    statusEvents.flush();
    facts.statusRecorded(entryId, status, validatedEffect);
    return event;
  }

  private SavingsEffect validatedEffect(CostChange entry, SavingStatus status, Money validated, String reason) {
    if (status != SavingStatus.VALIDATED) {
      throw new InvalidRequestException("validatedWeeklyDelta", "belongs with VALIDATED only");
    }
    Money claimed = entry.getWeeklyDelta();
    if (validated.isZero() || validated.signum() != claimed.signum()) {
      throw new InvalidRequestException("validatedWeeklyDelta", "must have the same sign as the claimed weekly delta "
          + claimed + "; to refuse the saving, reject it");
    }
    if (!validated.equals(claimed) && (reason == null || reason.isBlank())) {
      throw new InvalidRequestException("reason", "is required when the validated amount (" + validated
          + ") differs from the claimed amount (" + claimed + ")");
    }
    return calculator.effectOf(validated, entry.getEffectiveDate());
  }

  /** Whether the savings programme has this line (a cost change can only count toward a known line). */
  @Transactional(readOnly = true)
  public boolean hasLine(String savingsLineCode) {
    return savingsLineCode != null && lines.existsById(savingsLineCode);
  }

  /** One entry of the ledger. */
  @Transactional(readOnly = true)
  public CostChange entry(long entryId) {
    return entries.findById(entryId).orElseThrow(() -> new RecordNotFoundException("cost change", entryId));
  }

  /** A saving's status history, oldest first. */
  @Transactional(readOnly = true)
  public List<SavingStatusEvent> historyOf(long entryId) {
    return statusEvents.findByCostChangeIdOrderByOccurredAtAscIdAsc(entryId);
  }

  /** The effects of a weekly amount from an effective date (e.g. the amount finance validated). */
  public SavingsEffect effectOf(Money weeklyDelta, LocalDate effectiveDate) {
    return calculator.effectOf(weeklyDelta, effectiveDate);
  }

  /** The stage of a saving: its latest status other than REVERSED (see {@link SavingStatus}). */
  @Transactional(readOnly = true)
  public SavingStatus stageOf(long entryId) {
    List<SavingStatusEvent> history = statusEvents.findByCostChangeIdOrderByOccurredAtAscIdAsc(entryId);
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).getStatus() != SavingStatus.REVERSED) {
        return history.get(i).getStatus();
      }
    }
    throw new RecordNotFoundException("saving status for cost change", entryId);
  }

  /** The latest status of a change entry. */
  @Transactional(readOnly = true)
  public SavingStatus statusOf(long entryId) {
    List<SavingStatusEvent> history = statusEvents.findByCostChangeIdOrderByOccurredAtAscIdAsc(entryId);
    if (history.isEmpty()) {
      throw new RecordNotFoundException("saving status for cost change", entryId);
    }
    return history.get(history.size() - 1).getStatus();
  }

  private List<CostChange> savingsInWindow(CostChangeCommand command) {
    return entries.findByCarePackageIdOrderByEffectiveDateAscIdAsc(command.carePackageId()).stream()
        .filter(e -> e.getEntryType() == EntryType.CHANGE)
        .filter(e -> e.getKind() != SavingsKind.GROWTH && e.getWeeklyDelta().isNegative())
        .filter(e -> clawbackWindow.covers(e.getEffectiveDate(), command.effectiveDate()))
        .sorted(Comparator.comparing(CostChange::getEffectiveDate).thenComparing(CostChange::getId).reversed())
        .toList();
  }

  /** How much of a saving still stands, as a positive weekly amount (its delta less what was clawed back or reversed). */
  private Money stillStanding(CostChange saving) {
    Money adjusted = saving.getWeeklyDelta().plus(Money.rounded(entries.sumOfAdjustments(saving.getId())));
    return adjusted.negate();
  }

  private void validate(CostChangeCommand command) {
    if (command.oldNetWeeklyCost().isNegative()) {
      throw new InvalidRequestException("oldNetWeeklyCost", "must not be negative");
    }
    if (command.newNetWeeklyCost().isNegative()) {
      throw new InvalidRequestException("newNetWeeklyCost", "must not be negative");
    }
    Money delta = command.newNetWeeklyCost().minus(command.oldNetWeeklyCost());
    if (delta.isZero()) {
      throw new InvalidRequestException("newNetWeeklyCost", "is the same as the old cost: there is no cost change");
    }
    if (command.kind() == SavingsKind.GROWTH && delta.isNegative()) {
      throw new InvalidRequestException("kind", "growth must be a cost increase");
    }
    if (command.kind() != SavingsKind.GROWTH && delta.isPositive()) {
      throw new InvalidRequestException("kind", command.kind() + " must be a cost reduction; an increase is "
          + "growth (any saving it claws back is found and reversed on its own line)");
    }
    SavingsLine line = lines.findById(command.savingsLineCode()).orElseThrow(() -> new InvalidRequestException(
        "savingsLineCode", "is not a known savings line: " + command.savingsLineCode()));
    if (line.getKind() != command.kind()) {
      throw new InvalidRequestException("kind", "savings line " + line.getCode() + " is for " + line.getKind()
          + ", not " + command.kind() + ": kinds are reported apart and never added together");
    }
    requireReason(command.reason());
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason", "is required: the ledger records why every cost changed");
    }
    return reason.strip();
  }
}

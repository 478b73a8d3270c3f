package org.carereviews.savings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records cost changes in the append-only ledger, exactly once per source decision.
 *
 * <p>An increase to a package that carries a saving within the clawback window first claws that
 * saving back (a {@link EntryType#CLAWBACK} entry on the saving's line, most recent saving first);
 * only what is left of the increase is recorded as growth. So a package that went from 500 to 400
 * and back to 480 a week shows a saving of 20 and no growth, never a saving of 100 and growth of
 * 80.
 *
 * <p>A clawback reverses only live savings (identified, validated or ratified), and at most what
 * still stands of them at their current amount (the validated amount once validated). When a saving
 * that was clawed back leaves the live set (rejected, withdrawn), new entries move the clawed part
 * back to growth (a {@link EntryType#CORRECTION} on the saving and a growth change on the
 * increase's growth line); when it comes back (resubmitted), new entries move it back again. Growth
 * has no validation stages: it counts in full once recorded (see docs/savings-rules.md).
 */
@NamedInterface("ledger")
@Service
public class SavingsLedger {

  /** A package change in effect, as the process that approved it reports it. */
  @NamedInterface("ledger")
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

  SavingsLedger(
      CostChanges entries,
      SavingStatusEvents statusEvents,
      SavingsLines lines,
      SavingsEffectCalculator calculator,
      CostChangeAttributions attributions,
      SavingsFacts facts,
      SavingsProperties properties,
      Clock clock,
      ApplicationEventPublisher events) {
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
   * @return the entries written (or found): clawbacks first, then the change itself if anything is
   *     left of it
   */
  @Transactional
  @Audited(
      action = AuditAction.CREATE,
      record = "cost-change",
      id = "#command.source().name() + ':' + #command.sourceReference()")
  public List<CostChange> record(CostChangeCommand command) {
    List<CostChange> existing =
        entries.findBySourceProcessAndSourceReferenceOrderById(
            command.source(), command.sourceReference());
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
        CostChange clawback =
            entries.save(
                new CostChange(
                    EntryType.CLAWBACK,
                    command.sourceKey() + "/clawback-of:" + saving.getId(),
                    command.source(),
                    command.sourceReference(),
                    command.carePackageId(),
                    command.personId(),
                    cost,
                    newCost,
                    calculator.effectOf(taken, command.effectiveDate()),
                    saving.getKind(),
                    saving.getSavingsLineCode(),
                    "Clawback: package went up again within the clawback window ("
                        + clawbackWindow
                        + "). "
                        + command.reason(),
                    saving.getId(),
                    command.savingsLineCode(),
                    command.recordedBy(),
                    now));
        written.add(clawback);
        if (taken.equals(available)) {
          statusEvents.save(
              new SavingStatusEvent(
                  saving.getId(),
                  SavingStatus.REVERSED,
                  null,
                  "Clawed back in full by " + command.sourceKey(),
                  command.recordedBy(),
                  now));
        }
        remaining = remaining.minus(taken);
        cost = newCost;
      }
    }
    if (!remaining.isZero()) {
      CostChange change =
          entries.save(
              new CostChange(
                  EntryType.CHANGE,
                  command.sourceKey(),
                  command.source(),
                  command.sourceReference(),
                  command.carePackageId(),
                  command.personId(),
                  cost,
                  command.newNetWeeklyCost(),
                  calculator.effectOf(remaining, command.effectiveDate()),
                  command.kind(),
                  command.savingsLineCode(),
                  command.reason(),
                  null,
                  command.recordedBy(),
                  now));
      written.add(change);
      statusEvents.save(
          new SavingStatusEvent(
              change.getId(), SavingStatus.IDENTIFIED, null, null, command.recordedBy(), now));
    }
    entries.flush();
    List<Long> ids = written.stream().map(CostChange::getId).toList();
    attributions.entriesRecorded(ids);
    facts.entriesRecorded(ids);
    written.stream()
        .filter(e -> e.getEntryType() == EntryType.CHANGE && e.getKind() != SavingsKind.GROWTH)
        .forEach(e -> events.publishEvent(new SavingIdentified(e.costChangeId())));
    return written;
  }

  /**
   * Reverses what is left of an entry (e.g. the package change was undone); the entry itself stays.
   */
  @Transactional
  @Audited(action = AuditAction.CHANGE, record = "cost-change", id = "#id")
  public CostChange reverse(CostChangeId id, LocalDate effectiveDate, String reason, String actor) {
    long entryId = id.value();
    CostChange entry =
        entries
            .findById(entryId)
            .orElseThrow(() -> new RecordNotFoundException("cost change", entryId));
    if (entry.getEntryType() != EntryType.CHANGE) {
      throw new InvalidRequestException(
          "entryId", "only a change entry can be reversed; adjust the change itself");
    }
    // The package goes back by what stands of the change as recorded; from now on the saving counts
    // at its claim
    // (a validated amount no longer stands), so at every stage it and its adjustments net to zero.
    Money standing =
        entry.getWeeklyDelta().plus(Money.rounded(entries.sumOfAdjustments(entry.getId())));
    if (standing.isZero()) {
      throw new InvalidRequestException(
          "entryId", "entry " + entryId + " has already been reversed in full");
    }
    Instant now = Instant.now(clock);
    Money newCost = entry.getNewNetWeeklyCost().minus(standing);
    CostChange reversal =
        entries.save(
            new CostChange(
                EntryType.REVERSAL,
                "REVERSAL-OF:" + entryId,
                entry.getSourceProcess(),
                entry.getSourceReference(),
                entry.getCarePackageId(),
                entry.getPersonId(),
                entry.getNewNetWeeklyCost(),
                newCost,
                calculator.effectOf(standing.negate(), effectiveDate),
                entry.getKind(),
                entry.getSavingsLineCode(),
                requireReason(reason),
                entry.getId(),
                actor,
                now));
    statusEvents.save(
        new SavingStatusEvent(entry.getId(), SavingStatus.REVERSED, null, reason, actor, now));
    entries.flush();
    attributions.entriesRecorded(List.of(reversal.getId()));
    facts.entriesRecorded(List.of(reversal.getId()));
    facts.savingReversed(entry.getId());
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
  @Audited(action = AuditAction.DECIDE, record = "cost-change", id = "#id")
  public SavingStatusEvent changeStatus(
      CostChangeId id,
      SavingStatus status,
      Money validatedWeeklyDelta,
      String reason,
      String actor) {
    long entryId = id.value();
    CostChange entry =
        entries
            .findById(entryId)
            .orElseThrow(() -> new RecordNotFoundException("cost change", entryId));
    if (entry.getEntryType() != EntryType.CHANGE) {
      throw new InvalidRequestException(
          "entryId",
          "only a change entry has a status; entry "
              + entryId
              + " adjusts entry "
              + entry.getAdjustsEntryId());
    }
    if (entry.getKind() == SavingsKind.GROWTH) {
      throw new InvalidRequestException(
          "status",
          "growth has no validation stages: an increase counts in full once "
              + "recorded; one recorded in error is reversed");
    }
    SavingStatus current = stageOf(id);
    if (!current.next().contains(status)) {
      throw new InvalidRequestException(
          "status",
          "a saving that is "
              + current
              + " cannot become "
              + status
              + (current.next().isEmpty() ? "" : "; it can become " + current.next()));
    }
    SavingsEffect validatedEffect = null;
    if (validatedWeeklyDelta != null) {
      validatedEffect = validatedEffect(entry, status, validatedWeeklyDelta, reason);
    }
    if (validatedWeeklyDelta != null
        && !validatedWeeklyDelta.equals(entry.getWeeklyDelta())
        && isReversed(entry)) {
      throw new InvalidRequestException(
          "validatedWeeklyDelta",
          "entry " + entryId + " has been reversed: it counts at " + "its claimed amount");
    }
    if (status == SavingStatus.VALIDATED) {
      Money amount = validatedWeeklyDelta == null ? entry.getWeeklyDelta() : validatedWeeklyDelta;
      Money adjusted = Money.rounded(entries.sumOfAdjustments(entry.getId()));
      if (amount.plus(adjusted).signum() == -amount.signum()) {
        throw new InvalidRequestException(
            validatedWeeklyDelta == null ? "status" : "validatedWeeklyDelta",
            "the amount validated ("
                + amount
                + " a week) must be at least as large as the "
                + adjusted
                + " a week already clawed back, reversed or corrected: a saving never counts as a cost");
      }
    }
    if ((status == SavingStatus.REJECTED || status == SavingStatus.WITHDRAWN)
        && (reason == null || reason.isBlank())) {
      throw new InvalidRequestException(
          "reason",
          "is required to "
              + (status == SavingStatus.REJECTED ? "reject" : "withdraw")
              + " a saving");
    }
    SavingStatusEvent event =
        statusEvents.save(
            new SavingStatusEvent(
                entryId,
                status,
                validatedWeeklyDelta,
                reason == null || reason.isBlank() ? null : reason.strip(),
                actor,
                Instant.now(clock)));
    // Written now: with ordered batch inserts, an event left pending would be batched ahead of the
    // next
    // entry that record() saves, before that entry's own row, and break its foreign key.
    statusEvents.flush();
    facts.statusRecorded(entryId, status, validatedEffect);
    if (isLive(current) != isLive(status)) {
      moveClawbacks(entry, isLive(status), actor);
    }
    return event;
  }

  /**
   * Records an increase that is not in effect (a tracker row for a rejected or withdrawn increase):
   * written for the record at that status, it counts nowhere and claws nothing back.
   */
  @Transactional
  @Audited(
      action = AuditAction.CREATE,
      record = "cost-change",
      id = "#command.source().name() + ':' + #command.sourceReference()")
  public List<CostChange> recordNotInEffect(
      CostChangeCommand command, SavingStatus status, String reason) {
    List<CostChange> existing =
        entries.findBySourceProcessAndSourceReferenceOrderById(
            command.source(), command.sourceReference());
    if (!existing.isEmpty()) {
      return existing;
    }
    if (status != SavingStatus.REJECTED && status != SavingStatus.WITHDRAWN) {
      throw new InvalidRequestException(
          "status", "is " + status + ": only a rejected or withdrawn change is not in effect");
    }
    validate(command);
    Instant now = Instant.now(clock);
    CostChange change =
        entries.save(
            new CostChange(
                EntryType.CHANGE,
                command.sourceKey(),
                command.source(),
                command.sourceReference(),
                command.carePackageId(),
                command.personId(),
                command.oldNetWeeklyCost(),
                command.newNetWeeklyCost(),
                calculator.effectOf(
                    command.oldNetWeeklyCost(),
                    command.newNetWeeklyCost(),
                    command.effectiveDate()),
                command.kind(),
                command.savingsLineCode(),
                command.reason(),
                null,
                command.recordedBy(),
                now));
    statusEvents.save(
        new SavingStatusEvent(
            change.getId(), SavingStatus.IDENTIFIED, null, null, command.recordedBy(), now));
    statusEvents.save(
        new SavingStatusEvent(
            change.getId(), status, null, requireReason(reason), command.recordedBy(), now));
    entries.flush();
    statusEvents.flush();
    attributions.entriesRecorded(List.of(change.getId()));
    facts.entriesRecorded(List.of(change.getId()));
    facts.statusRecorded(change.getId(), status, null);
    return List.of(change);
  }

  /**
   * Whether a saving at this stage counts (identified, validated, ratified) or not (rejected,
   * withdrawn).
   */
  static boolean isLive(SavingStatus stage) {
    return stage == SavingStatus.IDENTIFIED
        || stage == SavingStatus.VALIDATED
        || stage == SavingStatus.RATIFIED;
  }

  /**
   * A saving left the live set (or came back to it): for each clawback of it, new entries move the
   * clawed part to growth on the increase's growth line (or back to the saving, as far as the
   * saving still stands). Nothing is edited: a correction on the saving nets the clawback off (at
   * the saving's stage), and a growth change carries the same amount.
   */
  private void moveClawbacks(CostChange saving, boolean nowLive, String actor) {
    List<CostChange> clawbacks =
        entries.findByAdjustsEntryIdAndEntryTypeOrderById(saving.getId(), EntryType.CLAWBACK);
    if (clawbacks.isEmpty()) {
      return;
    }
    Instant now = Instant.now(clock);
    List<CostChange> written = new ArrayList<>();
    Money available = nowLive ? stillStanding(saving) : Money.ZERO;
    for (CostChange clawback : clawbacks) {
      String prefix = clawback.getSourceKey() + "/to-growth:";
      List<CostChange> moves =
          entries.findBySourceKeyStartingWithOrderById(prefix).stream()
              .filter(e -> e.getKind() == SavingsKind.GROWTH)
              .toList();
      Money moved = moves.stream().map(CostChange::getWeeklyDelta).reduce(Money.ZERO, Money::plus);
      Money difference;
      if (nowLive) {
        Money back = moved.isLessThan(available) ? moved : available;
        available = available.minus(back);
        difference = back.negate();
      } else {
        difference = clawback.getWeeklyDelta().minus(moved);
      }
      String growthLine = growthLineOf(clawback);
      if (difference.isZero() || growthLine == null) {
        continue;
      }
      int n = moves.size() + 1;
      SavingsEffect toSaving =
          calculator.effectOf(difference.negate(), clawback.getEffectiveDate());
      SavingsEffect toGrowth = calculator.effectOf(difference, clawback.getEffectiveDate());
      Money cost = clawback.getNewNetWeeklyCost();
      String why =
          difference.isPositive()
              ? "Saving "
                  + saving.getId()
                  + " no longer counts: the part of the increase that clawed it back is growth"
              : "Saving " + saving.getId() + " counts again: the increase claws it back again";
      written.add(
          entries.save(
              new CostChange(
                  EntryType.CORRECTION,
                  prefix + n + "/saving",
                  clawback.getSourceProcess(),
                  clawback.getSourceReference(),
                  clawback.getCarePackageId(),
                  clawback.getPersonId(),
                  cost,
                  cost.minus(difference),
                  toSaving,
                  saving.getKind(),
                  saving.getSavingsLineCode(),
                  why,
                  saving.getId(),
                  actor,
                  now)));
      CostChange growth =
          entries.save(
              new CostChange(
                  EntryType.CHANGE,
                  prefix + n,
                  clawback.getSourceProcess(),
                  clawback.getSourceReference(),
                  clawback.getCarePackageId(),
                  clawback.getPersonId(),
                  cost.minus(difference),
                  cost,
                  toGrowth,
                  SavingsKind.GROWTH,
                  growthLine,
                  why,
                  null,
                  actor,
                  now));
      written.add(growth);
      statusEvents.save(
          new SavingStatusEvent(growth.getId(), SavingStatus.IDENTIFIED, null, null, actor, now));
    }
    if (written.isEmpty()) {
      return;
    }
    entries.flush();
    statusEvents.flush();
    List<Long> ids = written.stream().map(CostChange::getId).toList();
    attributions.entriesRecorded(ids);
    facts.entriesRecorded(ids);
  }

  /**
   * The growth line of the increase that made a clawback (recorded with it; for older clawbacks,
   * the increase's change).
   */
  private String growthLineOf(CostChange clawback) {
    if (clawback.getGrowthLineCode() != null) {
      return clawback.getGrowthLineCode();
    }
    String increaseKey =
        clawback.getSourceKey().substring(0, clawback.getSourceKey().indexOf("/clawback-of:"));
    return entries.findBySourceKey(increaseKey).stream()
        .map(CostChange::getSavingsLineCode)
        .findFirst()
        .orElse(null);
  }

  private SavingsEffect validatedEffect(
      CostChange entry, SavingStatus status, Money validated, String reason) {
    if (status != SavingStatus.VALIDATED) {
      throw new InvalidRequestException("validatedWeeklyDelta", "belongs with VALIDATED only");
    }
    Money claimed = entry.getWeeklyDelta();
    if (validated.isZero() || validated.signum() != claimed.signum()) {
      throw new InvalidRequestException(
          "validatedWeeklyDelta",
          "must have the same sign as the claimed weekly delta "
              + claimed
              + "; to refuse the saving, reject it");
    }
    if (!validated.equals(claimed) && (reason == null || reason.isBlank())) {
      throw new InvalidRequestException(
          "reason",
          "is required when the validated amount ("
              + validated
              + ") differs from the claimed amount ("
              + claimed
              + ")");
    }
    return calculator.effectOf(validated, entry.getEffectiveDate());
  }

  /**
   * Whether the savings programme has this line (a cost change can only count toward a known line).
   */
  @Transactional(readOnly = true)
  public boolean hasLine(String savingsLineCode) {
    return savingsLineCode != null && lines.existsById(savingsLineCode);
  }

  /** One entry of the ledger. */
  @Transactional(readOnly = true)
  public CostChange entry(CostChangeId id) {
    return entries
        .findById(id.value())
        .orElseThrow(() -> new RecordNotFoundException("cost change", id));
  }

  /** A saving's status history, oldest first. */
  @Transactional(readOnly = true)
  public List<SavingStatusEvent> historyOf(CostChangeId id) {
    return statusEvents.findByCostChangeIdOrderByOccurredAtAscIdAsc(id.value());
  }

  /** The effects of a weekly amount from an effective date (e.g. the amount finance validated). */
  public SavingsEffect effectOf(Money weeklyDelta, LocalDate effectiveDate) {
    return calculator.effectOf(weeklyDelta, effectiveDate);
  }

  /** The stage of a saving: its latest status other than REVERSED (see {@link SavingStatus}). */
  @Transactional(readOnly = true)
  public SavingStatus stageOf(CostChangeId id) {
    List<SavingStatusEvent> history =
        statusEvents.findByCostChangeIdOrderByOccurredAtAscIdAsc(id.value());
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).getStatus() != SavingStatus.REVERSED) {
        return history.get(i).getStatus();
      }
    }
    throw new RecordNotFoundException("saving status for cost change", id);
  }

  /** The latest status of a change entry. */
  @Transactional(readOnly = true)
  public SavingStatus statusOf(CostChangeId id) {
    List<SavingStatusEvent> history =
        statusEvents.findByCostChangeIdOrderByOccurredAtAscIdAsc(id.value());
    if (history.isEmpty()) {
      throw new RecordNotFoundException("saving status for cost change", id);
    }
    return history.get(history.size() - 1).getStatus();
  }

  /** The live savings of the package within the window, most recent first. */
  private List<CostChange> savingsInWindow(CostChangeCommand command) {
    return entries.findByCarePackageIdOrderByEffectiveDateAscIdAsc(command.carePackageId()).stream()
        .filter(e -> e.getEntryType() == EntryType.CHANGE)
        .filter(e -> e.getKind() != SavingsKind.GROWTH && e.getWeeklyDelta().isNegative())
        .filter(e -> clawbackWindow.covers(e.getEffectiveDate(), command.effectiveDate()))
        .filter(e -> isLive(stageOf(e.costChangeId())))
        .sorted(
            Comparator.comparing(CostChange::getEffectiveDate)
                .thenComparing(CostChange::getId)
                .reversed())
        .toList();
  }

  /**
   * How much of a saving still stands, as a positive weekly amount: its current amount (the
   * validated amount once validated) less what was clawed back, reversed or corrected.
   */
  private Money stillStanding(CostChange saving) {
    Money adjusted =
        currentAmount(saving).plus(Money.rounded(entries.sumOfAdjustments(saving.getId())));
    return adjusted.negate();
  }

  private boolean isReversed(CostChange change) {
    return entries
            .findByAdjustsEntryIdAndEntryTypeOrderById(change.getId(), EntryType.REVERSAL)
            .size()
        > 0;
  }

  /**
   * The weekly amount a change counts at: the amount finance validated while validated or ratified
   * (unless the change was reversed), else its delta.
   */
  private Money currentAmount(CostChange change) {
    if (isReversed(change)) {
      return change.getWeeklyDelta();
    }
    List<SavingStatusEvent> history =
        statusEvents.findByCostChangeIdOrderByOccurredAtAscIdAsc(change.getId());
    SavingStatus stage = null;
    Money validated = null;
    for (SavingStatusEvent event : history) {
      if (event.getStatus() != SavingStatus.REVERSED) {
        stage = event.getStatus();
      }
      if (event.getStatus() == SavingStatus.VALIDATED) {
        validated = event.getValidatedWeeklyDelta();
      }
    }
    boolean validatedStage = stage == SavingStatus.VALIDATED || stage == SavingStatus.RATIFIED;
    return validatedStage && validated != null ? validated : change.getWeeklyDelta();
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
      throw new InvalidRequestException(
          "newNetWeeklyCost", "is the same as the old cost: there is no cost change");
    }
    if (command.kind() == SavingsKind.GROWTH && delta.isNegative()) {
      throw new InvalidRequestException("kind", "growth must be a cost increase");
    }
    if (command.kind() != SavingsKind.GROWTH && delta.isPositive()) {
      throw new InvalidRequestException(
          "kind",
          command.kind()
              + " must be a cost reduction; an increase is "
              + "growth (any saving it claws back is found and reversed on its own line)");
    }
    SavingsLine line =
        lines
            .findById(command.savingsLineCode())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "savingsLineCode",
                        "is not a known savings line: " + command.savingsLineCode()));
    if (line.getKind() != command.kind()) {
      throw new InvalidRequestException(
          "kind",
          "savings line "
              + line.getCode()
              + " is for "
              + line.getKind()
              + ", not "
              + command.kind()
              + ": kinds are reported apart and never added together");
    }
    requireReason(command.reason());
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException(
          "reason", "is required: the ledger records why every cost changed");
    }
    return reason.strip();
  }
}

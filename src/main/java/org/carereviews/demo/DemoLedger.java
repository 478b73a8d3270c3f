package org.carereviews.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.savings.CostChange;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.SavingStatus;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SourceProcess;

/**
 * Synthetic package changes for the demo's current financial year, so the roll-up has something to
 * show: about one package in ten reduced after a review (a new package version and its ledger
 * entry), about one in thirty increased (growth), and the savings moved through validation and
 * ratification in plausible proportions. Deterministic for a seed.
 */
final class DemoLedger {

  static final String GROWTH_LINE = "DEMO Growth";

  private final SavingsLedger ledger;
  private final Random random;
  private final LocalDate today;
  private final FinancialYear year;

  DemoLedger(SavingsLedger ledger, long seed, LocalDate today) {
    this.ledger = ledger;
    this.random = new Random(seed ^ 0x5A71E5L);
    this.today = today;
    this.year = FinancialYear.containing(today);
  }

  /**
   * Changes some of these newly saved packages (a new version, in the caller's transaction) and
   * returns the ledger entries to record for them, best in a transaction of their own: a small
   * persistence context keeps the ledger's flushes cheap.
   */
  List<CostChangeCommand> changeSome(List<CarePackage> packages) {
    List<CostChangeCommand> commands = new ArrayList<>();
    for (CarePackage carePackage : packages) {
      double draw = random.nextDouble();
      CostChangeCommand command = null;
      if (draw < 0.10) {
        command = change(carePackage, 0.75 + random.nextDouble() * 0.2, true);
      } else if (draw < 0.13) {
        command = change(carePackage, 1.05 + random.nextDouble() * 0.2, false);
      }
      if (command != null) {
        commands.add(command);
      }
    }
    return commands;
  }

  /** Records the entries, and moves some savings on through validation and ratification. */
  void record(List<CostChangeCommand> commands) {
    for (CostChangeCommand command : commands) {
      List<CostChange> entries = ledger.record(command);
      if (command.kind() != SavingsKind.GROWTH) {
        entries.forEach(entry -> moveOn(entry.costChangeId(), entry.getWeeklyDelta()));
      }
    }
  }

  private CostChangeCommand change(CarePackage carePackage, double factor, boolean saving) {
    PackageTerms before = carePackage.current().getTerms();
    long daysSoFar = ChronoUnit.DAYS.between(year.firstDay(), today);
    if (daysSoFar < 7) {
      return null;
    }
    LocalDate effective = year.firstDay().plusDays(random.nextInt((int) Math.min(daysSoFar, 330)));
    Money gross =
        Money.of(
            before
                .getWeeklyGrossCost()
                .amount()
                .multiply(BigDecimal.valueOf(factor))
                .setScale(0, RoundingMode.HALF_EVEN)
                .setScale(2));
    if (!effective.isAfter(before.getStartDate())
        || gross.isLessThan(before.getAssessedContribution())) {
      return null;
    }
    PackageTerms after =
        new PackageTerms(
            before.getServiceType(),
            before.getProvider(),
            gross,
            before.getAssessedContribution(),
            before.getNhsSharePercent(),
            effective,
            null,
            effective.plusYears(1));
    if (after.getNetWeeklyCost().equals(before.getNetWeeklyCost())) {
      return null;
    }
    String worker = "sw." + carePackage.getPerson().getTeam().getCode().toLowerCase(Locale.ROOT);
    String reason =
        saving
            ? "Review: strengths-based conversation; family and community support now meet part of "
                + "the outcome"
            : "Review: needs have increased";
    carePackage.recordChange(after, reason, worker, today.atStartOfDay(ZoneOffset.UTC).toInstant());
    return new CostChangeCommand(
        SourceProcess.REVIEW,
        "DEMO-" + carePackage.getReference(),
        carePackage.getId(),
        carePackage.getPerson().getId(),
        before.getNetWeeklyCost(),
        after.getNetWeeklyCost(),
        effective,
        saving ? SavingsKind.CASHABLE_SAVING : SavingsKind.GROWTH,
        saving ? lineFor(carePackage.getPerson().getClientGroup()) : GROWTH_LINE,
        reason,
        worker);
  }

  private void moveOn(CostChangeId entryId, Money claimed) {
    double draw = random.nextDouble();
    if (draw < 0.05) {
      ledger.changeStatus(
          entryId,
          SavingStatus.REJECTED,
          null,
          "No evidence yet that the provider is paid less",
          "fin.validator");
    } else if (draw < 0.50) {
      Money validated = draw < 0.10 ? claimed.times(new BigDecimal("0.8")) : null;
      ledger.changeStatus(
          entryId,
          SavingStatus.VALIDATED,
          validated,
          validated == null ? null : "Provider invoice shows a smaller reduction",
          "fin.validator");
      if (draw < 0.30) {
        ledger.changeStatus(entryId, SavingStatus.RATIFIED, null, null, "board.member");
      }
    }
  }

  private String lineFor(ClientGroup group) {
    boolean stretch = random.nextInt(3) == 0;
    return switch (group) {
      case OLDER_PEOPLE -> stretch ? "HWA Sav 20" : "HWA Sav 19";
      case MENTAL_HEALTH -> stretch ? "HWA Sav 10" : "HWA Sav 09";
      case LEARNING_DISABILITY, AUTISM, PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT ->
          stretch ? "HWA Sav 07" : "HWA Sav 06";
    };
  }
}

package org.carereviews.savings.validation;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carereviews.casebook.CasebookService;
import org.carereviews.savings.CostChanges;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.savings.validation.SavingsProcesses.Proposal;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.carereviews.workflow.TaskSubject;
import org.carereviews.workflow.TaskSubjects;
import org.springframework.stereotype.Component;

/**
 * Savings tasks: a validation's {@code PKG-000393 P-000301 REV-000061: Validate saving, -GBP
 * 25.00/wk (-GBP 1,303.57 full year)}; the board's {@code Board Dec 2026: Ratify the list, 63
 * savings}; a proposal's {@code Proposal HC-01 2026/27: Check achievability, target -GBP
 * 10,000.00}.
 */
@Component
class SavingsTaskSubjects implements TaskSubjects {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

  private final CostChanges costChanges;
  private final EfficiencyProposals proposals;
  private final CasebookService casebook;

  SavingsTaskSubjects(
      CostChanges costChanges, EfficiencyProposals proposals, CasebookService casebook) {
    this.costChanges = costChanges;
    this.proposals = proposals;
    this.casebook = casebook;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(Validation.KEY, Board.KEY, Proposal.KEY);
  }

  @Override
  public Optional<TaskSubject> describe(DelegateTask task) {
    Long entryId = Validation.COST_CHANGE_ID.read(task);
    if (entryId != null) {
      return costChanges
          .findById(entryId)
          .map(
              saving -> {
                StringBuilder references = new StringBuilder();
                if (saving.getCarePackageId() != null) {
                  CasebookService.PackageSnapshot pack =
                      casebook.packageSnapshot(saving.getCarePackageId());
                  references
                      .append(pack.packageReference())
                      .append(' ')
                      .append(pack.personReference());
                } else if (saving.getPersonId() != null) {
                  references.append(casebook.personSnapshot(saving.getPersonId()).reference());
                }
                if (saving.getSourceReference() != null
                    && saving.getSourceReference().matches("[A-Z]+-[0-9]+")) {
                  references.append(' ').append(saving.getSourceReference());
                }
                return new TaskSubject(
                    references.toString(),
                    TaskSubject.weeklyChange(saving.getWeeklyDelta())
                        + " ("
                        + TaskSubject.money(saving.getFullYearEffect())
                        + " full year, "
                        + saving.getSavingsLineCode()
                        + ")");
              });
    }
    String month = Board.MONTH.read(task);
    if (month != null) {
      Integer count = Board.ITEM_COUNT.read(task);
      String stake = count == null ? null : count + " savings";
      return Optional.of(new TaskSubject("Board " + MONTH.format(YearMonth.parse(month)), stake));
    }
    Long proposalId = Proposal.PROPOSAL_ID.read(task);
    if (proposalId != null) {
      return proposals
          .findById(proposalId)
          .map(
              proposal ->
                  new TaskSubject(
                      "Proposal " + proposal.getLineCode() + " " + proposal.getFinancialYear(),
                      "target " + TaskSubject.money(proposal.getTarget())));
    }
    return Optional.empty();
  }
}

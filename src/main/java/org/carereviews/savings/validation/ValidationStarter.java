package org.carereviews.savings.validation;

import org.carereviews.savings.CostChange;
import org.carereviews.savings.SavingIdentified;
import org.carereviews.savings.SavingStatus;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.carereviews.workflow.Workflow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts finance's validation of every saving the ledger records, just before the ledger's
 * transaction commits: in the same transaction, so a recording that rolls back (an import refused
 * for one bad row) leaves no validation behind, and after whatever else that transaction did to the
 * saving (an import that brings it in as already validated starts nothing). Bulk loads that write
 * the ledger with SQL do not pass through the ledger and start nothing. A saving's validation
 * starts once: while one runs, a second start does nothing.
 */
@Component
class ValidationStarter {

  private final SavingsLedger ledger;
  private final Workflow workflow;

  ValidationStarter(SavingsLedger ledger, Workflow workflow) {
    this.ledger = ledger;
    this.workflow = workflow;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void savingIdentified(SavingIdentified event) {
    if (ledger.stageOf(event.costChangeId()) != SavingStatus.IDENTIFIED) {
      return;
    }
    String businessKey = Validation.businessKey(event.costChangeId().value());
    if (workflow.isRunning(Validation.KEY, businessKey)) {
      return;
    }
    CostChange saving = ledger.entry(event.costChangeId());
    workflow.start(
        Validation.KEY,
        businessKey,
        Validation.startVariables(event.costChangeId(), saving.getRecordedBy()));
  }
}

package org.carereviews.savings.validation;

import org.carereviews.savings.CostChange;
import org.carereviews.savings.SavingIdentified;
import org.carereviews.savings.SavingStatus;
import org.carereviews.savings.SavingsLedger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts finance's validation of every saving the ledger records, just before the ledger's
 * transaction commits: in the same transaction, so a recording that rolls back (an import refused
 * for one bad row) leaves no validation behind, and after whatever else that transaction did to the
 * saving (an import that brings it in as already validated starts nothing). Bulk loads that write
 * the ledger with SQL do not pass through the ledger and start nothing.
 */
@Component
class ValidationStarter {

  private final SavingsLedger ledger;
  private final SavingsWorkflow workflow;

  ValidationStarter(SavingsLedger ledger, SavingsWorkflow workflow) {
    this.ledger = ledger;
    this.workflow = workflow;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void savingIdentified(SavingIdentified event) {
    if (ledger.stageOf(event.costChangeId()) != SavingStatus.IDENTIFIED) {
      return;
    }
    CostChange saving = ledger.entry(event.costChangeId());
    workflow.startValidation(saving.getId(), saving.getRecordedBy());
  }
}

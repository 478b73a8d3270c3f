package org.carereviews.review;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.ServiceType;
import org.carereviews.identity.EngineCalls;
import org.carereviews.savings.SavingsKind;
import org.springframework.stereotype.Component;

/**
 * Chooses the savings line a review's cost change counts toward, by the council's decision table
 * {@code processes/review/SavingsLineRouting.dmn} (outcome, client group, service type and whether the
 * cost goes down or up -> savings line code and kind).
 */
@Component
class SavingsLineRouter {

  /** Whether the net weekly cost goes down (a saving) or up (growth). */
  enum Direction { SAVING, GROWTH }

  record SavingsLineChoice(String savingsLineCode, SavingsKind kind) {
  }

  private final DecisionService decisions;
  private final EngineCalls engine;

  SavingsLineRouter(DecisionService decisions, EngineCalls engine) {
    this.decisions = decisions;
    this.engine = engine;
  }

  SavingsLineChoice route(ReviewOutcome outcome, ClientGroup clientGroup, ServiceType serviceType, Direction direction) {
    // The council's rule, evaluated on the service's account (also while a worker's outcome is checked).
    DmnDecisionResultEntries result = engine.asService(() -> decisions
        .evaluateDecisionByKey(ReviewProcess.SAVINGS_LINE_DECISION)
        .variables(Map.of("outcome", outcome.name(), "clientGroup", clientGroup.name(),
            "serviceType", serviceType.name(), "direction", direction.name()))
        .evaluate().getFirstResult());
    if (result == null) {
      throw new IllegalStateException("the decision table " + ReviewProcess.SAVINGS_LINE_DECISION + " has no savings line for "
          + outcome + ", " + clientGroup + ", " + serviceType + ", " + direction);
    }
    return new SavingsLineChoice(result.getEntry("savingsLineCode"), SavingsKind.valueOf(result.getEntry("savingsKind")));
  }
}

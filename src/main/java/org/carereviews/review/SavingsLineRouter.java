package org.carereviews.review;

import java.util.Map;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.ServiceType;
import org.carereviews.savings.SavingsKind;
import org.carereviews.workflow.Workflow;
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

  private final Workflow workflow;

  SavingsLineRouter(Workflow workflow) {
    this.workflow = workflow;
  }

  SavingsLineChoice route(ReviewOutcome outcome, ClientGroup clientGroup, ServiceType serviceType, Direction direction) {
    Map<String, Object> line = workflow.evaluateFirst(ReviewProcess.SAVINGS_LINE_DECISION,
        Map.of("outcome", outcome.name(), "clientGroup", clientGroup.name(), "serviceType", serviceType.name(),
            "direction", direction.name()))
        .orElseThrow(() -> new IllegalStateException("the decision table " + ReviewProcess.SAVINGS_LINE_DECISION
            + " has no savings line for " + outcome + ", " + clientGroup + ", " + serviceType + ", " + direction));
    return new SavingsLineChoice(String.valueOf(line.get("savingsLineCode")),
        SavingsKind.valueOf(String.valueOf(line.get("savingsKind"))));
  }
}

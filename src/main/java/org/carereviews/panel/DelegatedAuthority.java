package org.carereviews.panel;

import java.util.HashMap;
import java.util.Map;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.common.Money;
import org.carereviews.workflow.Workflow;
import org.springframework.stereotype.Component;

/**
 * Asks DelegatedAuthority.dmn who decides a request. The rules are the table's, not this class's.
 */
@Component
class DelegatedAuthority {

  record Routing(PanelRoute route, String rule) {}

  private final Workflow workflow;

  DelegatedAuthority(Workflow workflow) {
    this.workflow = workflow;
  }

  Routing route(
      PackageRequestCommand command,
      ClientGroup clientGroup,
      Money weeklyIncrease,
      Money annualCost) {
    Map<String, Object> inputs = inputs(command, clientGroup, weeklyIncrease, annualCost);
    Map<String, Object> row =
        workflow
            .evaluateFirst(PanelProcesses.DELEGATED_AUTHORITY_DECISION, inputs)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        PanelProcesses.DELEGATED_AUTHORITY_DECISION
                            + " has no rule for this request: its last rule must catch the rest"));
    return new Routing(
        PanelRoute.valueOf(String.valueOf(row.get("route"))), String.valueOf(row.get("rule")));
  }

  static Map<String, Object> inputs(
      PackageRequestCommand command,
      ClientGroup clientGroup,
      Money weeklyIncrease,
      Money annualCost) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(
        "urgentReason", command.urgentReason() == null ? null : command.urgentReason().name());
    inputs.put("requestType", command.type().name());
    inputs.put("clientGroup", clientGroup.name());
    inputs.put("serviceType", command.proposed().serviceType().name());
    inputs.put("proposedWeeklyCost", command.proposed().netWeeklyCost().amount());
    inputs.put("weeklyIncrease", weeklyIncrease.amount());
    inputs.put("annualCost", annualCost.amount());
    return inputs;
  }
}

package org.carereviews.panel;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.common.Money;
import org.carereviews.identity.EngineCalls;
import org.springframework.stereotype.Component;

/** Asks DelegatedAuthority.dmn who decides a request. The rules are the table's, not this class's. */
@Component
class DelegatedAuthority {

  record Routing(PanelRoute route, String rule) {
  }

  private final DecisionService decisionService;
  private final EngineCalls engineCalls;

  DelegatedAuthority(DecisionService decisionService, EngineCalls engineCalls) {
    this.decisionService = decisionService;
    this.engineCalls = engineCalls;
  }

  Routing route(PackageRequestCommand command, ClientGroup clientGroup, Money weeklyIncrease, Money annualCost) {
    Map<String, Object> inputs = inputs(command, clientGroup, weeklyIncrease, annualCost);
    DmnDecisionResult result = engineCalls.asService(() -> decisionService
        .evaluateDecisionByKey(PanelProcesses.DELEGATED_AUTHORITY_DECISION).variables(inputs).evaluate());
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    return new Routing(PanelRoute.valueOf((String) row.get("route")), (String) row.get("rule"));
  }

  static Map<String, Object> inputs(PackageRequestCommand command, ClientGroup clientGroup, Money weeklyIncrease,
      Money annualCost) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("urgentReason", command.urgentReason() == null ? null : command.urgentReason().name());
    inputs.put("requestType", command.type().name());
    inputs.put("clientGroup", clientGroup.name());
    inputs.put("serviceType", command.proposed().serviceType().name());
    inputs.put("proposedWeeklyCost", command.proposed().netWeeklyCost().amount());
    inputs.put("weeklyIncrease", weeklyIncrease.amount());
    inputs.put("annualCost", annualCost.amount());
    return inputs;
  }
}

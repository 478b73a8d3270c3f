package org.carereviews.review;

import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.ServiceType;
import org.carereviews.savings.SavingsLineRouting;
import org.carereviews.savings.SavingsLineRouting.Direction;
import org.carereviews.savings.SavingsLineRouting.Route;
import org.springframework.stereotype.Component;

/**
 * The savings line a review's cost change counts toward: the council's routing table, asked with
 * the outcome.
 */
@Component
class SavingsLineRouter {

  private final SavingsLineRouting routing;

  SavingsLineRouter(SavingsLineRouting routing) {
    this.routing = routing;
  }

  Route route(
      ReviewOutcome outcome,
      ClientGroup clientGroup,
      ServiceType serviceType,
      Direction direction) {
    return routing.route(outcome.name(), clientGroup.name(), serviceType.name(), direction);
  }
}

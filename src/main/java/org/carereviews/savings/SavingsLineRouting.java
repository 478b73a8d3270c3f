package org.carereviews.savings;

import java.util.Map;
import org.carereviews.workflow.Workflow;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Which savings line and kind a cost change counts toward: the council's decision table {@code
 * processes/review/SavingsLineRouting.dmn} (what led to the change, the person's client group, the
 * service type, and whether the cost goes down or up). Reviews ask it with their outcome, a CTR
 * discharge with {@code CTR_DISCHARGE}; the table is the one place the routing is written.
 */
@NamedInterface("ledger")
@Component
public class SavingsLineRouting {

  /** The decision table's key. */
  public static final String DECISION = "SavingsLineRouting";

  /** Whether the net weekly cost goes down (a saving) or up (growth). */
  @NamedInterface("ledger")
  public enum Direction {
    SAVING,
    GROWTH
  }

  /** The line a cost change counts toward, and its kind. */
  @NamedInterface("ledger")
  public record Route(String savingsLineCode, SavingsKind kind) {}

  private final Workflow workflow;

  SavingsLineRouting(Workflow workflow) {
    this.workflow = workflow;
  }

  /**
   * The table's first matching rule; a table without a rule for the change is the council's
   * configuration error, not the user's.
   *
   * @param cause what led to the change: a review outcome's name, or {@code CTR_DISCHARGE}
   */
  public Route route(String cause, String clientGroup, String serviceType, Direction direction) {
    Map<String, Object> line =
        workflow
            .evaluateFirst(
                DECISION,
                Map.of(
                    "outcome",
                    cause,
                    "clientGroup",
                    clientGroup,
                    "serviceType",
                    serviceType,
                    "direction",
                    direction.name()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the decision table "
                            + DECISION
                            + " has no savings line for "
                            + cause
                            + ", "
                            + clientGroup
                            + ", "
                            + serviceType
                            + ", "
                            + direction));
    return new Route(
        String.valueOf(line.get("savingsLineCode")),
        SavingsKind.valueOf(String.valueOf(line.get("savingsKind"))));
  }
}

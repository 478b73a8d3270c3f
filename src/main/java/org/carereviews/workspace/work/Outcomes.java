package org.carereviews.workspace.work;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.carereviews.panel.PanelDecisionView;

/**
 * A decision on a request in the words of a worker's list: what became of it, and the figures or
 * the question.
 */
final class Outcomes {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private Outcomes() {}

  static String label(PanelDecisionView decision) {
    return switch (decision.outcome()) {
      case APPROVED -> "Approved";
      case APPROVED_WITH_AMENDMENT -> "Approved with amendment";
      case DEFERRED -> "Deferred";
      case DECLINED -> "Declined";
    };
  }

  static String detail(PanelDecisionView decision) {
    return switch (decision.outcome()) {
      case APPROVED -> decision.rationale();
      case APPROVED_WITH_AMENDMENT ->
          "Approved at "
              + Pounds.of(decision.amended().netWeeklyCost())
              + " a week net from "
              + DATE.format(decision.amended().effectiveDate())
              + (decision.rationale() == null ? "" : ": " + decision.rationale());
      case DEFERRED ->
          decision.question()
              + (decision.returnBy() == null
                  ? ""
                  : " (answer by " + DATE.format(decision.returnBy()) + ")");
      case DECLINED -> decision.rationale();
    };
  }
}

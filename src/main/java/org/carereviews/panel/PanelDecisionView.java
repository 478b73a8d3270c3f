package org.carereviews.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A decision on a package request, as the asking process reads it once the decision message
 * arrives.
 *
 * @param requestId the package request
 * @param outcome what was decided
 * @param amended the decider's figures; set only for {@link PanelOutcome#APPROVED_WITH_AMENDMENT}
 * @param rationale why; may be null only for a plain approval
 * @param question the decider's question; set only for {@link PanelOutcome#DEFERRED}
 * @param returnBy when the answer is due; set only for {@link PanelOutcome#DEFERRED}
 * @param decidedBy the user ids who decided (the team manager, or the three panel seats)
 * @param decidedAt when
 * @param decidedByRoute who decided: {@link PanelRoute#PANEL} for the panel, else a team manager
 *     under delegated authority (the wording of a deferral's question, "The panel asked" or "Your
 *     team manager asked")
 */
@NamedInterface("package-requests")
public record PanelDecisionView(
    long requestId,
    PanelOutcome outcome,
    ProposedPackage amended,
    String rationale,
    String question,
    LocalDate returnBy,
    List<String> decidedBy,
    Instant decidedAt,
    PanelRoute decidedByRoute) {

  /** Whether the panel decided (rather than a team manager under delegated authority). */
  public boolean byPanel() {
    return decidedByRoute == PanelRoute.PANEL;
  }
}

package org.carereviews.panel;

import org.springframework.modulith.NamedInterface;

/**
 * The decision on a package request, whether by a team manager under delegated authority or by
 * panel.
 */
@NamedInterface("package-requests")
public enum PanelOutcome {
  APPROVED,
  /** Approved with the decider's figures, which replace the proposal's. */
  APPROVED_WITH_AMENDMENT,
  /** Back to the proposer with a question and a return-by date. */
  DEFERRED,
  /** The package stays as it was. */
  DECLINED;

  /** Whether the request's package (proposed or amended) is to be applied. */
  public boolean approves() {
    return this == APPROVED || this == APPROVED_WITH_AMENDMENT;
  }
}

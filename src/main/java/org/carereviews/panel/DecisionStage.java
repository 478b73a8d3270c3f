package org.carereviews.panel;

/** A request has at most one decision of each stage. */
public enum DecisionStage {
  /** The decision the asking process receives: by a team manager or by panel. */
  DECISION,
  /** Panel's look, after the start, at an urgent request a team manager approved. */
  RETROSPECTIVE
}

package org.carereviews.panel;

/** Names shared between the panel and the processes that send it requests. */
public final class PanelMessages {

  /** Message sent to the asking process instance when its request is decided. */
  public static final String DECISION = "PanelDecision";

  /** Process variable (Long) set with {@link #DECISION}: the package request id. */
  public static final String VAR_REQUEST_ID = "panelRequestId";

  /** Process variable (String, a {@link PanelOutcome} name) set with {@link #DECISION}. */
  public static final String VAR_OUTCOME = "panelOutcome";

  private PanelMessages() {
  }
}

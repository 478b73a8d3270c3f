package org.carereviews.panel;

import org.carereviews.workflow.ProcessVariable;
import org.springframework.modulith.NamedInterface;

/** Names shared between the panel and the processes that send it requests. */
@NamedInterface("package-requests")
public final class PanelMessages {

  /** Message sent to the asking process instance when its request is decided. */
  public static final String DECISION = "PanelDecision";

  /**
   * Set with {@link #DECISION} (and in the panel's own request process): the package request id.
   */
  public static final ProcessVariable<Long> REQUEST_ID = ProcessVariable.ofLong("panelRequestId");

  /** Set with {@link #DECISION}: a {@link PanelOutcome} name. */
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.ofString("panelOutcome");

  /** {@link #REQUEST_ID}'s name, for the asking processes' models and expressions. */
  public static final String VAR_REQUEST_ID = REQUEST_ID.name();

  /** {@link #OUTCOME}'s name, for the asking processes' models and expressions. */
  public static final String VAR_OUTCOME = OUTCOME.name();

  private PanelMessages() {}
}

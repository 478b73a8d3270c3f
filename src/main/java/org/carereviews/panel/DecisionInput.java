package org.carereviews.panel;

import java.time.LocalDate;

/**
 * What a decider submits, from the API or a Tasklist form.
 *
 * @param outcome the decision
 * @param seat the seat the member decides for (panel only)
 * @param rationale why; required for all but a plain approval
 * @param amended the figures an approval with amendment sets; only for that outcome
 * @param question what the proposer must answer; only for a deferral
 * @param returnBy when the answer is due; only for a deferral
 */
public record DecisionInput(
    PanelOutcome outcome,
    PanelSeat seat,
    String rationale,
    ProposedPackage amended,
    String question,
    LocalDate returnBy) {}

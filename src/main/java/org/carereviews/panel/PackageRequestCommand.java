package org.carereviews.panel;

import java.util.Objects;

/**
 * A package request as it arrives from a process (review, CTR discharge) or the API.
 *
 * @param type what the request is for
 * @param urgentReason set for the urgent route (starts on a team manager's approval, panel later); else null
 * @param personId the person the package is for
 * @param currentPackageId the package being changed; null for a new package
 * @param proposed the package asked for
 * @param reason the case for the request, as the proposer puts it (no clinical notes)
 * @param proposedBy the user id of the proposer, who may never decide their own request
 * @param sourceProcessInstanceId the Camunda process instance that waits for the decision (message
 *     {@link PanelMessages#DECISION}); null when nothing waits (a request made through the API alone)
 * @param sourceReference what asked, for people reading the pack (e.g. a review's business key)
 */
public record PackageRequestCommand(PackageRequestType type, UrgentReason urgentReason, long personId,
    Long currentPackageId, ProposedPackage proposed, String reason, String proposedBy, String sourceProcessInstanceId,
    String sourceReference) {

  public PackageRequestCommand {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(proposed, "proposed");
    Objects.requireNonNull(proposedBy, "proposedBy");
  }
}

package org.carereviews.panel;

import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * A package request as it arrives from a process (review, CTR discharge) or the API.
 *
 * @param type what the request is for
 * @param urgentReason set for the urgent route (starts on a team manager's approval, panel later);
 *     else null
 * @param personId the person the package is for
 * @param currentPackageId the package being changed; null for a new package
 * @param proposed the package asked for
 * @param reason the case for the request, as the proposer puts it (no clinical notes)
 * @param proposedBy the user id of the proposer, who may never decide their own request
 * @param sourceProcessInstanceId the Camunda process instance that waits for the decision (message
 *     {@link PanelMessages#DECISION}); null when nothing waits (a request made through the API
 *     alone)
 * @param sourceReference what asked, for people reading the pack (e.g. a review's business key)
 * @param findings what a review found, for the decider: null for a request made otherwise
 */
@NamedInterface("package-requests")
public record PackageRequestCommand(
    PackageRequestType type,
    UrgentReason urgentReason,
    long personId,
    Long currentPackageId,
    ProposedPackage proposed,
    String reason,
    String proposedBy,
    String sourceProcessInstanceId,
    String sourceReference,
    ReviewFindings findings) {

  /**
   * What the review that asks found, as its worker recorded it: carried into the request (our
   * tables, never the engine's) and shown whole in the panel pack. Each part may be null.
   *
   * @param outcomesWanted the outcomes the person wants
   * @param changeInNeed the recorded change in need
   * @param alternativeMeetingOutcome the alternative that meets the outcomes
   * @param personViews the person's views
   */
  @NamedInterface("package-requests")
  public record ReviewFindings(
      String outcomesWanted,
      String changeInNeed,
      String alternativeMeetingOutcome,
      String personViews) {

    /** The most a part holds (the review outcome's own columns are as wide). */
    public static final int MAX_LENGTH = 4000;

    public ReviewFindings {
      outcomesWanted = blankToNull(outcomesWanted);
      changeInNeed = blankToNull(changeInNeed);
      alternativeMeetingOutcome = blankToNull(alternativeMeetingOutcome);
      personViews = blankToNull(personViews);
    }

    boolean isEmpty() {
      return outcomesWanted == null
          && changeInNeed == null
          && alternativeMeetingOutcome == null
          && personViews == null;
    }

    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text.strip();
    }
  }

  public PackageRequestCommand {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(proposed, "proposed");
    Objects.requireNonNull(proposedBy, "proposedBy");
    findings = findings == null || findings.isEmpty() ? null : findings;
  }

  /** A request without a review's findings (the API, a CTR discharge). */
  public PackageRequestCommand(
      PackageRequestType type,
      UrgentReason urgentReason,
      long personId,
      Long currentPackageId,
      ProposedPackage proposed,
      String reason,
      String proposedBy,
      String sourceProcessInstanceId,
      String sourceReference) {
    this(
        type,
        urgentReason,
        personId,
        currentPackageId,
        proposed,
        reason,
        proposedBy,
        sourceProcessInstanceId,
        sourceReference,
        null);
  }
}

package org.carereviews.panel;

import org.springframework.modulith.NamedInterface;

/**
 * The one entry point for package requests (new packages, review changes, CTR discharges, urgent
 * starts), and where an asking process reads the decision it was sent.
 *
 * <p>The decision goes back to the asking process exactly once, as the message {@link
 * PanelMessages#DECISION} correlated to {@code sourceProcessInstanceId}, with the variables {@link
 * PanelMessages#VAR_REQUEST_ID} and {@link PanelMessages#VAR_OUTCOME}. The asking process then
 * reads the details (amended figures, question, return-by date) with {@link
 * #decision(PackageRequestId)}.
 */
@NamedInterface("package-requests")
public interface PackageRequests {

  /**
   * Records a request and routes it (team manager under delegated authority, or panel). Submitting
   * again for a process instance that already has an undecided request returns that request's id
   * and records nothing new; a request for a package that already has another request waiting is
   * refused naming it.
   *
   * @return the request's id
   */
  PackageRequestId submit(PackageRequestCommand command);

  /**
   * Refuses ({@link org.carereviews.common.web.StateConflictException}, naming it) when a request
   * for the package already waits for a decision: one request per package waits at a time, and
   * {@link #submit} refuses a second the same way.
   */
  void refuseWhileWaiting(long packageId);

  /**
   * The latest decision on a request; {@link org.carereviews.common.web.RecordNotFoundException} if
   * none yet.
   */
  PanelDecisionView decision(PackageRequestId requestId);
}

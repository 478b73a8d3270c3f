package org.carereviews.review;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PackageRequests;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.savings.ApprovalEvidence;
import org.carereviews.savings.SourceProcess;
import org.springframework.stereotype.Component;

/**
 * The decision behind a review's cost change, for finance's evidence: a review records its changes
 * with the source reference {@code REV-000123/PANEL-<request id>}, so the panel's (or the team
 * manager's) decision on that request is read through {@link
 * PackageRequests#decision(PackageRequestId)}.
 */
@Component
class ReviewApprovalEvidence implements ApprovalEvidence {

  private static final Pattern PANEL_REQUEST = Pattern.compile("/PANEL-(\\d+)$");

  private final PackageRequests panel;

  ReviewApprovalEvidence(PackageRequests panel) {
    this.panel = panel;
  }

  @Override
  public Optional<Approval> approvalOf(SourceProcess source, String sourceReference) {
    Matcher matcher = PANEL_REQUEST.matcher(sourceReference);
    if (source != SourceProcess.REVIEW || !matcher.find()) {
      return Optional.empty();
    }
    long requestId = Long.parseLong(matcher.group(1));
    try {
      PanelDecisionView decision = panel.decision(PackageRequestId.of(requestId));
      return Optional.of(
          new Approval(
              "package request " + requestId,
              decision.outcome().name(),
              decision.rationale(),
              decision.decidedBy(),
              decision.decidedAt()));
    } catch (RecordNotFoundException e) {
      return Optional.empty();
    }
  }
}

package org.carereviews.savings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Where finance finds the decision that approved a cost change (the panel's, or a team manager's
 * under delegated authority), for the evidence of a saving. Implemented by the capabilities that
 * record cost changes from a decision; the savings capability depends on none of them.
 */
@NamedInterface("ledger")
public interface ApprovalEvidence {

  /** The decision behind the entry with this source, if this implementation knows the source. */
  Optional<Approval> approvalOf(SourceProcess source, String sourceReference);

  /**
   * @param reference what the decision is known by, e.g. {@code package request 42}
   * @param outcome e.g. APPROVED or APPROVED_WITH_AMENDMENT
   */
  @NamedInterface("ledger")
  record Approval(
      String reference,
      String outcome,
      String rationale,
      List<String> decidedBy,
      Instant decidedAt) {}
}

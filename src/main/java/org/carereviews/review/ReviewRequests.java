package org.carereviews.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What the review API accepts. */
final class ReviewRequests {

  private ReviewRequests() {}

  /** A review asked for by the person, a carer, a provider or a professional. */
  record RequestReview(
      @NotNull Long packageId,
      @NotNull RequestedBy requestedBy,
      @NotBlank @Size(max = 1000) String reason) {}

  /** A team manager allocates a review to a worker of the team. */
  record Allocate(@NotBlank @Size(max = 100) String assignee) {}

  /** The NHS decision on a Continuing Healthcare referral. */
  record ChcDecision(
      @NotNull Boolean eligible, LocalDate effectiveDate, @Size(max = 100) String nhsReference) {}

  /** The reassessment's result, before the outcome is recorded again. */
  record Reassessment(@NotBlank @Size(max = 4000) String summary, boolean eligibleNeedsChanged) {}
}

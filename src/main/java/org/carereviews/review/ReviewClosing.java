package org.carereviews.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.review.ReviewEvent.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a review: completed, and the package's next review falls due a year on (none for an ended
 * package).
 */
@Service
class ReviewClosing {

  private final ReviewRecords records;
  private final CasebookService casebook;
  private final ReviewProperties properties;
  private final Clock clock;

  ReviewClosing(
      ReviewRecords records, CasebookService casebook, ReviewProperties properties, Clock clock) {
    this.records = records;
    this.casebook = casebook;
    this.properties = properties;
    this.clock = clock;
  }

  /** Closes the review, once (a closed review is left as it is). */
  @Transactional
  void close(ReviewId reviewId) {
    Review review = records.get(reviewId);
    if (!review.isOpen()) {
      return;
    }
    PackageSnapshot snapshot = casebook.packageSnapshot(review.getCarePackageId());
    PackageTerms terms = snapshot.terms();
    LocalDate today = LocalDate.now(clock);
    boolean ended = terms.getEndDate() != null;
    LocalDate nextReview = ended ? null : today.plus(properties.annualInterval());
    if (!Objects.equals(terms.getNextReviewDue(), nextReview)) {
      casebook.recordDecidedChange(
          snapshot.packageId(),
          withNextReview(terms, nextReview),
          "Review "
              + review.getReference()
              + " completed ("
              + review.getOutcome()
              + "); next review due "
              + (nextReview == null ? "never (package ended)" : nextReview),
          ReviewRecords.SYSTEM);
    }
    review.complete(Instant.now(clock));
    records.event(
        review,
        Kind.COMPLETED,
        review.getOutcome() + (nextReview == null ? "" : "; next review due " + nextReview),
        ReviewRecords.SYSTEM);
  }

  private static PackageTerms withNextReview(PackageTerms terms, LocalDate nextReview) {
    return new PackageTerms(
        terms.getServiceType(),
        terms.getProvider(),
        terms.getWeeklyGrossCost(),
        terms.getAssessedContribution(),
        terms.getNhsSharePercent(),
        terms.getStartDate(),
        terms.getEndDate(),
        nextReview);
  }
}

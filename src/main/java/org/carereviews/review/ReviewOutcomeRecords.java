package org.carereviews.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Recorded review outcomes (append-only). */
interface ReviewOutcomeRecords extends JpaRepository<ReviewOutcomeRecord, Long> {

  Optional<ReviewOutcomeRecord> findFirstByCareReviewIdOrderByIdDesc(long careReviewId);

  List<ReviewOutcomeRecord> findByCareReviewIdOrderById(long careReviewId);
}

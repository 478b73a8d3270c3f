package org.carereviews.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Package changes applied by reviews (append-only). */
interface ReviewChanges extends JpaRepository<ReviewChange, Long> {

  Optional<ReviewChange> findBySourceReference(String sourceReference);

  List<ReviewChange> findByCareReviewIdOrderById(long careReviewId);
}

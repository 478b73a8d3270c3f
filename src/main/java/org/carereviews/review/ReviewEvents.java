package org.carereviews.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Review history (append-only). */
interface ReviewEvents extends JpaRepository<ReviewEvent, Long> {

  List<ReviewEvent> findByCareReviewIdOrderByOccurredAtAscIdAsc(long careReviewId);
}

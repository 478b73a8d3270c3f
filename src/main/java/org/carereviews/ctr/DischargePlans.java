package org.carereviews.ctr;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Discharge plans of reviews. */
interface DischargePlans extends JpaRepository<DischargePlan, Long> {

  Optional<DischargePlan> findByReviewId(long reviewId);
}

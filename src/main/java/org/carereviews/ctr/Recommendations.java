package org.carereviews.ctr;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Review recommendations, tracked as actions. */
interface Recommendations extends JpaRepository<Recommendation, Long> {

  List<Recommendation> findByReviewIdOrderById(long reviewId);

  @Query(
      "select a from Recommendation a join fetch a.review r join fetch r.registerEntry e join fetch e.person p "
          + "join fetch p.team where a.status = org.carereviews.ctr.Recommendation.Status.OPEN order by a.dueDate")
  List<Recommendation> findOpen();

  Optional<Recommendation> findByProcessInstanceId(String processInstanceId);
}

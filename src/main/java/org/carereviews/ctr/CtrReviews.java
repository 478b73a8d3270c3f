package org.carereviews.ctr;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Reviews that fell due and were started. */
interface CtrReviews extends JpaRepository<CtrReview, Long> {

  List<CtrReview> findByRegisterEntryIdOrderByDueDateAsc(long registerEntryId);

  @Query(
      "select r from CtrReview r join fetch r.registerEntry e join fetch e.person p join fetch p.team "
          + "where r.status = org.carereviews.ctr.CtrReview.Status.OPEN order by r.dueDate")
  List<CtrReview> findOpen();

  Optional<CtrReview> findByProcessInstanceId(String processInstanceId);
}

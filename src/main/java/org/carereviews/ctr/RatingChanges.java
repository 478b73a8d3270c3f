package org.carereviews.ctr;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The append-only rating history of the register. */
interface RatingChanges extends JpaRepository<RatingChange, Long> {

  List<RatingChange> findByRegisterEntryIdOrderByChangedAtAscIdAsc(long registerEntryId);
}

package org.carereviews.savings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Status history of savings. */
public interface SavingStatusEvents extends JpaRepository<SavingStatusEvent, Long> {

  List<SavingStatusEvent> findByCostChangeIdOrderByOccurredAtAscIdAsc(Long costChangeId);
}

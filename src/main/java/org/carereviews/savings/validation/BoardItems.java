package org.carereviews.savings.validation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The savings on the board's lists. */
interface BoardItems extends JpaRepository<BoardItem, Long> {

  List<BoardItem> findByBoardMeetingIdOrderByCostChangeId(Long boardMeetingId);

  long countByBoardMeetingId(Long boardMeetingId);
}

package org.carereviews.panel;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PanelSeatings extends JpaRepository<PanelSeating, Long> {

  List<PanelSeating> findByMeetingIdOrderByTakenAtAscIdAsc(Long meetingId);
}

package org.carereviews.panel;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PanelMeetings extends JpaRepository<PanelMeeting, Long> {

  Optional<PanelMeeting> findByMeetingDate(LocalDate meetingDate);
}

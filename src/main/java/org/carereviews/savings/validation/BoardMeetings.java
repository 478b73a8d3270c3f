package org.carereviews.savings.validation;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The board's meetings. */
interface BoardMeetings extends JpaRepository<BoardMeeting, Long> {

  Optional<BoardMeeting> findByMeetingMonth(LocalDate meetingMonth);
}

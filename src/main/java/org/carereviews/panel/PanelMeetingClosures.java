package org.carereviews.panel;

import org.springframework.data.jpa.repository.JpaRepository;

interface PanelMeetingClosures extends JpaRepository<PanelMeetingClosure, Long> {}

package org.carereviews.panel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PanelDecisions extends JpaRepository<PanelDecision, Long> {

  Optional<PanelDecision> findByRequestIdAndStage(Long requestId, DecisionStage stage);

  List<PanelDecision> findByRequestIdIn(Collection<Long> requestIds);

  List<PanelDecision> findByMeetingId(Long meetingId);

  List<PanelDecision> findByDecidedAtGreaterThanEqualAndDecidedAtLessThan(
      java.time.Instant from, java.time.Instant to);

  boolean existsByRequestIdAndStage(Long requestId, DecisionStage stage);
}

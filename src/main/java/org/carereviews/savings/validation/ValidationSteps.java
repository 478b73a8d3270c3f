package org.carereviews.savings.validation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The validation steps of savings. */
interface ValidationSteps extends JpaRepository<ValidationStep, Long> {

  List<ValidationStep> findByCostChangeIdOrderByOccurredAtAscIdAsc(Long costChangeId);
}

package org.carereviews.savings.validation;

import org.springframework.data.jpa.repository.JpaRepository;

/** Proposed efficiencies. */
interface EfficiencyProposals extends JpaRepository<EfficiencyProposal, Long> {

  boolean existsByLineCode(String lineCode);
}

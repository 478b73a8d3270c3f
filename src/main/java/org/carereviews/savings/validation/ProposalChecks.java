package org.carereviews.savings.validation;

import org.springframework.data.jpa.repository.JpaRepository;

/** Achievability checks of proposed efficiencies. */
interface ProposalChecks extends JpaRepository<ProposalCheck, Long> {}

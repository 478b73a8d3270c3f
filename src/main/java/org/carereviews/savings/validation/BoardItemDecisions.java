package org.carereviews.savings.validation;

import org.springframework.data.jpa.repository.JpaRepository;

/** The board's decisions on its lists' savings. */
interface BoardItemDecisions extends JpaRepository<BoardItemDecision, Long> {}

package org.carereviews.savings;

import org.springframework.data.jpa.repository.JpaRepository;

/** The savings programme's lines. */
public interface SavingsLines extends JpaRepository<SavingsLine, String> {}

package org.carereviews.savings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Targets of savings lines per financial year. */
public interface SavingsTargets extends JpaRepository<SavingsTarget, Long> {

  List<SavingsTarget> findByFinancialYearStartOrderByLineCode(int financialYearStart);

  boolean existsByLineCodeAndFinancialYearStart(String lineCode, int financialYearStart);
}

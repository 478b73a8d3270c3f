package org.carereviews.savings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The savings ledger's entries. */
public interface CostChanges extends JpaRepository<CostChange, Long> {

  List<CostChange> findBySourceProcessAndSourceReferenceOrderById(SourceProcess sourceProcess, String sourceReference);

  List<CostChange> findByCarePackageIdOrderByEffectiveDateAscIdAsc(Long carePackageId);

  List<CostChange> findByAdjustsEntryId(Long adjustsEntryId);

  @Query("select coalesce(sum(c.weeklyDelta), 0) from CostChange c where c.adjustsEntryId = :entryId")
  java.math.BigDecimal sumOfAdjustments(Long entryId);
}

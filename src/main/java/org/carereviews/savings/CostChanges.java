package org.carereviews.savings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The savings ledger's entries. */
public interface CostChanges extends JpaRepository<CostChange, Long> {

  List<CostChange> findBySourceProcessAndSourceReferenceOrderById(
      SourceProcess sourceProcess, String sourceReference);

  List<CostChange> findByCarePackageIdOrderByEffectiveDateAscIdAsc(Long carePackageId);

  List<CostChange> findByAdjustsEntryId(Long adjustsEntryId);

  List<CostChange> findByAdjustsEntryIdAndEntryTypeOrderById(
      Long adjustsEntryId, EntryType entryType);

  List<CostChange> findBySourceKeyStartingWithOrderById(String sourceKeyPrefix);

  List<CostChange> findBySourceKey(String sourceKey);

  @Query(
      "select c.sourceReference from CostChange c where c.sourceProcess = :source and c.sourceReference in :references")
  List<String> findSourceReferences(SourceProcess source, java.util.Collection<String> references);

  @Query(
      "select coalesce(sum(c.weeklyDelta), 0) from CostChange c where c.adjustsEntryId = :entryId")
  java.math.BigDecimal sumOfAdjustments(Long entryId);
}

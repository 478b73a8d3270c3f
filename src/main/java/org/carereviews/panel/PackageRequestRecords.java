package org.carereviews.panel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PackageRequestRecords extends JpaRepository<PackageRequest, Long> {

  List<PackageRequest> findBySourceProcessInstanceIdOrderByReceivedAtDesc(
      String sourceProcessInstanceId);

  List<PackageRequest> findByPersonIdOrderByReceivedAtDesc(Long personId);

  /** Requests on the panel's route still waiting for panel: no decision of the given stage yet. */
  @Query(
      """
      select r from PackageRequest r
      where r.route in :routes and r.receivedAt < :before
        and not exists (select d.id from PanelDecision d where d.requestId = r.id and d.stage = :stage)
      order by r.receivedAt""")
  List<PackageRequest> findUndecided(
      @Param("routes") Collection<PanelRoute> routes,
      @Param("stage") DecisionStage stage,
      @Param("before") Instant before);

  List<PackageRequest> findByReceivedAtGreaterThanEqualAndReceivedAtLessThan(
      Instant from, Instant to);

  List<PackageRequest> findTop20ByProposedByOrderByReceivedAtDesc(String proposedBy);

  List<PackageRequest> findByPersonIdIn(Collection<Long> personIds);
}

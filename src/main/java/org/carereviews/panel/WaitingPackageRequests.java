package org.carereviews.panel;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WaitingPackageRequests extends JpaRepository<WaitingPackageRequest, Long> {

  /** The request no longer waits: it has been decided. */
  @Modifying
  @Query("delete from WaitingPackageRequest w where w.requestId = :requestId")
  int deleteByRequestId(@Param("requestId") long requestId);
}

package org.carereviews.audit;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The audit trail: insert, query; delete only through {@link AuditPurge}. */
interface AuditEvents extends Repository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

  AuditEvent save(AuditEvent event);

  long count();

  /** Plain delete, for databases without the purge function (H2, the embedded default). */
  @Modifying
  @Query("delete from AuditEvent e where e.occurredAt < :before")
  int deleteOlderThan(@Param("before") Instant before);
}

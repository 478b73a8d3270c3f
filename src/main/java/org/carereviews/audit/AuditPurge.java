package org.carereviews.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only thing that deletes audit events: those older than the retention period, on a schedule.
 * On PostgreSQL it calls {@code purge_audit_events(before)}, the one path past the trigger that
 * otherwise refuses every update and delete of {@code audit_event}; the function itself refuses to
 * touch events younger than 365 days. The purge writes an audit event of its own. It runs as the
 * {@link AuditPurgeJob}, at {@code care-reviews.audit.purge-schedule}.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class AuditPurge {

  private final AuditEvents events;
  private final AuditTrail trail;
  private final AuditProperties properties;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final boolean postgres;

  AuditPurge(
      AuditEvents events,
      AuditTrail trail,
      AuditProperties properties,
      DataSource dataSource,
      Clock clock)
      throws MetaDataAccessException {
    this.events = events;
    this.trail = trail;
    this.properties = properties;
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    String product =
        JdbcUtils.extractDatabaseMetaData(
            dataSource, metaData -> metaData.getDatabaseProductName());
    this.postgres = "PostgreSQL".equalsIgnoreCase(product);
  }

  /** Deletes the events older than the retention period; returns how many. */
  @Transactional
  public int purge() {
    Instant before = Instant.now(clock).minus(properties.retention());
    int deleted;
    if (postgres) {
      Integer count =
          jdbc.queryForObject(
              "select purge_audit_events(?)", Integer.class, Timestamp.from(before));
      deleted = count == null ? 0 : count;
    } else {
      deleted = events.deleteOlderThan(before);
    }
    trail.allowed(AuditAction.PURGE, "audit-trail", "before " + before);
    return deleted;
  }
}

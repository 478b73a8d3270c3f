package org.carereviews.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code care-reviews.audit.*}: how long audit events are kept and when the purge runs.
 *
 * @param retention how long an event is kept (e.g. {@code P2190D}, six years); at least {@link
 *     #MINIMUM_RETENTION}, which the PostgreSQL guard enforces as well
 * @param purgeSchedule cron of the purge, in {@code care-reviews.time-zone}
 */
@Validated
@ConfigurationProperties("care-reviews.audit")
record AuditProperties(@NotNull Duration retention, @NotBlank String purgeSchedule) {

  /** No event younger than this is ever deleted (the database refuses it too). */
  static final Duration MINIMUM_RETENTION = Duration.ofDays(365);

  AuditProperties {
    if (retention != null && retention.compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalArgumentException(
          "care-reviews.audit.retention must be at least "
              + MINIMUM_RETENTION.toDays()
              + " days (P365D); audit events are evidence");
    }
  }
}

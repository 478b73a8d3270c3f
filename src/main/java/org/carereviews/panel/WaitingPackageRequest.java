package org.carereviews.panel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * The one request that waits for a decision on a package: inserted with the request, deleted when
 * it is decided. The primary key (the package) refuses a second waiting request, also under
 * concurrency.
 */
@Entity
@Table(name = "package_request_waiting")
class WaitingPackageRequest implements Persistable<Long> {

  @Id private Long carePackageId;

  private Long requestId;

  private Instant receivedAt;

  /**
   * Always inserted, never merged: a row already there (another transaction's) must refuse this
   * one.
   */
  @Transient private boolean isNew = true;

  protected WaitingPackageRequest() {}

  WaitingPackageRequest(long carePackageId, long requestId, Instant receivedAt) {
    this.carePackageId = carePackageId;
    this.requestId = requestId;
    this.receivedAt = receivedAt;
  }

  @Override
  public Long getId() {
    return carePackageId;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  Long getRequestId() {
    return requestId;
  }

  Instant getReceivedAt() {
    return receivedAt;
  }
}

package org.carereviews.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets and moves, in the service's zone (Europe/London). */
public final class TestClock extends Clock {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final AtomicReference<Instant> now;

  public TestClock(LocalDateTime start) {
    this.now = new AtomicReference<>(start.atZone(LONDON).toInstant());
  }

  public void set(LocalDateTime localTime) {
    now.set(localTime.atZone(LONDON).toInstant());
  }

  @Override
  public ZoneId getZone() {
    return LONDON;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock keeps the service's zone");
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}

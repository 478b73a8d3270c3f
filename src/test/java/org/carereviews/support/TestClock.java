package org.carereviews.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test sets and moves, in the service's zone (Europe/London). Import {@link StartingNow}
 * for one that starts at the real time, or declare a {@code @Primary} bean starting at a fixed
 * time.
 */
public final class TestClock extends Clock {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final AtomicReference<Instant> now;

  public TestClock(LocalDateTime start) {
    this.now = new AtomicReference<>(start.atZone(LONDON).toInstant());
  }

  /** Replaces the application's clock with one starting at the real time. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class StartingNow {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock(LocalDateTime.now(LONDON));
    }
  }

  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  public void set(LocalDateTime localTime) {
    now.set(localTime.atZone(LONDON).toInstant());
  }

  @Override
  public ZoneId getZone() {
    return LONDON;
  }

  /** This clock's present moment in another zone (a snapshot: it does not move with this clock). */
  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}

package dev.profilekit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so that expiry is tested without sleeping.
 *
 * <pre>{@code
 * TestClock clock = TestClock.startingNow();
 * InMemoryUserProfileService fake = InMemoryUserProfileService.builder().clock(clock).build();
 * clock.advance(Duration.ofHours(1)); // every token of the last hour has now expired
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a clock standing at the given instant, in UTC.
   *
   * @param instant the instant
   * @return the clock
   */
  public static TestClock at(Instant instant) {
    return new TestClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
  }

  /**
   * Returns a clock standing at the current whole second, so tokens it dates are accepted by
   * verifiers on the system clock too.
   *
   * @return the clock
   */
  public static TestClock startingNow() {
    return at(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
  }

  /**
   * Moves the clock forward (or back, with a negative duration).
   *
   * @param duration how far
   * @return the new instant
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return now.updateAndGet(current -> current.plus(duration));
  }

  /**
   * Sets the clock to an instant.
   *
   * @param instant the instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    // Shares the instant: moving either clock moves both.
    return new TestClock(now, newZone);
  }
}

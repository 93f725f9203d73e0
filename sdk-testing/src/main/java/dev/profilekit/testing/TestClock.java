package dev.profilekit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so that expiry is tested without sleeping; or,
 * made with {@link #ticking()}, one that follows the system clock plus whatever the test added (for
 * tests against real backends that stamp tokens with real time).
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

  /** The standing instant, or, for a ticking clock, the offset from the system clock as an instant after the epoch. */
  private final AtomicReference<Instant> now;
  private final Clock ticking;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, Clock ticking, ZoneId zone) {
    this.now = now;
    this.ticking = ticking;
    this.zone = zone;
  }

  /**
   * Returns a clock that follows the system clock, moved by every {@link #advance(Duration)}.
   *
   * @return the clock
   */
  public static TestClock ticking() {
    return new TestClock(new AtomicReference<>(Instant.EPOCH), Clock.systemUTC(), ZoneOffset.UTC);
  }

  /**
   * Returns a clock standing at the given instant, in UTC.
   *
   * @param instant the instant
   * @return the clock
   */
  public static TestClock at(Instant instant) {
    return new TestClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), null, ZoneOffset.UTC);
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
    now.updateAndGet(current -> current.plus(duration));
    return instant();
  }

  /**
   * Sets the clock to an instant.
   *
   * @param instant the instant
   */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    if (ticking == null) {
      now.set(instant);
    } else {
      now.set(Instant.EPOCH.plus(Duration.between(ticking.instant(), instant)));
    }
  }

  @Override
  public Instant instant() {
    return ticking == null ? now.get() : ticking.instant().plus(Duration.between(Instant.EPOCH, now.get()));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    // Shares the instant: moving either clock moves both.
    return new TestClock(now, ticking, newZone);
  }
}

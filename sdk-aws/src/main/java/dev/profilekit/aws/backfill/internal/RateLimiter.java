package dev.profilekit.aws.backfill.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces calls evenly so that at most {@code permitsPerSecond} start in any second, without
 * bursts: Cognito's quotas are per second and shared with the live service, so a burst after a
 * pause would eat the headroom that sign-ins need.
 */
public final class RateLimiter {

  /** Sleeps; replaced in tests so they never wait on the clock. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Sleeps for the given time.
     *
     * @param nanos how long
     * @throws InterruptedException if interrupted
     */
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private final long intervalNanos;
  private final LongSupplier ticker;
  private final Sleeper sleeper;
  private long nextFreeNanos;
  private boolean started;

  /**
   * Creates a limiter on the system clock.
   *
   * @param permitsPerSecond the most calls per second, greater than 0
   */
  public RateLimiter(double permitsPerSecond) {
    this(permitsPerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  /**
   * Creates a limiter on the given clock.
   *
   * @param permitsPerSecond the most calls per second, greater than 0
   * @param ticker a monotonic clock in nanoseconds
   * @param sleeper sleeps
   */
  public RateLimiter(double permitsPerSecond, LongSupplier ticker, Sleeper sleeper) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException("permitsPerSecond must be a positive number");
    }
    this.intervalNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond));
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /**
   * Waits until the next call may start.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = ticker.getAsLong();
      if (!started || now - nextFreeNanos >= 0) {
        started = true;
        nextFreeNanos = now + intervalNanos;
        return;
      }
      wait = nextFreeNanos - now;
      nextFreeNanos += intervalNanos;
    }
    sleeper.sleepNanos(wait);
  }
}

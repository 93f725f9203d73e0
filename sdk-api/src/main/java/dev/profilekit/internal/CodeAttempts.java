package dev.profilekit.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * One user's wrong sign-in codes and the lockout they earn, by Cognito's documented rule (user
 * pool MFA guide: "After five unsuccessful attempts to present an MFA code, Amazon Cognito begins
 * the exponential-timeout lockout process"; lockout behaviour: after the n-th failure, n of at
 * least five, the user is locked out for 2^(n-5) seconds, at most about 15 minutes; attempts during
 * a lockout are refused without counting; 15 minutes without attempts forgive the failures).
 *
 * <p>Immutable; the in-memory service keeps one per user, and the AWS implementation's emulator
 * stand-in does the same. A correct code starts over from {@link #NONE}.
 *
 * @param failures wrong codes so far
 * @param lastFailure when the last one was given, or null with none
 */
public record CodeAttempts(int failures, Instant lastFailure) {

  /** No failure. */
  public static final CodeAttempts NONE = new CodeAttempts(0, null);
  /** Wrong codes answered without a lockout. */
  public static final int FREE_FAILURES = 5;
  /** The longest lockout. */
  public static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
  /** How long without a failure forgives the earlier ones. */
  public static final Duration FORGIVEN_AFTER = Duration.ofMinutes(15);

  /**
   * Returns the lockout that follows a number of failures.
   *
   * @param failures the failures so far
   * @return zero below {@link #FREE_FAILURES}, else 2^(failures-5) seconds, at most {@link #MAX_LOCKOUT}
   */
  public static Duration lockout(int failures) {
    if (failures < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int exponent = failures - FREE_FAILURES;
    return exponent >= 10 ? MAX_LOCKOUT : Duration.ofSeconds(Math.min(1L << exponent, MAX_LOCKOUT.getSeconds()));
  }

  /**
   * Tells whether an answer given now is refused unheard.
   *
   * @param now the time of the answer
   * @return true during a lockout
   */
  public boolean lockedAt(Instant now) {
    return lastFailure != null && now.isBefore(lastFailure.plus(lockout(failures)));
  }

  /**
   * Returns the attempts after one more wrong code.
   *
   * @param now when it was given
   * @return the new state
   */
  public CodeAttempts failedAt(Instant now) {
    boolean forgiven = lastFailure == null || !now.isBefore(lastFailure.plus(FORGIVEN_AFTER));
    return new CodeAttempts(forgiven ? 1 : failures + 1, now);
  }
}

package dev.profilekit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The order in which an account is deleted, applied by both implementations; {@code
 * docs/account-lifecycle.md} explains it.
 *
 * <ol>
 *   <li>{@link Steps#deleteIdentity()}: the user pool deletes the user. Only then is the
 *       deletion certain: a token Cognito refuses (revoked, expired) stops here and nothing is
 *       lost. A user the pool no longer has counts as done, so a rerun after a crash passes.
 *   <li>{@link Steps#eraseProfile(Instant, Instant)}: one write replaces everything stored for
 *       the user (profile, sign-out and session revocation records) by a tombstone that rejects
 *       every token of the user and holds nothing but the user id and two instants, until it
 *       expires after the longest lifetime a token can have.
 * </ol>
 *
 * <p>A crash between the two steps leaves a profile whose user no longer exists: a rerun finishes
 * it (step 1 finds the user gone), and so does the reconcile job's orphan sweep.
 */
public final class AccountDeletion {

  /**
   * How long a tombstone outlives the deletion: Cognito issues ID and access tokens for at most one
   * day, plus five minutes of clock skew. After that no token of the user can verify anyway.
   */
  public static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(1).plusMinutes(5);

  /**
   * What {@code tokensValidAfter} is for a deleted account: no token is ever valid again (user ids
   * are never reused).
   */
  public static final Instant NO_TOKEN_VALID = Instant.MAX;

  /** The steps, in the order {@link #run(Steps, Instant)} takes them. */
  public enum Step {
    /** The user pool deletes the user. */
    DELETE_IDENTITY,
    /** The profile and every revocation record are replaced by a tombstone. */
    ERASE_PROFILE
  }

  /** One implementation's way of taking each step; every step must be idempotent. */
  public interface Steps {

    /**
     * Deletes the user from the user pool; returns normally when the pool no longer has the user.
     */
    void deleteIdentity();

    /**
     * Replaces the user's profile and revocation records by a tombstone.
     *
     * @param deletedAt when the account was deleted
     * @param tombstoneExpiresAt when the tombstone may go
     */
    void eraseProfile(Instant deletedAt, Instant tombstoneExpiresAt);
  }

  private AccountDeletion() {}

  /**
   * Deletes an account: the identity first, then the stored data.
   *
   * @param steps the implementation's steps
   * @param now the deletion instant
   */
  public static void run(Steps steps, Instant now) {
    Objects.requireNonNull(steps, "steps");
    Objects.requireNonNull(now, "now");
    steps.deleteIdentity();
    steps.eraseProfile(now, tombstoneExpiry(now));
  }

  /**
   * Returns when the tombstone of an account deleted at {@code deletedAt} may be removed.
   *
   * @param deletedAt the deletion instant
   * @return the expiry
   */
  public static Instant tombstoneExpiry(Instant deletedAt) {
    return deletedAt.plus(TOMBSTONE_LIFETIME);
  }

  /**
   * Tells whether a tombstone may be removed.
   *
   * @param expiresAt the tombstone's expiry
   * @param now the current instant
   * @return true from the expiry on
   */
  public static boolean tombstoneExpired(Instant expiresAt, Instant now) {
    return !now.isBefore(expiresAt);
  }
}

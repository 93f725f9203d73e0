package dev.profilekit.internal;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.VerifiedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The revocation rules of signing out, in one place; both implementations call them.
 *
 * <ul>
 *   <li><b>Sign out everywhere</b>: a token whose {@code iat} (epoch seconds) is at or before the
 *       sign-out instant truncated to seconds is revoked. A token issued in the same second as the
 *       sign-out is revoked too, because {@code iat} cannot tell which came first; a sign-in from
 *       the next second on is not.
 *   <li><b>Sign out one session</b>: a token whose {@code origin_jti} names a revoked session is
 *       revoked. Cognito gives every ID and access token minted from one refresh token the same
 *       {@code origin_jti}, so revoking it stops the session's tokens, refreshed ones included. The
 *       record of a revoked session is kept until {@link #sessionRecordExpiry} and may be dropped
 *       from then on, when no token of the session can be accepted any more.
 * </ul>
 */
public final class SignOutRule {

  /**
   * The longest clock skew a verifier accepts on {@code exp} ({@code CognitoTokenVerifier} caps
   * its setting at this; the in-memory service accepts none): a revoked session's record outlives
   * its tokens by this much.
   */
  public static final Duration LONGEST_CLOCK_SKEW = Duration.ofMinutes(5);

  private SignOutRule() {}

  /**
   * Tells whether a sign-out everywhere revokes a token.
   *
   * @param issuedAt the token's {@code iat} (or the refresh grant's issue instant)
   * @param signedOutAt the instant of the user's last sign-out everywhere
   * @return true when the token is revoked
   */
  public static boolean revokes(Instant signedOutAt, Instant issuedAt) {
    Objects.requireNonNull(issuedAt, "issuedAt");
    return signedOutAt != null && issuedAt.getEpochSecond() <= signedOutAt.getEpochSecond();
  }

  /**
   * Tells whether a user's revocation records revoke a verified token: either rule above.
   *
   * @param signedOutAt the instant of the user's last sign-out everywhere, or null
   * @param revokedSessions the user's revoked sessions, {@code origin_jti} to record expiry
   * @param user what the token says
   * @return true when the token is revoked
   */
  public static boolean revokes(Instant signedOutAt, Map<String, Instant> revokedSessions, VerifiedUser user) {
    return revokes(signedOutAt, user.issuedAt()) || revokesSession(revokedSessions, user.originJti());
  }

  /**
   * Tells whether a token's session is among the revoked ones. A record is honoured even past its
   * expiry (DynamoDB removes expired items lazily, days later): by then the token has expired and
   * is refused for that anyway.
   *
   * @param revokedSessions {@code origin_jti} to record expiry
   * @param originJti the token's {@code origin_jti}, if it has one
   * @return true when the session was revoked
   */
  public static boolean revokesSession(Map<String, Instant> revokedSessions, Optional<String> originJti) {
    return originJti.isPresent() && revokedSessions.containsKey(originJti.get());
  }

  /**
   * Returns until when the record of a session revoked at {@code signedOutAt} must be kept: every
   * token of the session was minted at or before the sign-out, with the lifetime ({@code exp -
   * iat}) of the token presented, so none is accepted after {@code signedOutAt + lifetime +}
   * {@link #LONGEST_CLOCK_SKEW}. That is the presented token's {@code exp} (plus skew) when it is
   * the session's newest, and later when an older token is presented. Whole seconds, rounded up
   * (DynamoDB's time to live has seconds).
   *
   * @param signedOutAt the sign-out instant
   * @param token a verified token of the session
   * @return the record's expiry
   */
  public static Instant sessionRecordExpiry(Instant signedOutAt, VerifiedUser token) {
    Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());
    Instant end = signedOutAt.plus(lifetime.isNegative() ? Duration.ZERO : lifetime).plus(LONGEST_CLOCK_SKEW);
    long seconds = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
    return Instant.ofEpochSecond(Math.max(seconds, token.expiresAt().plus(LONGEST_CLOCK_SKEW).getEpochSecond()));
  }

  /**
   * Returns the records still needed at {@code now}, dropping those at or past their expiry.
   *
   * @param revokedSessions {@code origin_jti} to record expiry
   * @param now the current instant
   * @return the records to keep, in their order
   */
  public static Map<String, Instant> unexpired(Map<String, Instant> revokedSessions, Instant now) {
    Map<String, Instant> kept = new LinkedHashMap<>();
    revokedSessions.forEach((session, expiry) -> {
      if (now.isBefore(expiry)) {
        kept.put(session, expiry);
      }
    });
    return kept;
  }

  /**
   * Decides which session a sign-out records as revoked, from a verification of one of its tokens
   * (full checks, signature included, so nobody records a session that is not theirs). A token
   * that has expired or is revoked already needs no record: empty. So does one without {@code
   * origin_jti}, which no record could match. Any other rejection passes through: the session is
   * not the caller's to end.
   *
   * @param verification verifies the session's access token
   * @return the verified token whose session is to be recorded, if any
   * @throws TokenRejectedException for a token that is neither expired nor revoked yet refused
   */
  public static Optional<VerifiedUser> sessionToRevoke(Supplier<VerifiedUser> verification) {
    VerifiedUser user;
    try {
      user = verification.get();
    } catch (TokenRejectedException e) {
      if (e.reason() == TokenRejectedException.Reason.EXPIRED || e.reason() == TokenRejectedException.Reason.REVOKED) {
        return Optional.empty();
      }
      throw e;
    }
    return user.originJti().isPresent() ? Optional.of(user) : Optional.empty();
  }
}

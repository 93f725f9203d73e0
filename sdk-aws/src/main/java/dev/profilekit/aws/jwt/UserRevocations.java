package dev.profilekit.aws.jwt;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What revokes a user's tokens, as {@link TokenRevocations#revocationsOf(String)} reports it: the
 * user's last "sign out everywhere", and the sessions signed out one by one.
 *
 * @param tokensValidAfter the instant of the last sign-out everywhere: tokens issued in or before
 *     its second are revoked
 * @param revokedSessions the revoked sessions, by the {@code origin_jti} of their tokens, each with
 *     the instant from which its record may be dropped (no token of the session verifies by then)
 */
public record UserRevocations(Optional<Instant> tokensValidAfter, Map<String, Instant> revokedSessions) {

  private static final UserRevocations NONE = new UserRevocations(Optional.empty(), Map.of());

  /** Checks both parts and copies the map. */
  public UserRevocations {
    Objects.requireNonNull(tokensValidAfter, "tokensValidAfter");
    revokedSessions = Map.copyOf(Objects.requireNonNull(revokedSessions, "revokedSessions"));
  }

  /**
   * Returns the revocations of a user who never signed out.
   *
   * @return no revocation
   */
  public static UserRevocations none() {
    return NONE;
  }

  /**
   * Returns a user's revocations after a sign-out everywhere at {@code instant}.
   *
   * @param instant the sign-out instant
   * @return the revocation
   */
  public static UserRevocations signedOutAt(Instant instant) {
    return new UserRevocations(Optional.of(instant), Map.of());
  }

  /**
   * Returns a user's revocations after the session {@code originJti} was signed out.
   *
   * @param originJti the session's {@code origin_jti}
   * @param recordExpiry when the record may go
   * @return the revocation
   */
  public static UserRevocations sessionRevoked(String originJti, Instant recordExpiry) {
    return new UserRevocations(Optional.empty(), Map.of(originJti, recordExpiry));
  }

  /**
   * Returns what revokes a token by either of two sets of revocations: the later sign-out
   * everywhere, and the sessions of both (the later expiry of a session named twice), without the
   * session records that expired by {@code now}. Revocations only ever grow, so the union of an
   * older and a newer answer is the newer answer, plus anything written since.
   *
   * @param other the other revocations
   * @param now the current instant, to drop expired session records
   * @return the union
   */
  public UserRevocations union(UserRevocations other, Instant now) {
    Optional<Instant> later = tokensValidAfter.isEmpty() ? other.tokensValidAfter
        : other.tokensValidAfter.isEmpty() || tokensValidAfter.get().isAfter(other.tokensValidAfter.get()) ? tokensValidAfter
        : other.tokensValidAfter;
    if (other.revokedSessions.isEmpty() && later == tokensValidAfter && !anyExpired(revokedSessions, now)) {
      return this;
    }
    Map<String, Instant> sessions = new HashMap<>(revokedSessions);
    other.revokedSessions.forEach((session, expiry) -> sessions.merge(session, expiry, (a, b) -> a.isAfter(b) ? a : b));
    sessions.values().removeIf(expiry -> !now.isBefore(expiry));
    return new UserRevocations(later, sessions);
  }

  private static boolean anyExpired(Map<String, Instant> sessions, Instant now) {
    for (Instant expiry : sessions.values()) {
      if (!now.isBefore(expiry)) {
        return true;
      }
    }
    return false;
  }
}

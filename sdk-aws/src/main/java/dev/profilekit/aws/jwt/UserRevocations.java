package dev.profilekit.aws.jwt;

import java.time.Instant;
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
}

package dev.profilekit.aws.dynamodb.internal;

import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code GetItem} of a user's item tells: the stored profile, if any, and what revokes
 * the user's tokens: the instant of their last sign-out everywhere and the sessions signed out.
 *
 * @param profile the stored profile, empty when none is stored
 * @param tokensValidAfter tokens issued before this instant are revoked
 * @param revokedSessions revoked sessions by {@code origin_jti}, with their records' expiry
 */
public record StoredItem(Optional<UserProfile> profile, Optional<Instant> tokensValidAfter, Map<String, Instant> revokedSessions) {

  /** Checks that every part is present (possibly empty) and copies the map. */
  public StoredItem {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(tokensValidAfter, "tokensValidAfter");
    revokedSessions = Map.copyOf(Objects.requireNonNull(revokedSessions, "revokedSessions"));
  }

  /**
   * An item without revoked sessions.
   *
   * @param profile the stored profile, empty when none is stored
   * @param tokensValidAfter tokens issued before this instant are revoked
   */
  public StoredItem(Optional<UserProfile> profile, Optional<Instant> tokensValidAfter) {
    this(profile, tokensValidAfter, Map.of());
  }
}

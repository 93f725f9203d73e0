package dev.profilekit.aws.dynamodb;

import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code GetItem} of a user's item tells: the stored profile, if any, and the instant
 * before which the user's tokens are revoked, if they signed out everywhere.
 *
 * @param profile the stored profile, empty when none is stored
 * @param tokensValidAfter tokens issued before this instant are revoked
 */
public record StoredItem(Optional<UserProfile> profile, Optional<Instant> tokensValidAfter) {

  /** Checks that both parts are present (possibly empty). */
  public StoredItem {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(tokensValidAfter, "tokensValidAfter");
  }
}

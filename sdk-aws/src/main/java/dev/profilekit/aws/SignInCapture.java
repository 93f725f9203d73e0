package dev.profilekit.aws;

import dev.profilekit.AttributeMapper;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Keeps what a federated sign-in's ID token says in the stored profile: the first sign-in stores
 * the profile built from it (Apple sends the name only then, and Cognito may blank mapped
 * attributes at later sign-ins), later sign-ins fill only the fields the stored profile lacks, so a
 * user's edit is never overwritten and nothing is erased.
 */
final class SignInCapture {

  private final ProfileStore store;
  private final ProfileFallback fallback;
  private final AttributeMapper mapper;
  private final Clock clock;

  SignInCapture(ProfileStore store, ProfileFallback fallback, AttributeMapper mapper, Clock clock) {
    this.store = store;
    this.fallback = fallback;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Captures the user's attributes. Costs: 1 {@code GetItem}, plus 1 conditional write when there
   * is something to capture.
   *
   * @param user a user verified from the ID token the sign-in just returned
   */
  void capture(VerifiedUser user) {
    Optional<UserProfile> stored = store.read(user.userId()).profile();
    try {
      if (stored.isEmpty()) {
        // Conditional on the row's absence: a profile written meanwhile is kept as it is.
        store.createIfAbsent(fallback.of(user), clock.instant());
        return;
      }
      ProfileUpdate missing = mapper.fillMissingFields(stored.get(), user.attributes());
      if (!missing.isEmpty()) {
        store.update(user.userId(), missing, stored::get, clock.instant());
      }
    } catch (VersionConflictException concurrent) {
      // Another write got there first; what it stored wins, as a user's edit would.
    }
  }
}

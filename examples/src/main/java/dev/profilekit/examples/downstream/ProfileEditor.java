package dev.profilekit.examples.downstream;

import dev.profilekit.ProfileField;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import java.util.Objects;

/**
 * A consumer's handler that edits the signed-in user's profile: it renames them, re-reading and
 * retrying when another request changed the profile in between (a version conflict), so that no
 * concurrent edit is silently overwritten.
 */
public final class ProfileEditor {

  /** Conflicts are rare for one user's own profile; a few retries are plenty. */
  private static final int ATTEMPTS = 3;

  private final UserProfileService profiles;

  /**
   * Creates the editor.
   *
   * @param profiles the ProfileKit service (the in-memory one in tests)
   */
  public ProfileEditor(UserProfileService profiles) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
  }

  /**
   * Sets the display name of the user the bearer token speaks for.
   *
   * @param authorizationHeader the request's {@code Authorization} header
   * @param displayName the new display name
   * @return the profile as stored
   * @throws NotAuthenticatedException if the header is missing or the token is rejected
   * @throws dev.profilekit.InvalidProfileException if the name breaks a profile rule
   * @throws VersionConflictException if the profile kept changing for every attempt
   */
  public UserProfile rename(String authorizationHeader, String displayName) {
    VerifiedUser user = BearerTokens.verify(profiles, authorizationHeader);
    VersionConflictException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      UserProfile current = profiles.getProfile(user);
      if (current.displayName().orElse("").equals(displayName)) {
        return current;
      }
      try {
        return profiles.updateProfile(user, ProfileUpdate.builder()
            .expectedVersion(current.version())
            .set(ProfileField.DISPLAY_NAME, displayName)
            .build());
      } catch (VersionConflictException conflict) {
        last = conflict;
      }
    }
    throw last;
  }
}

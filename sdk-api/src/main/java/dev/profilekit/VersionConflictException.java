package dev.profilekit;

import java.util.OptionalLong;

/**
 * An update named an {@link ProfileUpdate#expectedVersion() expected version} that is no longer
 * the stored one: someone else wrote the profile in between. Nothing was changed; re-read the
 * profile, re-apply the change and retry.
 */
public class VersionConflictException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  private final String userId;
  private final long expectedVersion;
  private final OptionalLong actualVersion;

  /**
   * Creates the exception.
   *
   * @param userId the profile's user id
   * @param expectedVersion the version the update expected
   * @param actualVersion the stored version when known ({@code 0} when no row exists)
   */
  public VersionConflictException(String userId, long expectedVersion, OptionalLong actualVersion) {
    super("Profile of user " + userId + " is not at version " + expectedVersion
        + actualVersion.stream().mapToObj(v -> " (it is at " + v + ")").findFirst().orElse(""));
    this.userId = userId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * Returns the profile's user id.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }

  /**
   * Returns the version the update expected.
   *
   * @return the expected version
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * Returns the stored version at the time of the conflict, when the store reported it.
   *
   * @return the actual version
   */
  public OptionalLong actualVersion() {
    return actualVersion;
  }
}

package dev.profilekit.internal;

import dev.profilekit.InvalidRequestException;

/** The one check of an expected version given to a conditional delete, for both implementations. */
public final class ExpectedVersions {

  private ExpectedVersions() {}

  /**
   * Checks the version a conditional delete expects: a stored profile has version 1 or more, so
   * anything lower can never match and is a caller's mistake.
   *
   * @param expectedVersion the version
   * @return the version
   * @throws InvalidRequestException if it is below 1
   */
  public static long forDelete(long expectedVersion) {
    if (expectedVersion < 1) {
      throw new InvalidRequestException("expectedVersion", RequestChecks.MIN, "1 or more: the version of a stored profile");
    }
    return expectedVersion;
  }
}

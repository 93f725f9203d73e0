package dev.profilekit;

/** Where the data of a {@link UserProfile} came from. */
public enum ProfileSource {
  /** Read from the profile table: the user, an admin or the backfill has written this profile. */
  STORED,
  /**
   * Built from the identity provider's attributes or the token's claims because no profile row
   * exists yet. A fallback has version {@code 0}; its first update creates the stored row.
   */
  FALLBACK
}

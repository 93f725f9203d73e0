package dev.profilekit;

/**
 * The standard, single-valued text fields of a {@link UserProfile} that a {@link ProfileUpdate}
 * can set or remove.
 *
 * <p>Email and its verification flag are not here on purpose: they belong to the user's identity
 * in Cognito and are copied into the profile, never edited through it.
 */
public enum ProfileField {
  /** The name shown to other people; at most 128 characters. */
  DISPLAY_NAME("displayName"),
  /** Given (first) name; at most 128 characters. */
  GIVEN_NAME("givenName"),
  /** Family (last) name; at most 128 characters. */
  FAMILY_NAME("familyName"),
  /** An {@code https} URL of the user's picture; at most 2048 characters. */
  AVATAR_URL("avatarUrl"),
  /** A BCP 47 language tag such as {@code en-GB}. */
  LOCALE("locale"),
  /** An IANA time zone id such as {@code Europe/Paris}. */
  ZONEINFO("zoneinfo");

  private final String attributeName;

  ProfileField(String attributeName) {
    this.attributeName = attributeName;
  }

  /**
   * Returns the field's stable name, used in storage and in {@link InvalidProfileException#field()}.
   *
   * @return the camel-case name, for example {@code displayName}
   */
  public String attributeName() {
    return attributeName;
  }
}

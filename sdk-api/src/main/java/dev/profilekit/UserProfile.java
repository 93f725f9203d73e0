package dev.profilekit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user's profile: who they are (names, email, avatar, locale, time zone), their preferences,
 * subscription and custom fields, with the version used for optimistic concurrency.
 *
 * <p>The {@link #userId()} is the Cognito {@code sub}. A profile is either {@link
 * ProfileSource#STORED stored} in the profile table, or a {@link ProfileSource#FALLBACK fallback}
 * built from the identity's attributes when no row exists yet (version {@code 0}).
 */
@Value.Immutable
public abstract class UserProfile {

  /** Email domain Apple uses for "Hide My Email" private relay addresses. */
  private static final String APPLE_PRIVATE_RELAY_DOMAIN = "@privaterelay.appleid.com";

  UserProfile() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this profile's values.
   *
   * @return a pre-filled builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The user's id: the Cognito {@code sub}, stable for the life of the user.
   *
   * @return the user id
   */
  public abstract String userId();

  /**
   * The user's email, copied from their identity.
   *
   * @return the email, if the identity has one
   */
  public abstract Optional<String> email();

  /**
   * Whether the identity provider verified the email.
   *
   * @return true when verified
   */
  @Value.Default
  public boolean emailVerified() {
    return false;
  }

  /**
   * The name shown to other people.
   *
   * @return the display name
   */
  public abstract Optional<String> displayName();

  /**
   * The given (first) name.
   *
   * @return the given name
   */
  public abstract Optional<String> givenName();

  /**
   * The family (last) name.
   *
   * @return the family name
   */
  public abstract Optional<String> familyName();

  /**
   * An {@code https} URL of the user's picture.
   *
   * @return the avatar URL
   */
  public abstract Optional<String> avatarUrl();

  /**
   * The user's language, a BCP 47 tag such as {@code en-GB}.
   *
   * @return the locale tag
   */
  public abstract Optional<String> locale();

  /**
   * The user's time zone, an IANA id such as {@code Europe/Paris}.
   *
   * @return the zone id
   */
  public abstract Optional<String> zoneinfo();

  /**
   * The user's preferences (theme, notification settings...), typed values by name.
   *
   * @return the preferences, never null
   */
  public abstract Map<String, FieldValue> preferences();

  /**
   * The user's subscription; admin-only to write.
   *
   * @return the subscription, if any
   */
  public abstract Optional<Subscription> subscription();

  /**
   * Custom fields, typed values by name; some may be admin-only (see {@link ProfilePolicy}).
   *
   * @return the custom fields, never null
   */
  public abstract Map<String, FieldValue> customFields();

  /**
   * External identities (Google, Apple...) linked to this user.
   *
   * @return the linked identities, never null
   */
  public abstract List<LinkedIdentity> linkedIdentities();

  /**
   * The version, incremented by every write; {@code 0} for a fallback that has never been stored.
   *
   * @return the version
   */
  @Value.Default
  public long version() {
    return 0;
  }

  /**
   * When the user or the stored profile was created, if known.
   *
   * @return the creation instant
   */
  public abstract Optional<Instant> createdAt();

  /**
   * When the stored profile was last written, if it was.
   *
   * @return the last write instant
   */
  public abstract Optional<Instant> updatedAt();

  /**
   * Whether the profile is stored or a fallback.
   *
   * @return the source
   */
  public abstract ProfileSource source();

  /**
   * Returns the value of one of the standard text fields.
   *
   * @param field the field
   * @return its value, if set
   */
  public final Optional<String> get(ProfileField field) {
    switch (field) {
      case DISPLAY_NAME:
        return displayName();
      case GIVEN_NAME:
        return givenName();
      case FAMILY_NAME:
        return familyName();
      case AVATAR_URL:
        return avatarUrl();
      case LOCALE:
        return locale();
      case ZONEINFO:
        return zoneinfo();
      default:
        throw new AssertionError(field);
    }
  }

  /**
   * Tells whether the email is an Apple "Hide My Email" private relay address, which forwards to
   * the user's real address but must not be shown as if it were it.
   *
   * @return true for a private relay address
   */
  public final boolean emailIsPrivateRelay() {
    return email().map(e -> e.toLowerCase(Locale.ROOT).endsWith(APPLE_PRIVATE_RELAY_DOMAIN)).orElse(false);
  }

  /**
   * Tells whether this profile comes from the profile table.
   *
   * @return true when {@link #source()} is {@link ProfileSource#STORED}
   */
  public final boolean isStored() {
    return source() == ProfileSource.STORED;
  }

  /** Builds a {@link UserProfile}; {@code userId} and {@code source} are required. */
  public static final class Builder extends ImmutableUserProfile.Builder {
    Builder() {}

    /**
     * Sets one of the standard text fields.
     *
     * @param field the field
     * @param value the value, or null to clear it
     * @return this builder
     */
    public Builder set(ProfileField field, String value) {
      Optional<String> optional = Optional.ofNullable(value);
      switch (field) {
        case DISPLAY_NAME:
          return displayName(optional);
        case GIVEN_NAME:
          return givenName(optional);
        case FAMILY_NAME:
          return familyName(optional);
        case AVATAR_URL:
          return avatarUrl(optional);
        case LOCALE:
          return locale(optional);
        case ZONEINFO:
          return zoneinfo(optional);
        default:
          throw new AssertionError(field);
      }
    }
  }
}

package dev.profilekit;

import dev.profilekit.internal.RequestChecks;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A patch to a profile: fields to set and fields to remove, optionally guarded by the version the
 * caller last read.
 *
 * <p>Only the fields named change; everything else in the stored profile is left as it is. With
 * {@link #expectedVersion()} the update applies only if the stored version still equals it (a
 * fallback profile has version {@code 0}), otherwise it fails with {@link
 * VersionConflictException} and changes nothing. Every update is checked by {@link ProfilePolicy}
 * before anything is sent anywhere.
 *
 * <pre>{@code
 * ProfileUpdate update = ProfileUpdate.builder()
 *     .expectedVersion(profile.version())
 *     .set(ProfileField.DISPLAY_NAME, "Ada")
 *     .remove(ProfileField.AVATAR_URL)
 *     .customField("favouriteColour", FieldValue.of("green"))
 *     .removePreference("theme")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ProfileUpdateStyle
public abstract class ProfileUpdate {

  ProfileUpdate() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The version the caller last read; absent for an unconditional patch.
   *
   * @return the expected version
   */
  public abstract Optional<Long> expectedVersion();

  /**
   * Standard text fields to set.
   *
   * @return the fields and their new values, never null
   */
  public abstract Map<ProfileField, String> setFields();

  /**
   * Standard text fields to remove.
   *
   * @return the fields, never null
   */
  public abstract Set<ProfileField> removeFields();

  /**
   * Preferences to set.
   *
   * @return names and values, never null
   */
  public abstract Map<String, FieldValue> setPreferences();

  /**
   * Preferences to remove.
   *
   * @return the names, never null
   */
  public abstract Set<String> removePreferences();

  /**
   * Custom fields to set.
   *
   * @return names and values, never null
   */
  public abstract Map<String, FieldValue> setCustomFields();

  /**
   * Custom fields to remove.
   *
   * @return the names, never null
   */
  public abstract Set<String> removeCustomFields();

  /**
   * The subscription to set (admin view only).
   *
   * @return the subscription
   */
  public abstract Optional<Subscription> subscription();

  /**
   * Whether to remove the subscription (admin view only).
   *
   * @return true to remove it
   */
  @Value.Default
  public boolean removeSubscription() {
    return false;
  }

  /**
   * Tells whether this update changes no field (it still bumps the version when applied).
   *
   * @return true when nothing is set or removed
   */
  public final boolean isEmpty() {
    return setFields().isEmpty()
        && removeFields().isEmpty()
        && setPreferences().isEmpty()
        && removePreferences().isEmpty()
        && setCustomFields().isEmpty()
        && removeCustomFields().isEmpty()
        && subscription().isEmpty()
        && !removeSubscription();
  }

  /**
   * Tells whether this update writes an admin-only field under the given policy.
   *
   * @param policy the policy naming the admin-only custom fields
   * @return true when the subscription or an admin-only custom field is written
   */
  public final boolean touchesAdminOnlyFields(ProfilePolicy policy) {
    return subscription().isPresent()
        || removeSubscription()
        || setCustomFields().keySet().stream().anyMatch(policy::isAdminOnly)
        || removeCustomFields().stream().anyMatch(policy::isAdminOnly);
  }

  /**
   * Builds a {@link ProfileUpdate}: one method per standard field, one per kind of entry and one
   * per removal. Every method adds to what was given before (nothing replaces an earlier entry
   * except a later value for the same name), and a missing argument fails at once with an {@link
   * InvalidRequestException} naming it.
   */
  public static final class Builder {

    private final ImmutableProfileUpdate.UpdateBuilder delegate = ImmutableProfileUpdate.updateBuilder();

    Builder() {}

    /**
     * Copies every entry of an update into this builder, in addition to what it holds.
     *
     * @param update the update to copy
     * @return this builder
     */
    public Builder from(ProfileUpdate update) {
      delegate.from(required(update, "update"));
      return this;
    }

    /**
     * Applies the update only if the stored profile still has this version (0 for a fallback).
     *
     * @param version the version last read
     * @return this builder
     */
    public Builder expectedVersion(long version) {
      delegate.expectedVersion(version);
      return this;
    }

    /**
     * Sets a standard text field.
     *
     * @param field the field
     * @param value the new value; to clear a field use {@link #remove(ProfileField)}
     * @return this builder
     */
    public Builder set(ProfileField field, String value) {
      required(field, "field");
      delegate.putSetField(field, required(value, field.attributeName()));
      return this;
    }

    /**
     * Removes a standard text field.
     *
     * @param field the field
     * @return this builder
     */
    public Builder remove(ProfileField field) {
      delegate.addRemoveField(required(field, "field"));
      return this;
    }

    /**
     * Sets the display name.
     *
     * @param displayName the new display name
     * @return this builder
     */
    public Builder displayName(String displayName) {
      return set(ProfileField.DISPLAY_NAME, displayName);
    }

    /**
     * Sets the given name.
     *
     * @param givenName the new given name
     * @return this builder
     */
    public Builder givenName(String givenName) {
      return set(ProfileField.GIVEN_NAME, givenName);
    }

    /**
     * Sets the family name.
     *
     * @param familyName the new family name
     * @return this builder
     */
    public Builder familyName(String familyName) {
      return set(ProfileField.FAMILY_NAME, familyName);
    }

    /**
     * Sets the avatar URL (https).
     *
     * @param avatarUrl the new URL
     * @return this builder
     */
    public Builder avatarUrl(String avatarUrl) {
      return set(ProfileField.AVATAR_URL, avatarUrl);
    }

    /**
     * Sets the locale (a BCP 47 tag such as {@code en-GB}).
     *
     * @param locale the new locale
     * @return this builder
     */
    public Builder locale(String locale) {
      return set(ProfileField.LOCALE, locale);
    }

    /**
     * Sets the time zone (an IANA id such as {@code Europe/Paris}).
     *
     * @param zoneinfo the new zone id
     * @return this builder
     */
    public Builder zoneinfo(String zoneinfo) {
      return set(ProfileField.ZONEINFO, zoneinfo);
    }

    /**
     * Sets a custom field.
     *
     * @param name the custom field's name
     * @param value the value
     * @return this builder
     */
    public Builder customField(String name, FieldValue value) {
      delegate.putSetCustomField(required(name, "customFields"), required(value, "customFields." + name));
      return this;
    }

    /**
     * Sets several custom fields, in addition to those set before.
     *
     * @param fields names and values
     * @return this builder
     */
    public Builder customFields(Map<String, ? extends FieldValue> fields) {
      required(fields, "customFields").forEach(this::customField);
      return this;
    }

    /**
     * Removes a custom field.
     *
     * @param name the custom field's name
     * @return this builder
     */
    public Builder removeCustomField(String name) {
      delegate.addRemoveCustomField(required(name, "customFields"));
      return this;
    }

    /**
     * Sets a preference.
     *
     * @param name the preference's name
     * @param value the value
     * @return this builder
     */
    public Builder preference(String name, FieldValue value) {
      delegate.putSetPreference(required(name, "preferences"), required(value, "preferences." + name));
      return this;
    }

    /**
     * Sets several preferences, in addition to those set before.
     *
     * @param preferences names and values
     * @return this builder
     */
    public Builder preferences(Map<String, ? extends FieldValue> preferences) {
      required(preferences, "preferences").forEach(this::preference);
      return this;
    }

    /**
     * Removes a preference.
     *
     * @param name the preference's name
     * @return this builder
     */
    public Builder removePreference(String name) {
      delegate.addRemovePreference(required(name, "preferences"));
      return this;
    }

    /**
     * Sets the subscription (admin view only).
     *
     * @param subscription the subscription
     * @return this builder
     */
    public Builder subscription(Subscription subscription) {
      delegate.subscription(required(subscription, "subscription"));
      return this;
    }

    /**
     * Removes the subscription (admin view only).
     *
     * @return this builder
     */
    public Builder removeSubscription() {
      delegate.removeSubscription(true);
      return this;
    }

    /**
     * Builds the update. The content rules ({@link ProfilePolicy}) are checked when it is applied.
     *
     * @return the update
     */
    public ProfileUpdate build() {
      return delegate.build();
    }

    private static <T> T required(T value, String field) {
      if (value == null) {
        throw new InvalidRequestException(field, RequestChecks.REQUIRED, "a value is required; to clear a field, remove it");
      }
      return value;
    }
  }
}

package dev.profilekit;

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
 *     .putSetCustomField("favouriteColour", FieldValue.of("green"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
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

  /** Builds a {@link ProfileUpdate}. */
  public static final class Builder extends ImmutableProfileUpdate.Builder {
    Builder() {}

    /**
     * Sets a standard text field.
     *
     * @param field the field
     * @param value the new value
     * @return this builder
     */
    public Builder set(ProfileField field, String value) {
      return putSetField(field, value);
    }

    /**
     * Removes a standard text field.
     *
     * @param field the field
     * @return this builder
     */
    public Builder remove(ProfileField field) {
      return addRemoveField(field);
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
     * Sets a custom field.
     *
     * @param name the custom field's name
     * @param value the value
     * @return this builder
     */
    public Builder customField(String name, FieldValue value) {
      return putSetCustomField(name, value);
    }

    /**
     * Sets a preference.
     *
     * @param name the preference's name
     * @param value the value
     * @return this builder
     */
    public Builder preference(String name, FieldValue value) {
      return putSetPreference(name, value);
    }
  }
}

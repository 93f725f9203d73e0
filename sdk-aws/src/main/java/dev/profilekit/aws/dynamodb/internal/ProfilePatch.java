package dev.profilekit.aws.dynamodb.internal;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies a {@link ProfileUpdate} to a profile in memory: used only for the first write of a
 * user, where the base is the fallback built from the identity, not a stored item.
 */
public final class ProfilePatch {

  private ProfilePatch() {}

  /**
   * Returns the profile to store on a first write: the base with the patch applied, version 1,
   * source stored, {@code updatedAt} now, and {@code createdAt} the base's or now.
   *
   * @param base the fallback profile
   * @param update the validated update
   * @param now the write instant
   * @return the profile to store
   */
  public static UserProfile firstWrite(UserProfile base, ProfileUpdate update, Instant now) {
    UserProfile.Builder builder = base.toBuilder();
    update.setFields().forEach(builder::set);
    for (ProfileField field : update.removeFields()) {
      builder.set(field, null);
    }
    Map<String, FieldValue> preferences = new TreeMap<>(base.preferences());
    preferences.putAll(update.setPreferences());
    update.removePreferences().forEach(preferences::remove);
    Map<String, FieldValue> custom = new TreeMap<>(base.customFields());
    custom.putAll(update.setCustomFields());
    update.removeCustomFields().forEach(custom::remove);
    builder.preferences(preferences).customFields(custom);
    if (update.removeSubscription()) {
      builder.subscription(Optional.empty());
    }
    update.subscription().ifPresent(builder::subscription);
    return builder
        .version(1)
        .source(ProfileSource.STORED)
        .createdAt(base.createdAt().orElse(now))
        .updatedAt(now)
        .build();
  }
}

package dev.profilekit.testing.internal;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Applies a {@link ProfileUpdate} to a profile: the in-memory equivalent of one DynamoDB {@code UpdateItem}. */
public final class ProfilePatch {

  private ProfilePatch() {}

  /**
   * Returns the profile after the patch: stored, one version later, updated now.
   *
   * @param base the stored profile, or the fallback on a first write
   * @param update the already validated patch
   * @param now the write instant
   * @return the new profile
   */
  public static UserProfile apply(UserProfile base, ProfileUpdate update, Instant now) {
    UserProfile.Builder next = base.toBuilder();
    for (ProfileField field : update.removeFields()) {
      next.set(field, null);
    }
    update.setFields().forEach(next::set);
    next.preferences(merge(base.preferences(), update.setPreferences(), update.removePreferences()));
    next.customFields(merge(base.customFields(), update.setCustomFields(), update.removeCustomFields()));
    if (update.removeSubscription()) {
      next.subscription(java.util.Optional.empty());
    }
    update.subscription().ifPresent(next::subscription);
    boolean firstWrite = base.source() == ProfileSource.FALLBACK;
    return next
        .version(base.version() + 1)
        .createdAt(firstWrite ? base.createdAt().or(() -> java.util.Optional.of(now)) : base.createdAt())
        .updatedAt(now)
        .source(ProfileSource.STORED)
        .build();
  }

  private static Map<String, FieldValue> merge(Map<String, FieldValue> base, Map<String, FieldValue> set, java.util.Set<String> remove) {
    if (set.isEmpty() && remove.isEmpty()) {
      return base;
    }
    Map<String, FieldValue> merged = new LinkedHashMap<>(base);
    remove.forEach(merged::remove);
    merged.putAll(set);
    return merged;
  }
}

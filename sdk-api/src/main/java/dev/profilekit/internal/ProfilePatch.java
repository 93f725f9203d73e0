package dev.profilekit.internal;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@link ProfileUpdate} makes of a profile, written once: the in-memory store applies it
 * to every write, the AWS store to a first write (later writes are one DynamoDB {@code UpdateItem}
 * whose expression says the same). The result is one version later, stored, updated now, and
 * created when the base was (now, for a fallback without {@code createdAt}).
 */
public final class ProfilePatch {

  private ProfilePatch() {}

  /**
   * Returns the profile after the patch.
   *
   * @param base the stored profile, or the fallback (version 0) on a first write
   * @param update the update, already checked by the policy (nothing both set and removed)
   * @param now the write instant
   * @return the profile to store
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
      next.subscription(Optional.empty());
    }
    update.subscription().ifPresent(next::subscription);
    return next
        .version(base.version() + 1)
        .createdAt(base.createdAt().orElse(now))
        .updatedAt(now)
        .source(ProfileSource.STORED)
        .build();
  }

  private static Map<String, FieldValue> merge(Map<String, FieldValue> base, Map<String, FieldValue> set, Set<String> remove) {
    if (set.isEmpty() && remove.isEmpty()) {
      return base;
    }
    // Sorted, as a profile read back from DynamoDB is.
    Map<String, FieldValue> merged = new TreeMap<>(base);
    remove.forEach(merged::remove);
    merged.putAll(set);
    return merged;
  }
}

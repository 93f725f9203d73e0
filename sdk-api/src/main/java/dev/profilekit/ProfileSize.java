package dev.profilekit;

import dev.profilekit.internal.ItemSize;
import java.util.Map;

/**
 * Estimates the encoded size of an update, for {@link ProfilePolicy#MAX_UPDATE_BYTES}: its values
 * as DynamoDB counts them ({@link ItemSize}), plus allowances for the names and fixed attributes
 * the write carries. A stored profile's size is {@link ItemSize#of(UserProfile)}, exactly.
 */
final class ProfileSize {

  private static final int FIXED_ATTRIBUTES_ALLOWANCE = 512;

  private ProfileSize() {}

  static int of(FieldValue value) {
    return ItemSize.of(value);
  }

  static int of(ProfileUpdate update) {
    int size = FIXED_ATTRIBUTES_ALLOWANCE;
    for (String text : update.setFields().values()) {
      size += 32 + utf8(text);
    }
    size += entries(update.setPreferences()) + entries(update.setCustomFields());
    size += update.subscription().map(ProfileSize::of).orElse(0);
    return size;
  }

  private static int of(Subscription subscription) {
    return 128 + utf8(subscription.plan()) + subscription.externalCustomerId().map(ProfileSize::utf8).orElse(0);
  }

  private static int entries(Map<String, FieldValue> entries) {
    int size = 0;
    for (Map.Entry<String, FieldValue> entry : entries.entrySet()) {
      size += 1 + utf8(entry.getKey()) + of(entry.getValue());
    }
    return size;
  }

  private static int utf8(String text) {
    return ItemSize.utf8(text);
  }
}

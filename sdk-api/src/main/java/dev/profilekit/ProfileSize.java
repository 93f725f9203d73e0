package dev.profilekit;

import java.util.Map;

/**
 * Estimates encoded sizes the way DynamoDB counts item size: UTF-8 bytes of names and text,
 * about one byte per two digits of a number, one byte per boolean, three bytes of overhead per
 * list or map plus one per element. Deliberately a slight over-estimate, never an under-estimate.
 */
final class ProfileSize {

  private static final int FIXED_ATTRIBUTES_ALLOWANCE = 512;

  private ProfileSize() {}

  static int of(FieldValue value) {
    if (value instanceof FieldValue.Text text) {
      return utf8(text.value());
    }
    if (value instanceof FieldValue.Number number) {
      return 1 + (number.value().precision() + 1) / 2 + 1;
    }
    if (value instanceof FieldValue.Bool) {
      return 1;
    }
    if (value instanceof FieldValue.ListValue list) {
      int size = 3;
      for (FieldValue element : list.values()) {
        size += 1 + of(element);
      }
      return size;
    }
    FieldValue.MapValue map = (FieldValue.MapValue) value;
    return 3 + entries(map.values());
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

  static int of(UserProfile profile) {
    int size = FIXED_ATTRIBUTES_ALLOWANCE + utf8(profile.userId());
    size += profile.email().map(ProfileSize::utf8).orElse(0);
    for (ProfileField field : ProfileField.values()) {
      size += profile.get(field).map(text -> 32 + utf8(text)).orElse(0);
    }
    size += entries(profile.preferences()) + entries(profile.customFields());
    size += profile.subscription().map(ProfileSize::of).orElse(0);
    size += profile.linkedIdentities().stream().mapToInt(identity -> 64 + utf8(identity.providerUserId())).sum();
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

  /**
   * The length of {@code text.getBytes(UTF_8)}, counted without encoding (this runs for every
   * value of every write): a lone surrogate counts 1, as the encoder replaces it with {@code '?'}.
   */
  static int utf8(String text) {
    int bytes = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes += 1;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}

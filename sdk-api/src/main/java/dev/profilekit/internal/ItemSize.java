package dev.profilekit.internal;

import static dev.profilekit.internal.ProfileItemNames.CREATED_AT;
import static dev.profilekit.internal.ProfileItemNames.CURRENT_PERIOD_END;
import static dev.profilekit.internal.ProfileItemNames.CUSTOM_FIELDS;
import static dev.profilekit.internal.ProfileItemNames.EMAIL;
import static dev.profilekit.internal.ProfileItemNames.EMAIL_VERIFIED;
import static dev.profilekit.internal.ProfileItemNames.EXTERNAL_CUSTOMER_ID;
import static dev.profilekit.internal.ProfileItemNames.KIND;
import static dev.profilekit.internal.ProfileItemNames.LINKED_AT;
import static dev.profilekit.internal.ProfileItemNames.LINKED_IDENTITIES;
import static dev.profilekit.internal.ProfileItemNames.NAME;
import static dev.profilekit.internal.ProfileItemNames.PLAN;
import static dev.profilekit.internal.ProfileItemNames.PREFERENCES;
import static dev.profilekit.internal.ProfileItemNames.PROVIDER_USER_ID;
import static dev.profilekit.internal.ProfileItemNames.STATUS;
import static dev.profilekit.internal.ProfileItemNames.SUBSCRIPTION;
import static dev.profilekit.internal.ProfileItemNames.UPDATED_AT;
import static dev.profilekit.internal.ProfileItemNames.USER_ID;
import static dev.profilekit.internal.ProfileItemNames.VERSION;

import dev.profilekit.FieldValue;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileField;
import dev.profilekit.Subscription;
import dev.profilekit.UserProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * DynamoDB's item size, the one rule by which both implementations refuse a profile that is too
 * large: {@value #MAX_ITEM_BYTES} bytes (400 KB), counted as the DynamoDB developer guide ("Item
 * sizes and formats") says: the UTF-8 bytes of every attribute name plus its value; a string its
 * UTF-8 bytes; a boolean or null 1; a list or map 3 plus, per element, 1 and the element (a map
 * element with its name).
 *
 * <p>Numbers: the guide says "approximately" 1 byte per two significant digits plus 1. DynamoDB
 * stores base-100 digit pairs aligned on the decimal point, plus a byte for a negative sign; this
 * counts that, as dynalite does (its {@code valSize}), which is never less than the guide's figure.
 * ProfileKit's items carry one number of their own ({@code version}); the rest are the user's.
 *
 * <p>The fake applies this to the profile it would store; on AWS DynamoDB applies it to the item
 * (dynalite counts strings in UTF-16 units instead, see {@code docs/emulators.md}). An item also
 * holding revocation records ({@code tokensValidAfter}, {@code revokedSessions}) is that much
 * larger on AWS; those are tens of bytes per sign-out.
 */
public final class ItemSize {

  /** DynamoDB's largest item: 400 KB, names and values included. */
  public static final int MAX_ITEM_BYTES = 400 * 1024;

  private static final int COLLECTION = 3;
  private static final int ELEMENT = 1;

  private ItemSize() {}

  /**
   * Returns the size of the item the AWS codec writes for {@code profile}: every attribute it
   * stores, {@code preferences} and {@code customFields} always (possibly empty maps).
   *
   * @param profile the profile, with the version it would be stored with
   * @return the item's size in bytes
   */
  public static int of(UserProfile profile) {
    int size = text(USER_ID, profile.userId()) + number(VERSION, BigDecimal.valueOf(profile.version()));
    size += profile.email().map(email -> text(EMAIL, email)).orElse(0);
    size += utf8(EMAIL_VERIFIED) + 1;
    for (ProfileField field : ProfileField.values()) {
      size += profile.get(field).map(value -> text(field.attributeName(), value)).orElse(0);
    }
    size += utf8(PREFERENCES) + map(profile.preferences()) + utf8(CUSTOM_FIELDS) + map(profile.customFields());
    size += profile.subscription().map(subscription -> utf8(SUBSCRIPTION) + of(subscription)).orElse(0);
    if (!profile.linkedIdentities().isEmpty()) {
      size += utf8(LINKED_IDENTITIES) + COLLECTION;
      for (LinkedIdentity identity : profile.linkedIdentities()) {
        size += ELEMENT + of(identity);
      }
    }
    size += instant(CREATED_AT, profile.createdAt()) + instant(UPDATED_AT, profile.updatedAt());
    return size;
  }

  /**
   * Refuses a profile whose item would exceed {@value #MAX_ITEM_BYTES} bytes; exactly that is stored.
   *
   * @param profile the profile about to be stored
   * @throws InvalidProfileException {@link #tooLarge()} when it is larger
   */
  public static void check(UserProfile profile) {
    if (of(profile) > MAX_ITEM_BYTES) {
      throw tooLarge();
    }
  }

  /**
   * The one refusal of an item over the limit, whether ProfileKit counted it or DynamoDB did.
   *
   * @return the exception: field {@code profile}, rule {@code max-item-size}
   */
  public static InvalidProfileException tooLarge() {
    return new InvalidProfileException("profile", RequestChecks.MAX_ITEM_SIZE,
        "a stored profile is at most " + MAX_ITEM_BYTES + " bytes (DynamoDB's 400 KB item limit, names and values in UTF-8)");
  }

  /**
   * Returns the size of a typed value as the codec stores it (text {@code S}, number {@code N},
   * boolean {@code BOOL}, list {@code L}, map {@code M}), without a name.
   *
   * @param value the value
   * @return its size in bytes
   */
  public static int of(FieldValue value) {
    if (value instanceof FieldValue.Text text) {
      return utf8(text.value());
    }
    if (value instanceof FieldValue.Number number) {
      return number(number.value());
    }
    if (value instanceof FieldValue.Bool) {
      return 1;
    }
    if (value instanceof FieldValue.ListValue list) {
      int size = COLLECTION;
      for (FieldValue element : list.values()) {
        size += ELEMENT + of(element);
      }
      return size;
    }
    return map(((FieldValue.MapValue) value).values());
  }

  /**
   * Returns the size of a map of typed values, without its own name.
   *
   * @param entries the entries
   * @return its size in bytes
   */
  public static int map(Map<String, FieldValue> entries) {
    int size = COLLECTION;
    for (Map.Entry<String, FieldValue> entry : entries.entrySet()) {
      size += ELEMENT + utf8(entry.getKey()) + of(entry.getValue());
    }
    return size;
  }

  /**
   * Returns the size of a number value as DynamoDB stores it: 1 for zero; else 1, plus one per
   * base-100 digit pair aligned on the decimal point (leading and trailing zeros trimmed), plus 1
   * when negative.
   *
   * @param number the number
   * @return its size in bytes
   */
  public static int number(BigDecimal number) {
    if (number.signum() == 0) {
      return 1;
    }
    BigDecimal trimmed = number.stripTrailingZeros();
    int digits = trimmed.precision();
    // The exponent of the leading digit, as in d.ddd x 10^e.
    int exponent = digits - trimmed.scale() - 1;
    boolean extraPair = digits % 2 == 0 && Math.floorMod(exponent, 2) == 0;
    return 1 + (digits + 1) / 2 + (extraPair ? 1 : 0) + (number.signum() < 0 ? 1 : 0);
  }

  /**
   * The length of {@code text.getBytes(UTF_8)}, counted without encoding (this runs for every
   * value of every write): a lone surrogate counts 1, as the encoder replaces it with {@code '?'}.
   *
   * @param text the text
   * @return its UTF-8 length
   */
  public static int utf8(String text) {
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

  private static int of(Subscription subscription) {
    int size = COLLECTION + ELEMENT + text(PLAN, subscription.plan()) + ELEMENT + text(STATUS, subscription.status().name());
    size += subscription.currentPeriodEnd().map(at -> ELEMENT + text(CURRENT_PERIOD_END, at.toString())).orElse(0);
    size += subscription.externalCustomerId().map(id -> ELEMENT + text(EXTERNAL_CUSTOMER_ID, id)).orElse(0);
    return size;
  }

  private static int of(LinkedIdentity identity) {
    int size = COLLECTION + ELEMENT + text(KIND, identity.provider().kind().name()) + ELEMENT + text(NAME, identity.provider().name());
    size += ELEMENT + text(PROVIDER_USER_ID, identity.providerUserId());
    size += identity.linkedAt().map(at -> ELEMENT + text(LINKED_AT, at.toString())).orElse(0);
    return size;
  }

  private static int text(String name, String value) {
    return utf8(name) + utf8(value);
  }

  private static int number(String name, BigDecimal value) {
    return utf8(name) + number(value);
  }

  private static int instant(String name, Optional<Instant> at) {
    // The codec writes instants as Instant.toString's ISO-8601 text (InstantText, same text).
    return at.map(instant -> text(name, instant.toString())).orElse(0);
  }
}

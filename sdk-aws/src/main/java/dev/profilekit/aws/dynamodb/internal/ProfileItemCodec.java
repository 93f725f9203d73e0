package dev.profilekit.aws.dynamodb.internal;

import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.ACCOUNT_DELETED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.CREATED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.CUSTOM_FIELDS;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EMAIL;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EMAIL_VERIFIED;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.LINKED_IDENTITIES;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.PREFERENCES;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.REVOKED_SESSIONS;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.SUBSCRIPTION;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.TOKENS_VALID_AFTER;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.UPDATED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.USER_ID;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.VERSION;

import dev.profilekit.FieldValue;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileSource;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import dev.profilekit.internal.AccountDeletion;
import dev.profilekit.internal.ProfileItemNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts a {@link UserProfile} to a DynamoDB item and back.
 *
 * <p>Typed values map to DynamoDB types one to one: text to {@code S}, number to {@code N} (plain
 * notation, so no exponent parsing is needed anywhere), boolean to {@code BOOL}, list to {@code
 * L}, map to {@code M}. Instants are ISO-8601 strings, except {@code tokensValidAfter}, a number of
 * epoch milliseconds. Unknown top-level attributes are ignored on read, so that newer writers can
 * add attributes without breaking older readers.
 */
public final class ProfileItemCodec {

  private ProfileItemCodec() {}

  /**
   * Encodes a whole profile as an item. {@code preferences} and {@code customFields} are always
   * present (possibly empty maps) so that later patches can address one entry by nested path.
   *
   * @param profile the profile; its version is written as is
   * @return the item, including the key
   */
  public static Map<String, AttributeValue> toItem(UserProfile profile) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(USER_ID, AttributeValue.fromS(profile.userId()));
    item.put(VERSION, AttributeValue.fromN(Long.toString(profile.version())));
    profile.email().ifPresent(email -> item.put(EMAIL, AttributeValue.fromS(email)));
    item.put(EMAIL_VERIFIED, AttributeValue.fromBool(profile.emailVerified()));
    for (ProfileField field : ProfileField.values()) {
      profile.get(field).ifPresent(value -> item.put(field.attributeName(), AttributeValue.fromS(value)));
    }
    item.put(PREFERENCES, encodeMap(profile.preferences()));
    item.put(CUSTOM_FIELDS, encodeMap(profile.customFields()));
    profile.subscription().ifPresent(s -> item.put(SUBSCRIPTION, encode(s)));
    if (!profile.linkedIdentities().isEmpty()) {
      List<AttributeValue> identities = new ArrayList<>();
      profile.linkedIdentities().forEach(identity -> identities.add(encode(identity)));
      item.put(LINKED_IDENTITIES, AttributeValue.fromL(identities));
    }
    profile.createdAt().ifPresent(at -> item.put(CREATED_AT, AttributeValue.fromS(InstantText.format(at))));
    profile.updatedAt().ifPresent(at -> item.put(UPDATED_AT, AttributeValue.fromS(InstantText.format(at))));
    return item;
  }

  /**
   * Tells whether an item holds a profile, as opposed to nothing or only a sign-out record.
   *
   * @param item the item, possibly null or empty
   * @return true when it has a version
   */
  public static boolean isProfile(Map<String, AttributeValue> item) {
    return item != null && item.containsKey(VERSION) && item.get(VERSION).n() != null;
  }

  /**
   * Tells whether an item is a deleted account's tombstone.
   *
   * @param item an item, or null
   * @return true when it records a deleted account
   */
  public static boolean isTombstone(Map<String, AttributeValue> item) {
    return item != null && item.containsKey(ACCOUNT_DELETED_AT);
  }

  /**
   * Decodes a profile item.
   *
   * @param item an item for which {@link #isProfile(Map)} is true
   * @return the profile, with source {@link ProfileSource#STORED}
   */
  public static UserProfile fromItem(Map<String, AttributeValue> item) {
    UserProfile.Builder builder = UserProfile.builder()
        .userId(item.get(USER_ID).s())
        .version(Long.parseLong(item.get(VERSION).n()))
        .source(ProfileSource.STORED);
    text(item, EMAIL).ifPresent(builder::email);
    AttributeValue verified = item.get(EMAIL_VERIFIED);
    builder.emailVerified(verified != null && Boolean.TRUE.equals(verified.bool()));
    for (ProfileField field : ProfileField.values()) {
      text(item, field.attributeName()).ifPresent(value -> builder.set(field, value));
    }
    builder.preferences(decodeMap(item.get(PREFERENCES)));
    builder.customFields(decodeMap(item.get(CUSTOM_FIELDS)));
    AttributeValue subscription = item.get(SUBSCRIPTION);
    if (subscription != null && subscription.hasM()) {
      builder.subscription(decodeSubscription(subscription.m()));
    }
    AttributeValue identities = item.get(LINKED_IDENTITIES);
    if (identities != null && identities.hasL()) {
      identities.l().stream().filter(AttributeValue::hasM).forEach(v -> builder.addLinkedIdentity(decodeIdentity(v.m())));
    }
    text(item, CREATED_AT).map(InstantText::parse).ifPresent(builder::createdAt);
    text(item, UPDATED_AT).map(InstantText::parse).ifPresent(builder::updatedAt);
    return builder.build();
  }

  /**
   * Reads the sign-out record of an item.
   *
   * @param item the item, possibly null
   * @return the instant before which tokens are rejected, if recorded
   */
  public static Optional<Instant> tokensValidAfter(Map<String, AttributeValue> item) {
    if (item == null) {
      return Optional.empty();
    }
    if (isTombstone(item)) {
      return Optional.of(AccountDeletion.NO_TOKEN_VALID);
    }
    AttributeValue value = item.get(TOKENS_VALID_AFTER);
    return value == null || value.n() == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
  }

  /**
   * Reads the revoked sessions of an item: {@code origin_jti} to record expiry. Entries that are
   * not numbers are skipped (nothing ProfileKit writes).
   *
   * @param item the item, possibly null
   * @return the records, possibly empty
   */
  public static Map<String, Instant> revokedSessions(Map<String, AttributeValue> item) {
    AttributeValue value = item == null ? null : item.get(REVOKED_SESSIONS);
    if (value == null || !value.hasM()) {
      return Map.of();
    }
    Map<String, Instant> sessions = new LinkedHashMap<>();
    value.m().forEach((session, expiry) -> {
      if (expiry.n() != null) {
        sessions.put(session, Instant.ofEpochSecond(Long.parseLong(expiry.n())));
      }
    });
    return sessions;
  }

  /**
   * Encodes a typed value.
   *
   * @param value the value
   * @return the attribute value
   */
  public static AttributeValue encode(FieldValue value) {
    if (value instanceof FieldValue.Text text) {
      return AttributeValue.fromS(text.value());
    }
    if (value instanceof FieldValue.Number number) {
      return AttributeValue.fromN(number.value().toPlainString());
    }
    if (value instanceof FieldValue.Bool bool) {
      return AttributeValue.fromBool(bool.value());
    }
    if (value instanceof FieldValue.ListValue list) {
      List<AttributeValue> elements = new ArrayList<>(list.values().size());
      list.values().forEach(element -> elements.add(encode(element)));
      return AttributeValue.fromL(elements);
    }
    return encodeMap(((FieldValue.MapValue) value).values());
  }

  /**
   * Encodes a map of typed values as an {@code M} attribute.
   *
   * @param values the values by name
   * @return the attribute value
   */
  public static AttributeValue encodeMap(Map<String, FieldValue> values) {
    Map<String, AttributeValue> encoded = new LinkedHashMap<>();
    values.forEach((name, value) -> encoded.put(name, encode(value)));
    return AttributeValue.fromM(encoded);
  }

  /**
   * Decodes an attribute value written by {@link #encode(FieldValue)}. Sets ({@code SS}, {@code
   * NS}), which other writers might use, become lists; {@code NULL} and binary values, which
   * ProfileKit never writes, become null.
   *
   * @param value the attribute value
   * @return the typed value, or null when the type has no typed equivalent
   */
  public static FieldValue decode(AttributeValue value) {
    switch (value.type()) {
      case S:
        return FieldValue.of(value.s());
      case N:
        return FieldValue.of(new BigDecimal(value.n()));
      case BOOL:
        return FieldValue.of(value.bool());
      case L: {
        List<FieldValue> elements = new ArrayList<>();
        for (AttributeValue element : value.l()) {
          FieldValue decoded = decode(element);
          if (decoded != null) {
            elements.add(decoded);
          }
        }
        return FieldValue.list(elements);
      }
      case M:
        return FieldValue.map(decodeMap(value));
      case SS:
        return FieldValue.list(value.ss().stream().map(FieldValue::of).toList());
      case NS:
        return FieldValue.list(value.ns().stream().map(n -> FieldValue.of(new BigDecimal(n))).toList());
      default:
        return null;
    }
  }

  private static Map<String, FieldValue> decodeMap(AttributeValue value) {
    Map<String, FieldValue> decoded = new TreeMap<>();
    if (value != null && value.hasM()) {
      value.m().forEach((name, element) -> {
        FieldValue field = decode(element);
        if (field != null) {
          decoded.put(name, field);
        }
      });
    }
    return decoded;
  }

  /**
   * Encodes a subscription as an {@code M} attribute.
   *
   * @param subscription the subscription
   * @return the attribute value
   */
  public static AttributeValue encode(Subscription subscription) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    map.put(ProfileItemNames.PLAN, AttributeValue.fromS(subscription.plan()));
    map.put(ProfileItemNames.STATUS, AttributeValue.fromS(subscription.status().name()));
    subscription.currentPeriodEnd().ifPresent(at -> map.put(ProfileItemNames.CURRENT_PERIOD_END, AttributeValue.fromS(InstantText.format(at))));
    subscription.externalCustomerId().ifPresent(id -> map.put(ProfileItemNames.EXTERNAL_CUSTOMER_ID, AttributeValue.fromS(id)));
    return AttributeValue.fromM(map);
  }

  private static Subscription decodeSubscription(Map<String, AttributeValue> map) {
    Subscription.Builder builder = Subscription.builder()
        .plan(map.get(ProfileItemNames.PLAN).s())
        .status(SubscriptionStatus.valueOf(map.get(ProfileItemNames.STATUS).s()));
    text(map, ProfileItemNames.CURRENT_PERIOD_END).map(InstantText::parse).ifPresent(builder::currentPeriodEnd);
    text(map, ProfileItemNames.EXTERNAL_CUSTOMER_ID).ifPresent(builder::externalCustomerId);
    return builder.build();
  }

  private static AttributeValue encode(LinkedIdentity identity) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    map.put(ProfileItemNames.KIND, AttributeValue.fromS(identity.provider().kind().name()));
    map.put(ProfileItemNames.NAME, AttributeValue.fromS(identity.provider().name()));
    map.put(ProfileItemNames.PROVIDER_USER_ID, AttributeValue.fromS(identity.providerUserId()));
    identity.linkedAt().ifPresent(at -> map.put(ProfileItemNames.LINKED_AT, AttributeValue.fromS(InstantText.format(at))));
    return AttributeValue.fromM(map);
  }

  private static LinkedIdentity decodeIdentity(Map<String, AttributeValue> map) {
    String kind = text(map, ProfileItemNames.KIND).orElse("OIDC");
    String name = text(map, ProfileItemNames.NAME).orElse("unknown");
    // The stored kind decides: an OIDC or SAML provider may carry a name such as "Google", which
    // fromCognitoName alone would turn into Google itself (found by ProfileItemCodecFuzzTest).
    IdentityProvider provider = switch (kind) {
      case "SAML" -> IdentityProvider.saml(name);
      case "OIDC" -> IdentityProvider.oidc(name);
      default -> IdentityProvider.fromCognitoName(name, null);
    };
    LinkedIdentity.Builder builder = LinkedIdentity.builder()
        .provider(provider)
        .providerUserId(text(map, ProfileItemNames.PROVIDER_USER_ID).orElse(""));
    text(map, ProfileItemNames.LINKED_AT).map(InstantText::parse).ifPresent(builder::linkedAt);
    return builder.build();
  }

  private static Optional<String> text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? Optional.empty() : Optional.ofNullable(value.s());
  }
}

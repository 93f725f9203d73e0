package dev.profilekit.aws.dynamodb.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.profilekit.FieldValue;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns fuzzer bytes into profile values, updates and whole profiles, legal or not: texts of any
 * UTF-16 (unpaired surrogates and control characters included), numbers of any precision and
 * scale, nested lists and maps, names that do and do not match the policy's pattern.
 */
final class FuzzedProfiles {

  private static final String[] NAMES = {"theme", "plan", "a", "nickName_2", "creditBalance", "Bad", "9lives", "", "x".repeat(65)};
  private static final String[] STANDARD = {
      "Ada", " ", "", "https://img.example.com/a.png", "http://img.example.com/a.png", "https://u:p@h/a", "en-GB", "und",
      "Europe/Paris", "Mars/Olympus", "\u0007", "\uD800", "😀"};

  private FuzzedProfiles() {}

  static FieldValue value(FuzzedDataProvider data, int depth) {
    switch (data.consumeInt(0, depth >= 6 ? 2 : 4)) {
      case 0:
        return FieldValue.of(data.consumeString(data.consumeBoolean() ? 16 : 5000));
      case 1:
        return FieldValue.of(number(data));
      case 2:
        return FieldValue.of(data.consumeBoolean());
      case 3: {
        List<FieldValue> list = new ArrayList<>();
        int size = data.consumeInt(0, data.consumeBoolean() ? 3 : 101);
        for (int i = 0; i < size && data.remainingBytes() > 0; i++) {
          list.add(value(data, depth + 1));
        }
        return FieldValue.list(list);
      }
      default: {
        Map<String, FieldValue> map = new LinkedHashMap<>();
        int size = data.consumeInt(0, 4);
        for (int i = 0; i < size; i++) {
          map.put(data.consumeString(data.consumeBoolean() ? 8 : 70), value(data, depth + 1));
        }
        return FieldValue.map(map);
      }
    }
  }

  static BigDecimal number(FuzzedDataProvider data) {
    BigInteger unscaled = data.consumeBoolean()
        ? BigInteger.valueOf(data.consumeLong())
        : new BigInteger(1, data.consumeBytes(data.consumeInt(1, 20))).negate().add(BigInteger.valueOf(data.consumeInt()));
    return new BigDecimal(unscaled, data.consumeInt(-160, 160));
  }

  static String name(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(12);
  }

  static String standardValue(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.pickValue(STANDARD) : data.consumeString(data.consumeBoolean() ? 20 : 200);
  }

  static Instant instant(FuzzedDataProvider data) {
    return Instant.ofEpochSecond(data.consumeLong(-62_135_596_800L, 253_402_300_799L), data.consumeInt(0, 999_999_999));
  }

  static ProfileUpdate update(FuzzedDataProvider data) {
    ProfileUpdate.Builder update = ProfileUpdate.builder();
    if (data.consumeBoolean()) {
      update.expectedVersion(data.consumeLong(-2, 3));
    }
    int steps = data.consumeInt(0, 8);
    for (int i = 0; i < steps; i++) {
      switch (data.consumeInt(0, 7)) {
        case 0 -> update.set(data.pickValue(ProfileField.values()), standardValue(data));
        case 1 -> update.remove(data.pickValue(ProfileField.values()));
        case 2 -> update.preference(name(data), value(data, 1));
        case 3 -> update.removePreference(name(data));
        case 4 -> update.customField(name(data), value(data, 1));
        case 5 -> update.removeCustomField(name(data));
        case 6 -> update.subscription(subscription(data));
        default -> update.removeSubscription();
      }
    }
    return update.build();
  }

  static Subscription subscription(FuzzedDataProvider data) {
    Subscription.Builder subscription = Subscription.builder()
        .plan(data.consumeBoolean() ? "pro" : data.consumeString(70))
        .status(data.pickValue(SubscriptionStatus.values()));
    if (data.consumeBoolean()) {
      subscription.currentPeriodEnd(instant(data));
    }
    if (data.consumeBoolean()) {
      subscription.externalCustomerId(data.consumeString(260));
    }
    return subscription.build();
  }

  /** A whole stored profile; whether it is legal is for {@code ProfilePolicy.validateProfile} to say. */
  static UserProfile profile(FuzzedDataProvider data) {
    UserProfile.Builder profile = UserProfile.builder()
        .userId(data.consumeString(40))
        .version(data.consumeLong(0, Long.MAX_VALUE))
        .emailVerified(data.consumeBoolean())
        .source(ProfileSource.STORED);
    if (data.consumeBoolean()) {
      profile.email(data.consumeString(60));
    }
    for (ProfileField field : ProfileField.values()) {
      if (data.consumeBoolean()) {
        profile.set(field, standardValue(data));
      }
    }
    int entries = data.consumeInt(0, 6);
    for (int i = 0; i < entries; i++) {
      if (data.consumeBoolean()) {
        profile.putPreference(name(data), value(data, 1));
      } else {
        profile.putCustomField(name(data), value(data, 1));
      }
    }
    if (data.consumeBoolean()) {
      profile.subscription(subscription(data));
    }
    int identities = data.consumeInt(0, 3);
    for (int i = 0; i < identities; i++) {
      LinkedIdentity.Builder identity = LinkedIdentity.builder()
          .provider(provider(data))
          .providerUserId(data.consumeString(30));
      if (data.consumeBoolean()) {
        identity.linkedAt(instant(data));
      }
      profile.addLinkedIdentity(identity.build());
    }
    if (data.consumeBoolean()) {
      profile.createdAt(instant(data));
    }
    if (data.consumeBoolean()) {
      profile.updatedAt(instant(data));
    }
    return profile.build();
  }

  private static IdentityProvider provider(FuzzedDataProvider data) {
    String name = data.consumeBoolean() ? data.pickValue(new String[] {"Google", "SignInWithApple", "COGNITO", "Okta"}) : "p" + data.consumeString(20);
    switch (data.consumeInt(0, 4)) {
      case 0:
        return IdentityProvider.GOOGLE;
      case 1:
        return IdentityProvider.APPLE;
      case 2:
        return IdentityProvider.saml(name);
      default:
        return IdentityProvider.oidc(name);
    }
  }
}

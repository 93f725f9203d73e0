package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.FieldValue;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileSource;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DynamoDB's item size, counted by hand from the developer guide's rules for small items. */
class ItemSizeTest {

  @Test
  void aMinimalProfileItemIsItsNamesAndValues() {
    UserProfile profile = UserProfile.builder().userId("u1").version(1).source(ProfileSource.STORED).build();
    int expected = ("userId".length() + 2) + ("version".length() + 2) + ("emailVerified".length() + 1)
        + ("preferences".length() + 3) + ("customFields".length() + 3);
    assertThat(ItemSize.of(profile)).isEqualTo(expected);
  }

  @Test
  void textCountsUtf8BytesOfNamesAndValuesAndCollectionsTheirOverhead() {
    UserProfile base = UserProfile.builder().userId("u1").version(1).source(ProfileSource.STORED).build();
    // "é" is 2 bytes, "€" 3, "😀" 4 (two UTF-16 units): UTF-8, as DynamoDB counts, not UTF-16 as dynalite does.
    UserProfile withText = base.toBuilder().customFields(Map.of("bio", FieldValue.of("é€😀"))).build();
    assertThat(ItemSize.of(withText) - ItemSize.of(base)).isEqualTo(1 + 3 + 9);
    UserProfile withList = base.toBuilder().preferences(Map.of("l", FieldValue.list(List.of(FieldValue.of(true), FieldValue.of("ab"))))).build();
    assertThat(ItemSize.of(withList) - ItemSize.of(base)).isEqualTo(1 + 1 + 3 + (1 + 1) + (1 + 2));
    UserProfile withMap = base.toBuilder().preferences(Map.of("m", FieldValue.map(Map.of("k", FieldValue.of("v"))))).build();
    assertThat(ItemSize.of(withMap) - ItemSize.of(base)).isEqualTo(1 + 1 + 3 + (1 + 1 + 1));
  }

  @Test
  void numbersCountBase100DigitPairsAlignedOnTheDecimalPointAndANegativeSign() {
    // 1 byte, plus one per digit pair, plus one more when the pairs straddle the point, plus one if negative.
    Map<String, Integer> sizes = Map.ofEntries(
        Map.entry("0", 1), Map.entry("7", 2), Map.entry("10", 2), Map.entry("99", 2), Map.entry("100", 2),
        Map.entry("101", 3), Map.entry("1234", 3), Map.entry("1.2", 3), Map.entry("0.12", 2), Map.entry("12.5", 3),
        Map.entry("-7", 3), Map.entry("1200", 2), Map.entry("1.50", 3), Map.entry("123456789012345678901234567890123456789".substring(0, 38), 20));
    sizes.forEach((number, size) -> assertThat(ItemSize.number(new BigDecimal(number))).as(number).isEqualTo(size));
  }

  @Test
  void subscriptionIdentitiesAndInstantsCountAsTheCodecWritesThem() {
    Instant at = Instant.parse("2026-01-02T03:04:05.123Z");
    UserProfile base = UserProfile.builder().userId("u1").version(1).source(ProfileSource.STORED).build();
    UserProfile full = base.toBuilder()
        .subscription(Subscription.builder().plan("pro").status(SubscriptionStatus.ACTIVE).build())
        .addLinkedIdentity(LinkedIdentity.builder().provider(IdentityProvider.oidc("Corp")).providerUserId("x").build())
        .updatedAt(at)
        .build();
    int subscription = "subscription".length() + 3 + (1 + "plan".length() + 3) + (1 + "status".length() + "ACTIVE".length());
    int identities = "linkedIdentities".length() + 3 + 1
        + 3 + (1 + "kind".length() + "OIDC".length()) + (1 + "name".length() + "Corp".length()) + (1 + "providerUserId".length() + 1);
    int updatedAt = "updatedAt".length() + at.toString().length();
    assertThat(ItemSize.of(full) - ItemSize.of(base)).isEqualTo(subscription + identities + updatedAt);
  }

  @Test
  void exactlyTheLimitPassesAndOneByteMoreIsRefusedAsDynamoDbRefusesIt() {
    UserProfile base = UserProfile.builder().userId("u1").version(1).source(ProfileSource.STORED).build();
    // One custom field, "pad": its map entry costs 1 + 3 bytes besides the text.
    UserProfile exact = base.toBuilder().customFields(Map.of("pad", FieldValue.of("x".repeat(ItemSize.MAX_ITEM_BYTES - ItemSize.of(base) - 4)))).build();
    assertThat(ItemSize.of(exact)).isEqualTo(ItemSize.MAX_ITEM_BYTES);
    ItemSize.check(exact);
    UserProfile over = base.toBuilder().customFields(Map.of("pad", FieldValue.of("x".repeat(ItemSize.MAX_ITEM_BYTES - ItemSize.of(base) - 3)))).build();
    InvalidProfileException refused = catchThrowableOfType(InvalidProfileException.class, () -> ItemSize.check(over));
    assertThat(refused.field()).isEqualTo("profile");
    assertThat(refused.rule()).isEqualTo("max-item-size");
    assertThat(refused).hasMessage(ItemSize.tooLarge().getMessage());
    assertThat(ProfilePolicy.MAX_ITEM_BYTES).isEqualTo(409_600);
  }
}

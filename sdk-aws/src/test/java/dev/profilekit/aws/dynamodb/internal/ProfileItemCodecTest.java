package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.FieldValue;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileSource;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ProfileItemCodecTest {

  @Test
  void aFullProfileRoundTripsThroughAnItem() {
    UserProfile profile = UserProfile.builder()
        .userId("3f1c-sub")
        .email("ada@privaterelay.appleid.com")
        .emailVerified(true)
        .displayName("Ada").givenName("Ada").familyName("Lovelace")
        .avatarUrl("https://img.example.com/a.png").locale("en-GB").zoneinfo("Europe/London")
        .putPreference("theme", FieldValue.of("dark"))
        .putCustomField("score", FieldValue.of(new BigDecimal("12.5")))
        .putCustomField("tags", FieldValue.list(FieldValue.of("a"), FieldValue.of(true), FieldValue.map(Map.of("k", FieldValue.of(1)))))
        .subscription(Subscription.builder().plan("pro").status(SubscriptionStatus.PAST_DUE)
            .currentPeriodEnd(Instant.parse("2030-01-01T00:00:00Z")).externalCustomerId("cus_1").build())
        .linkedIdentities(List.of(
            LinkedIdentity.builder().provider(IdentityProvider.GOOGLE).providerUserId("g-1").linkedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build(),
            LinkedIdentity.builder().provider(IdentityProvider.saml("Corp")).providerUserId("s-1").build()))
        .version(4)
        .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
        .updatedAt(Instant.parse("2026-11-26T00:00:00.123456Z"))
        .source(ProfileSource.STORED)
        .build();

    Map<String, AttributeValue> item = ProfileItemCodec.toItem(profile);

    assertThat(ProfileItemCodec.isProfile(item)).isTrue();
    assertThat(ProfileItemCodec.fromItem(item)).isEqualTo(profile);
    assertThat(item.get("customFields").m().get("score")).isEqualTo(AttributeValue.fromN("12.5"));
  }

  @Test
  void hugeAndTinyNumbersAreWrittenInPlainNotation() {
    assertThat(ProfileItemCodec.encode(FieldValue.of(new BigDecimal("1E+5"))).n()).isEqualTo("100000");
    assertThat(ProfileItemCodec.encode(FieldValue.of(new BigDecimal("1E-3"))).n()).isEqualTo("0.001");
  }

  @Test
  void anItemWithoutVersionHoldsNoProfileButMayHoldASignOutRecord() {
    Map<String, AttributeValue> item = Map.of(
        "userId", AttributeValue.fromS("u"), "tokensValidAfter", AttributeValue.fromN("1700000000000"));

    assertThat(ProfileItemCodec.isProfile(item)).isFalse();
    assertThat(ProfileItemCodec.tokensValidAfter(item)).contains(Instant.ofEpochMilli(1_700_000_000_000L));
  }

  @Test
  void setsFromOtherWritersReadAsListsAndUnknownTypesAreDropped() {
    Map<String, AttributeValue> item = Map.of(
        "userId", AttributeValue.fromS("u"),
        "version", AttributeValue.fromN("1"),
        "customFields", AttributeValue.fromM(Map.of(
            "names", AttributeValue.fromSs(List.of("b")),
            "nothing", AttributeValue.fromNul(true))),
        "someFutureAttribute", AttributeValue.fromS("ignored"));

    UserProfile profile = ProfileItemCodec.fromItem(item);

    assertThat(profile.customFields()).isEqualTo(Map.of("names", FieldValue.list(FieldValue.of("b"))));
    assertThat(profile.preferences()).isEmpty();
  }

  @Test
  void anOidcOrSamlProviderNamedLikeGoogleKeepsItsKind() {
    // Found by ProfileItemCodecFuzzTest: the name alone decoded SAML "Google" as Google itself.
    UserProfile profile = UserProfile.builder().userId("u-1").source(ProfileSource.STORED)
        .addLinkedIdentity(LinkedIdentity.builder().provider(IdentityProvider.saml("Google")).providerUserId("a").build())
        .addLinkedIdentity(LinkedIdentity.builder().provider(IdentityProvider.oidc("SignInWithApple")).providerUserId("b").build())
        .addLinkedIdentity(LinkedIdentity.builder().provider(IdentityProvider.GOOGLE).providerUserId("c").build())
        .build();

    assertThat(ProfileItemCodec.fromItem(ProfileItemCodec.toItem(profile))).isEqualTo(profile);
  }
}

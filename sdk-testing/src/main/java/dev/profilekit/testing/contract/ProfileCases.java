package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.FieldValue;
import dev.profilekit.ForbiddenFieldException;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import dev.profilekit.internal.ItemSize;
import dev.profilekit.internal.ProfilePatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract cases: fallback, patch updates, versions, typed fields, validation, admin-only fields, delete. */
public interface ProfileCases extends ContractHarness {


  @Test
  default void theFirstReadIsAFallbackBuiltFromTheSignUpAttributes() {
    String email = uniqueEmail("fallback");
    VerifiedUser user = signUpAndSignIn(email).user();

    UserProfile profile = service().getProfile(user);

    assertThat(profile.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(profile.version()).isZero();
    assertThat(profile.userId()).isEqualTo(user.userId());
    assertThat(profile.email()).contains(email);
    assertThat(profile.emailVerified()).isTrue();
    assertThat(profile.givenName()).contains(GIVEN_NAME);
    assertThat(profile.familyName()).contains(FAMILY_NAME);
    assertThat(profile.displayName()).contains(GIVEN_NAME + " " + FAMILY_NAME);
    assertThat(service().admin().findStoredProfile(user.userId())).isEmpty();
  }

  @Test
  default void theFallbackOfAnAccessTokenUserHasTheUsersAttributes() {
    String email = uniqueEmail("access-fallback");
    VerifiedUser fromAccessToken = service().verify(signUpAndSignIn(email).accessToken());

    UserProfile profile = service().getProfile(fromAccessToken);

    assertThat(profile.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(profile.email()).contains(email);
    assertThat(profile.givenName()).contains(GIVEN_NAME);
  }

  @Test
  default void theFirstUpdateStoresTheFallbackPlusThePatch() {
    VerifiedUser user = newUser();

    UserProfile updated = service().updateProfile(user, ProfileUpdate.builder().expectedVersion(0L).displayName("Countess").build());

    assertThat(updated.source()).isEqualTo(ProfileSource.STORED);
    assertThat(updated.version()).isEqualTo(1);
    assertThat(updated.displayName()).contains("Countess");
    assertThat(updated.givenName()).contains(GIVEN_NAME);
    assertThat(updated.email()).isEqualTo(service().getProfile(user).email());
    assertThat(updated.updatedAt()).isPresent();
    assertThat(service().getProfile(user)).isEqualTo(updated);
    assertThat(service().admin().findStoredProfile(user.userId())).contains(updated);
  }

  @Test
  default void anUpdateIncrementsTheVersionAndKeepsUntouchedFields() {
    VerifiedUser user = newUser();
    UserProfile first = service().updateProfile(user, ProfileUpdate.builder().set(ProfileField.LOCALE, "en-GB").build());

    UserProfile second = service().updateProfile(user,
        ProfileUpdate.builder().expectedVersion(first.version()).set(ProfileField.ZONEINFO, "Europe/London").build());

    assertThat(second.version()).isEqualTo(first.version() + 1);
    assertThat(second.locale()).contains("en-GB");
    assertThat(second.zoneinfo()).contains("Europe/London");
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
  }

  @Test
  default void anUpdateWithAStaleVersionFailsAndChangesNothing() {
    VerifiedUser user = newUser();
    service().updateProfile(user, ProfileUpdate.builder().displayName("One").build());
    UserProfile current = service().updateProfile(user, ProfileUpdate.builder().displayName("Two").build());

    VersionConflictException conflict = thrown(VersionConflictException.class,
        () -> service().updateProfile(user, ProfileUpdate.builder().expectedVersion(1L).displayName("Stale").build()));

    assertThat(conflict.expectedVersion()).isEqualTo(1);
    assertThat(conflict.userId()).isEqualTo(user.userId());
    assertThat(service().getProfile(user)).isEqualTo(current);
  }

  @Test
  default void aFirstUpdateExpectingAVersionOtherThanZeroFailsAndStoresNothing() {
    VerifiedUser user = newUser();

    thrown(VersionConflictException.class,
        () -> service().updateProfile(user, ProfileUpdate.builder().expectedVersion(3L).displayName("Ghost").build()));

    assertThat(service().getProfile(user).source()).isEqualTo(ProfileSource.FALLBACK);
  }

  @Test
  default void removingAFieldClearsItAndOnlyIt() {
    VerifiedUser user = newUser();
    service().updateProfile(user, ProfileUpdate.builder().set(ProfileField.AVATAR_URL, "https://img.example.com/a.png")
        .set(ProfileField.LOCALE, "fr-FR").build());

    UserProfile updated = service().updateProfile(user, ProfileUpdate.builder().remove(ProfileField.AVATAR_URL).build());

    assertThat(updated.avatarUrl()).isEmpty();
    assertThat(updated.locale()).contains("fr-FR");
  }

  @Test
  default void customFieldsOfEveryTypeRoundTrip() {
    VerifiedUser user = newUser();
    Map<String, FieldValue> fields = Map.of(
        "nickname", FieldValue.of("Ada ☕"),
        "score", FieldValue.of(new BigDecimal("1234.5678")),
        "beta", FieldValue.of(true),
        "tags", FieldValue.list(FieldValue.of("math"), FieldValue.of(7), FieldValue.of(false)),
        "address", FieldValue.map(Map.of("city", FieldValue.of("London"),
            "geo", FieldValue.map(Map.of("lat", FieldValue.of(new BigDecimal("51.5072")), "lon", FieldValue.of(new BigDecimal("-0.1276")))))));

    service().updateProfile(user, ProfileUpdate.builder().customFields(fields).build());

    assertThat(service().getProfile(user).customFields()).isEqualTo(fields);
  }

  @Test
  default void numbersRoundTripExactly() {
    VerifiedUser user = newUser();
    Map<String, FieldValue> numbers = Map.of(
        "big", FieldValue.of(new BigDecimal("12345678901234567890123456789012345678")),
        "tiny", FieldValue.of(new BigDecimal("0.000000000000000000000000000001")),
        "negative", FieldValue.of(new BigDecimal("-42.5")),
        "zero", FieldValue.of(BigDecimal.ZERO),
        "trailing", FieldValue.of(new BigDecimal("2.500")));

    service().updateProfile(user, ProfileUpdate.builder().customFields(numbers).build());

    assertThat(service().getProfile(user).customFields()).isEqualTo(numbers);
    assertThat(service().getProfile(user).customFields().get("trailing")).isEqualTo(FieldValue.of(new BigDecimal("2.5")));
  }

  @Test
  default void preferencesAreSetAndRemovedByName() {
    VerifiedUser user = newUser();
    service().updateProfile(user, ProfileUpdate.builder().preference("theme", FieldValue.of("dark"))
        .preference("newsletter", FieldValue.of(false)).build());

    UserProfile updated = service().updateProfile(user, ProfileUpdate.builder().removePreference("theme").build());

    assertThat(updated.preferences()).isEqualTo(Map.of("newsletter", FieldValue.of(false)));
  }

  @Test
  default void customFieldsAreRemovedOneByOne() {
    VerifiedUser user = newUser();
    service().updateProfile(user, ProfileUpdate.builder().customField("a", FieldValue.of("1")).customField("b", FieldValue.of("2")).build());

    UserProfile updated = service().updateProfile(user, ProfileUpdate.builder().removeCustomField("a").build());

    assertThat(updated.customFields()).isEqualTo(Map.of("b", FieldValue.of("2")));
  }

  @Test
  default void anEmptyUpdateStillBumpsTheVersion() {
    VerifiedUser user = newUser();
    UserProfile first = service().updateProfile(user, ProfileUpdate.builder().displayName("Same").build());

    UserProfile second = service().updateProfile(user, ProfileUpdate.builder().build());

    assertThat(second.version()).isEqualTo(first.version() + 1);
    assertThat(second.displayName()).isEqualTo(first.displayName());
  }

  @Test
  default void aUserUpdateOfTheSubscriptionIsForbiddenAndChangesNothing() {
    VerifiedUser user = newUser();
    UserProfile before = service().updateProfile(user, ProfileUpdate.builder().displayName("Before").build());
    ProfileUpdate grant = ProfileUpdate.builder().displayName("After")
        .subscription(Subscription.builder().plan("pro").status(SubscriptionStatus.ACTIVE).build()).build();

    assertThat(thrown(ForbiddenFieldException.class, () -> service().updateProfile(user, grant)).field()).isEqualTo("subscription");
    assertThat(service().getProfile(user)).isEqualTo(before);
  }

  @Test
  default void aUserUpdateOfAnAdminOnlyCustomFieldIsForbidden() {
    VerifiedUser user = newUser();
    ProfileUpdate update = ProfileUpdate.builder().customField("creditBalance", FieldValue.of(1_000_000)).build();

    assertThat(thrown(ForbiddenFieldException.class, () -> service().updateProfile(user, update)).field())
        .isEqualTo("customFields.creditBalance");
    assertThat(service().getProfile(user).isStored()).isFalse();
  }

  @Test
  default void anInvalidUpdateLeavesTheStoredProfileUnchanged() {
    VerifiedUser user = newUser();
    UserProfile before = service().updateProfile(user, ProfileUpdate.builder().displayName("Valid").customField("x", FieldValue.of(1)).build());
    ProfileUpdate invalid = ProfileUpdate.builder().displayName("Changed").set(ProfileField.AVATAR_URL, "http://insecure.example.com/a.png").build();

    InvalidProfileException rejected = thrown(InvalidProfileException.class, () -> service().updateProfile(user, invalid));

    assertThat(rejected.field()).isEqualTo("avatarUrl");
    assertThat(service().getProfile(user)).isEqualTo(before);
  }

  /**
   * DynamoDB's 400 KB item limit, counted as AWS counts it ({@link ItemSize}: names and values in
   * UTF-8), is the one limit on both implementations: an item between 350 and 400 KB is stored, an
   * item over it refused with the same {@code InvalidProfileException} and nothing changed, also
   * when only UTF-8 (not UTF-16, as dynalite counts) puts it over. The service stamps {@code
   * updatedAt} with its own clock, whose text is 20 to 30 characters long, so here the item reaches
   * the limit to within those 10 bytes and the count is checked to the byte; the exact boundary, with
   * a fixed instant, is {@code ProfileStoreItemSizeTest} (fake) and {@code ItemSizeLimitIT} (AWS).
   */
  @Test
  default void aProfileIsStoredUpToDynamoDbsItemLimitInUtf8AndRefusedTypedBeyondIt() {
    VerifiedUser user = newUser();
    UserProfile profile = service().updateProfile(user, ProfileUpdate.builder().displayName("Large").build());
    int max = ItemSize.MAX_ITEM_BYTES;

    profile = growTo(user, profile, max - 2_000);
    assertThat(ItemSize.of(profile)).isBetween(350 * 1024, max - 2_000);
    assertThat(service().getProfile(user)).isEqualTo(profile);

    // 1,500 "é": 3,000 bytes of UTF-8, over the limit; 1,500 UTF-16 units, under it.
    UserProfile before = profile;
    ProfileUpdate accented = ProfileUpdate.builder().customField("bio", FieldValue.of("é".repeat(1_500))).build();
    assertThat(ItemSize.of(ProfilePatch.apply(before, accented, shortestInstantText()))).isGreaterThan(max);
    InvalidProfileException overInUtf8 = thrown(InvalidProfileException.class, () -> service().updateProfile(user, accented));
    assertThat(overInUtf8.field()).isEqualTo("profile");
    assertThat(overInUtf8.rule()).isEqualTo("max-item-size");
    assertThat(overInUtf8).hasMessage(ItemSize.tooLarge().getMessage());
    assertThat(service().getProfile(user)).isEqualTo(before);

    UserProfile atLimit = service().updateProfile(user, fill(before, "fill", max, longestInstantText()));
    int shortBy = longestInstantText().toString().length() - atLimit.updatedAt().orElseThrow().toString().length();
    assertThat(ItemSize.of(atLimit)).isEqualTo(max - shortBy);
    assertThat(service().getProfile(user)).isEqualTo(atLimit);

    ProfileUpdate oneByteOver = fill(atLimit, "fill2", max + 1, shortestInstantText());
    InvalidProfileException over = thrown(InvalidProfileException.class, () -> service().updateProfile(user, oneByteOver));
    assertThat(over).hasMessage(ItemSize.tooLarge().getMessage());
    assertThat(service().getProfile(user)).isEqualTo(atLimit);
  }

  /** An {@code updatedAt} with the longest text (nine fraction digits): a size predicted with it is never too small. */
  private static Instant longestInstantText() {
    return Instant.parse("2026-01-01T00:00:00.123456789Z");
  }

  /** An {@code updatedAt} with the shortest text (no fraction): a size predicted with it is never too large. */
  private static Instant shortestInstantText() {
    return Instant.parse("2026-01-01T00:00:00Z");
  }

  /** Adds ASCII custom fields, 14 values of up to 4,096 characters per update, until the item is within 4 KB of {@code target}. */
  private UserProfile growTo(VerifiedUser user, UserProfile start, int target) {
    UserProfile profile = start;
    int field = 0;
    while (true) {
      int room = target - ItemSize.of(ProfilePatch.apply(profile, ProfileUpdate.builder().build(), longestInstantText()));
      if (room <= 4_096) {
        return service().updateProfile(user, fill(profile, "grown", target, longestInstantText()));
      }
      // Each entry costs its text plus 1 + its name (at most 4 characters) bytes; 4 KB stay for the last fill.
      int budget = room - 4_096;
      ProfileUpdate.Builder grow = ProfileUpdate.builder();
      for (int i = 0; i < 14 && (i == 0 || budget > 8); i++) {
        int length = Math.max(1, Math.min(4_096, budget - 8));
        grow.customField("g" + field++, FieldValue.of("x".repeat(length)));
        budget -= length + 8;
      }
      profile = service().updateProfile(user, grow.build());
    }
  }

  /** The update setting custom field {@code name} to ASCII text that brings the item to {@code target} bytes if written at {@code at}. */
  private static ProfileUpdate fill(UserProfile current, String name, int target, Instant at) {
    int empty = ItemSize.of(ProfilePatch.apply(current, ProfileUpdate.builder().customField(name, FieldValue.of("")).build(), at));
    int length = Math.max(0, target - empty);
    if (length > 4_096) {
      throw new AssertionError("the fill needs " + length + " characters, more than a text value holds");
    }
    return ProfileUpdate.builder().customField(name, FieldValue.of("x".repeat(length))).build();
  }

  @Test
  default void anInvalidFirstUpdateStoresNothing() {
    VerifiedUser user = newUser();

    thrown(InvalidProfileException.class, () -> service().updateProfile(user, ProfileUpdate.builder().set(ProfileField.ZONEINFO, "Mars/Olympus").build()));

    assertThat(service().admin().findStoredProfile(user.userId())).isEmpty();
  }

  @Test
  default void anInvalidProfileExceptionNamesTheFieldButNeverTheValue() {
    VerifiedUser user = newUser();
    String secretish = "s3cr3t-" + "x".repeat(ProfilePolicy.MAX_NAME_LENGTH);

    InvalidProfileException rejected = thrown(InvalidProfileException.class,
        () -> service().updateProfile(user, ProfileUpdate.builder().set(ProfileField.FAMILY_NAME, secretish).build()));

    assertThat(rejected.field()).isEqualTo("familyName");
    assertThat(rejected.rule()).isNotBlank();
    assertThat(rejected.getMessage()).doesNotContain("s3cr3t");
  }

  @Test
  default void aCustomFieldWithAnInvalidNameIsRejectedWithItsPathNamed() {
    VerifiedUser user = newUser();

    InvalidProfileException rejected = thrown(InvalidProfileException.class,
        () -> service().updateProfile(user, ProfileUpdate.builder().customField("Bad-Name", FieldValue.of("v")).build()));

    assertThat(rejected.field()).isEqualTo("customFields.Bad-Name");
    assertThat(rejected.rule()).isEqualTo("name-pattern");
  }

  @Test
  default void aProtoMapKeyIsRejectedBeforeAnythingIsStored() {
    VerifiedUser user = newUser();
    FieldValue polluting = FieldValue.map(Map.of("settings", FieldValue.map(Map.of("__proto__", FieldValue.of(true)))));

    InvalidProfileException rejected = thrown(InvalidProfileException.class,
        () -> service().updateProfile(user, ProfileUpdate.builder().customField("prefs", polluting).build()));

    assertThat(rejected.field()).isEqualTo("customFields.prefs");
    assertThat(rejected.rule()).isEqualTo("map-key");
    assertThat(service().getProfile(user).customFields()).isEmpty();
  }

  @Test
  default void deleteThenReadReturnsAFallbackAgainAndTheNextWriteStartsOver() {
    VerifiedUser user = newUser();
    service().updateProfile(user, ProfileUpdate.builder().displayName("Soon gone").build());
    service().updateProfile(user, ProfileUpdate.builder().displayName("Still here").build());

    service().deleteProfile(user);

    UserProfile fallback = service().getProfile(user);
    assertThat(fallback.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(fallback.version()).isZero();
    assertThat(fallback.displayName()).contains(GIVEN_NAME + " " + FAMILY_NAME);
    assertThat(service().updateProfile(user, ProfileUpdate.builder().expectedVersion(0L).displayName("Back").build()).version()).isEqualTo(1);
  }

  @Test
  default void deleteIsIdempotent() {
    VerifiedUser user = newUser();
    service().deleteProfile(user);
    service().updateProfile(user, ProfileUpdate.builder().displayName("Once").build());

    service().deleteProfile(user);
    service().deleteProfile(user);

    assertThat(service().getProfile(user).isStored()).isFalse();
  }

  @Test
  default void readsOfAStoredProfileAreStable() {
    VerifiedUser user = newUser();
    service().updateProfile(user, ProfileUpdate.builder().customField("list", FieldValue.list(List.of(FieldValue.of("b"), FieldValue.of("a")))).build());

    UserProfile first = service().getProfile(user);
    UserProfile second = service().getProfile(user);

    assertThat(second).isEqualTo(first);
    assertThat(second.customFields().get("list")).isEqualTo(FieldValue.list(FieldValue.of("b"), FieldValue.of("a")));
  }

}

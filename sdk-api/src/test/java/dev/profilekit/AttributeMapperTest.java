package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of {@link AttributeMapper}, one at a time, at their edges. */
class AttributeMapperTest {

  private static final AttributeMapper MAPPER = AttributeMapper.defaults();

  private static UserProfile map(Map<String, String> attributes) {
    return MAPPER.toFallbackProfile("user-1", attributes, List.of(), Optional.empty());
  }

  @Test
  void aFallbackIsMarkedAsSuchAtVersionZeroWithWhatWasPassedIn() {
    LinkedIdentity google = LinkedIdentity.builder().provider(IdentityProvider.GOOGLE).providerUserId("123").build();
    Instant created = Instant.parse("2024-05-01T10:00:00Z");

    UserProfile profile = MAPPER.toFallbackProfile("user-1", Map.of(), List.of(google), Optional.of(created));

    assertThat(profile.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(profile.version()).isZero();
    assertThat(profile.userId()).isEqualTo("user-1");
    assertThat(profile.linkedIdentities()).containsExactly(google);
    assertThat(profile.createdAt()).contains(created);
    assertThat(profile.updatedAt()).isEmpty();
  }

  @Test
  void theNameAttributeIsTheDisplayNameEvenWhenGivenAndFamilyNamesExist() {
    UserProfile profile = map(Map.of("name", "Countess Lovelace", "given_name", "Ada", "family_name", "Lovelace"));

    assertThat(profile.displayName()).contains("Countess Lovelace");
    assertThat(profile.givenName()).contains("Ada");
  }

  @Test
  void withoutANameTheDisplayNameJoinsGivenAndFamilyNames() {
    assertThat(map(Map.of("given_name", "Ada", "family_name", "Lovelace")).displayName()).contains("Ada Lovelace");
    assertThat(map(Map.of("given_name", "Ada")).displayName()).contains("Ada");
    assertThat(map(Map.of("family_name", "Lovelace")).displayName()).contains("Lovelace");
    assertThat(map(Map.of()).displayName()).isEmpty();
  }

  @Test
  void anEmptyOrInvalidNameFallsBackToTheJoinedNames() {
    assertThat(map(Map.of("name", "", "given_name", "Ada")).displayName()).contains("Ada");
    assertThat(map(Map.of("name", "x".repeat(ProfilePolicy.MAX_NAME_LENGTH + 1), "given_name", "Ada")).displayName()).contains("Ada");
  }

  @Test
  void joinedNamesTooLongForADisplayNameAreLeftOut() {
    UserProfile profile = map(Map.of("given_name", "g".repeat(100), "family_name", "f".repeat(100)));

    assertThat(profile.givenName()).isPresent();
    assertThat(profile.displayName()).isEmpty();
  }

  @Test
  void standardAttributesMapToTheirFields() {
    UserProfile profile = map(Map.of("email", "ada@example.com", "email_verified", "true", "picture", "https://img.example.com/a.png",
        "locale", "en-GB", "zoneinfo", "Europe/London"));

    assertThat(profile.email()).contains("ada@example.com");
    assertThat(profile.emailVerified()).isTrue();
    assertThat(profile.avatarUrl()).contains("https://img.example.com/a.png");
    assertThat(profile.locale()).contains("en-GB");
    assertThat(profile.zoneinfo()).contains("Europe/London");
  }

  @Test
  void emailVerifiedIsTrueOnlyForTrueInAnyCase() {
    assertThat(map(Map.of("email_verified", "TRUE")).emailVerified()).isTrue();
    assertThat(map(Map.of("email_verified", "yes")).emailVerified()).isFalse();
    assertThat(map(Map.of("email_verified", "1")).emailVerified()).isFalse();
    assertThat(map(Map.of()).emailVerified()).isFalse();
  }

  @Test
  void aBlankEmailIsNoEmail() {
    assertThat(map(Map.of("email", "  ")).email()).isEmpty();
  }

  @Test
  void valuesThatBreakThePolicyAreLeftOutRatherThanFailing() {
    UserProfile profile = map(Map.of("picture", "http://img.example.com/a.png", "locale", "en_GB", "zoneinfo", "Moon/Tranquility",
        "given_name", "Ada\u0000"));

    assertThat(profile.avatarUrl()).isEmpty();
    assertThat(profile.locale()).isEmpty();
    assertThat(profile.zoneinfo()).isEmpty();
    assertThat(profile.givenName()).isEmpty();
  }

  @Test
  void customAttributesBecomeTextCustomFieldsWhenTheirNameAndValueAreValid() {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("custom:company", "Example Oy");
    attributes.put("custom:Department", "Research");
    attributes.put("custom:long", "x".repeat(ProfilePolicy.MAX_TEXT_LENGTH + 1));
    attributes.put("custom:", "nameless");
    attributes.put("dev:custom:other", "not a custom attribute");

    UserProfile profile = map(attributes);

    assertThat(profile.customFields()).containsExactly(Map.entry("company", FieldValue.of("Example Oy")));
  }

  @Test
  void nonCustomUnknownAttributesAreIgnored() {
    assertThat(map(Map.of("phone_number", "+441234567890", "sub", "user-1")).customFields()).isEmpty();
  }

  @Test
  void aMapperWithAPolicyChecksAgainstIt() {
    AttributeMapper withPolicy = AttributeMapper.withPolicy(ProfilePolicy.builder().adminOnlyCustomField("plan").build());

    UserProfile profile = withPolicy.toFallbackProfile("u", Map.of("custom:plan", "pro"), List.of(), Optional.empty());

    // Admin-only fields are still mapped: the fallback and backfill are server-side writes.
    assertThat(profile.customFields()).containsEntry("plan", FieldValue.of("pro"));
    assertThatThrownBy(() -> AttributeMapper.withPolicy(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theProfileBuilderLeavesSourceAndVersionToTheCaller() {
    UserProfile stored = MAPPER.toProfileBuilder("u", Map.of("given_name", "Ada")).source(ProfileSource.STORED).version(1).build();

    assertThat(stored.isStored()).isTrue();
    assertThat(stored.givenName()).contains("Ada");
  }

  @Test
  void fillMissingFieldsExpectsTheStoredVersionAndSetsOnlyWhatIsMissing() {
    UserProfile stored = UserProfile.builder().userId("u").source(ProfileSource.STORED).version(7).givenName("Edited").build();

    ProfileUpdate update = MAPPER.fillMissingFields(stored, Map.of("given_name", "Ada", "family_name", "Lovelace"));

    assertThat(update.expectedVersion()).contains(7L);
    assertThat(update.setFields()).containsOnlyKeys(ProfileField.FAMILY_NAME, ProfileField.DISPLAY_NAME);
    assertThat(update.setFields()).containsEntry(ProfileField.FAMILY_NAME, "Lovelace");
    assertThat(update.removeFields()).isEmpty();
  }

  @Test
  void fillMissingFieldsIsEmptyWhenNothingIsMissing() {
    UserProfile stored = UserProfile.builder().userId("u").source(ProfileSource.STORED).version(2).givenName("Ada").displayName("Ada").build();

    assertThat(MAPPER.fillMissingFields(stored, Map.of("given_name", "Someone else")).isEmpty()).isTrue();
  }

  @Test
  void nullInputsAreRefused() {
    assertThatThrownBy(() -> MAPPER.toProfileBuilder(null, Map.of())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MAPPER.toProfileBuilder("u", null)).isInstanceOf(NullPointerException.class);
  }
}

package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-shaped attribute sets, one per way of signing in, mapped to the profile every path (fallback,
 * backfill, fake) must agree on. The attribute names are Cognito's, as they arrive in an ID token or
 * from {@code AdminGetUser} after the pool's attribute mapping for the provider.
 */
class AttributeMapperProviderTableTest {

  private static final AttributeMapper MAPPER = AttributeMapper.defaults();

  static final Map<String, String> GOOGLE = Map.of(
      "sub", "6f0f5c3e-5d1c-4b8e-9d6c-2a1b3c4d5e6f",
      "cognito:username", "Google_110169484474386276334",
      "email", "ada.lovelace@gmail.com",
      "email_verified", "true",
      "name", "Ada Lovelace",
      "given_name", "Ada",
      "family_name", "Lovelace",
      "picture", "https://lh3.googleusercontent.com/a/ACg8ocK3xYz_example=s96-c",
      "locale", "en-GB");

  /** Apple sends the name only when the user first authorises the app; Cognito maps firstName/lastName. */
  static final Map<String, String> APPLE_FIRST_SIGN_IN = Map.of(
      "sub", "0b7d2a64-1c2e-4f5a-8a9b-3c4d5e6f7a8b",
      "cognito:username", "SignInWithApple_001234.abcd1234abcd1234abcd1234abcd1234.0123",
      "email", "x7k2p9q4mn@privaterelay.appleid.com",
      "email_verified", "true",
      "given_name", "Grace",
      "family_name", "Hopper");

  /** Every later Apple sign-in: the relay email, no name; Apple's email_verified is a string. */
  static final Map<String, String> APPLE_LATER_SIGN_IN = Map.of(
      "sub", "0b7d2a64-1c2e-4f5a-8a9b-3c4d5e6f7a8b",
      "cognito:username", "SignInWithApple_001234.abcd1234abcd1234abcd1234abcd1234.0123",
      "email", "x7k2p9q4mn@privaterelay.appleid.com",
      "email_verified", "false",
      "given_name", "",
      "family_name", "");

  /** An email and password user: what they typed at sign-up, and a custom attribute. */
  static final Map<String, String> EMAIL_USER = Map.of(
      "sub", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
      "email", "linus@example.org",
      "email_verified", "true",
      "given_name", "Linus",
      "zoneinfo", "Europe/Helsinki",
      "custom:company", "Example Oy");

  /** A SAML user: the pool's attribute mapping turned the assertion's attributes into these. */
  static final Map<String, String> SAML_USER = Map.of(
      "sub", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
      "cognito:username", "AcmeOkta_jane.doe@acme.example",
      "email", "jane.doe@acme.example",
      "name", "Jane Doe",
      "custom:department", "Research");

  static Stream<Arguments> providers() {
    return Stream.of(
        Arguments.of("Google", GOOGLE, UserProfile.builder()
            .userId("u").email("ada.lovelace@gmail.com").emailVerified(true)
            .displayName("Ada Lovelace").givenName("Ada").familyName("Lovelace")
            .avatarUrl("https://lh3.googleusercontent.com/a/ACg8ocK3xYz_example=s96-c").locale("en-GB")
            .source(ProfileSource.FALLBACK).build(), false),
        Arguments.of("Apple, first sign-in", APPLE_FIRST_SIGN_IN, UserProfile.builder()
            .userId("u").email("x7k2p9q4mn@privaterelay.appleid.com").emailVerified(true)
            .displayName("Grace Hopper").givenName("Grace").familyName("Hopper")
            .source(ProfileSource.FALLBACK).build(), true),
        Arguments.of("Apple, later sign-in", APPLE_LATER_SIGN_IN, UserProfile.builder()
            .userId("u").email("x7k2p9q4mn@privaterelay.appleid.com").emailVerified(false)
            .source(ProfileSource.FALLBACK).build(), true),
        Arguments.of("email user", EMAIL_USER, UserProfile.builder()
            .userId("u").email("linus@example.org").emailVerified(true)
            .displayName("Linus").givenName("Linus").zoneinfo("Europe/Helsinki")
            .putCustomField("company", FieldValue.of("Example Oy"))
            .source(ProfileSource.FALLBACK).build(), false),
        Arguments.of("SAML user", SAML_USER, UserProfile.builder()
            .userId("u").email("jane.doe@acme.example").emailVerified(false)
            .displayName("Jane Doe")
            .putCustomField("department", FieldValue.of("Research"))
            .source(ProfileSource.FALLBACK).build(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void eachProvidersAttributesMapToTheSameShapeOfProfile(String label, Map<String, String> attributes, UserProfile expected,
      boolean privateRelay) {
    UserProfile mapped = MAPPER.toFallbackProfile("u", attributes, List.of(), Optional.empty());

    assertThat(mapped).isEqualTo(expected);
    assertThat(mapped.emailIsPrivateRelay()).isEqualTo(privateRelay);
    assertThat(mapped.version()).isZero();
  }

  @Test
  void appleEmailVerifiedIsReadAsAppleSaysItWhateverTheCase() {
    assertThat(MAPPER.toFallbackProfile("u", Map.of("email_verified", "TRUE"), List.of(), Optional.empty()).emailVerified()).isTrue();
    assertThat(MAPPER.toFallbackProfile("u", Map.of("email_verified", "False"), List.of(), Optional.empty()).emailVerified()).isFalse();
    assertThat(MAPPER.toFallbackProfile("u", Map.of(), List.of(), Optional.empty()).emailVerified()).isFalse();
  }

  @Test
  void theAppleNameCapturedAtTheFirstSignInIsNeverErasedByLaterSignIns() {
    UserProfile stored = MAPPER.toProfileBuilder("apple-user", APPLE_FIRST_SIGN_IN)
        .source(ProfileSource.STORED).version(1).createdAt(Instant.parse("2026-11-01T10:00:00Z")).build();

    ProfileUpdate later = MAPPER.fillMissingFields(stored, APPLE_LATER_SIGN_IN);

    assertThat(later.isEmpty()).isTrue();
    assertThat(later.expectedVersion()).contains(1L);
    assertThat(later.removeFields()).isEmpty();
  }

  @Test
  void aLaterSignInFillsOnlyWhatTheStoredProfileLacks() {
    UserProfile stored = UserProfile.builder().userId("g").email("ada.lovelace@gmail.com")
        .displayName("Countess of Lovelace").source(ProfileSource.STORED).version(4).build();

    ProfileUpdate update = MAPPER.fillMissingFields(stored, GOOGLE);

    assertThat(update.setFields()).containsOnly(
        Map.entry(ProfileField.GIVEN_NAME, "Ada"),
        Map.entry(ProfileField.FAMILY_NAME, "Lovelace"),
        Map.entry(ProfileField.AVATAR_URL, "https://lh3.googleusercontent.com/a/ACg8ocK3xYz_example=s96-c"),
        Map.entry(ProfileField.LOCALE, "en-GB"));
    assertThat(update.expectedVersion()).contains(4L);
  }

  @Test
  void aLaterSignInNeverOverwritesValuesTheUserEdited() {
    UserProfile edited = UserProfile.builder().userId("g")
        .displayName("Ada").givenName("Augusta Ada").familyName("King").avatarUrl("https://cdn.example.com/ada.png")
        .locale("fr-FR").zoneinfo("Europe/London").source(ProfileSource.STORED).version(9).build();

    ProfileUpdate update = MAPPER.fillMissingFields(edited, GOOGLE);

    assertThat(update.isEmpty()).isTrue();
    assertThat(update.removeFields()).isEmpty();
  }

  @Test
  void providerValuesThatBreakThePolicyAreLeftOutRatherThanFailing() {
    Map<String, String> odd = Map.of(
        "email", "someone@example.com",
        "picture", "http://insecure.example.com/p.png",
        "name", "x".repeat(ProfilePolicy.MAX_NAME_LENGTH + 1),
        "custom:Bad-Name", "ignored");

    UserProfile mapped = MAPPER.toFallbackProfile("u", odd, List.of(), Optional.empty());

    assertThat(mapped.avatarUrl()).isEmpty();
    assertThat(mapped.displayName()).isEmpty();
    assertThat(mapped.customFields()).isEmpty();
    assertThat(mapped.email()).contains("someone@example.com");
  }
}

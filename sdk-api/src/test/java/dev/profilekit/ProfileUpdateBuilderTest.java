package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ProfileUpdateBuilderTest {

  @Test
  void everyStandardFieldHasItsOwnSetter() {
    ProfileUpdate update = ProfileUpdate.builder()
        .displayName("Ada").givenName("Ada").familyName("Lovelace")
        .avatarUrl("https://img.example.com/ada.png").locale("en-GB").zoneinfo("Europe/London")
        .build();

    assertThat(update.setFields()).containsOnlyKeys(ProfileField.values());
  }

  @Test
  void bulkSettersAddToWhatWasSetBeforeInsteadOfReplacingIt() {
    ProfileUpdate update = ProfileUpdate.builder()
        .customField("first", FieldValue.of(1))
        .customFields(Map.of("second", FieldValue.of(2)))
        .preference("theme", FieldValue.of("dark"))
        .preferences(Map.of("lang", FieldValue.of("en")))
        .removeCustomField("old").removeCustomField("older")
        .removePreference("gone")
        .build();

    assertThat(update.setCustomFields()).containsOnlyKeys("first", "second");
    assertThat(update.setPreferences()).containsOnlyKeys("theme", "lang");
    assertThat(update.removeCustomFields()).containsExactlyInAnyOrder("old", "older");
    assertThat(update.removePreferences()).containsExactly("gone");
  }

  @Test
  void removalsHaveOneMethodEach() {
    ProfileUpdate update = ProfileUpdate.builder().remove(ProfileField.AVATAR_URL).removeSubscription().build();

    assertThat(update.removeFields()).containsExactly(ProfileField.AVATAR_URL);
    assertThat(update.removeSubscription()).isTrue();
  }

  @Test
  void theBuilderOffersNoGeneratedMethodThatReplacesEarlierEntries() {
    assertThat(Arrays.stream(ProfileUpdate.Builder.class.getMethods())
        .filter(m -> m.getDeclaringClass() != Object.class)
        .map(Method::getName))
        .doesNotContain("setCustomFields", "removeCustomFields", "setPreferences", "removePreferences", "setFields",
            "removeFields", "putSetCustomField", "addRemoveCustomField", "putAllSetCustomFields", "addAllRemovePreferences");
    assertThat(Modifier.isFinal(ProfileUpdate.Builder.class.getModifiers())).isTrue();
    assertThat(ProfileUpdate.Builder.class.getSuperclass()).isEqualTo(Object.class);
  }

  @Test
  void missingArgumentsAreTypedErrorsNamingTheField() {
    assertRejected(() -> ProfileUpdate.builder().displayName(null), "displayName");
    assertRejected(() -> ProfileUpdate.builder().set(null, "x"), "field");
    assertRejected(() -> ProfileUpdate.builder().customField("score", null), "customFields.score");
    assertRejected(() -> ProfileUpdate.builder().customField(null, FieldValue.of(1)), "customFields");
    assertRejected(() -> ProfileUpdate.builder().preference("theme", null), "preferences.theme");
    assertRejected(() -> ProfileUpdate.builder().removeCustomField(null), "customFields");
    assertRejected(() -> ProfileUpdate.builder().customFields(null), "customFields");
    assertRejected(() -> ProfileUpdate.builder().subscription(null), "subscription");
    assertRejected(() -> ProfileUpdate.builder().from(null), "update");
  }

  private static void assertRejected(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo("required");
    });
  }
}

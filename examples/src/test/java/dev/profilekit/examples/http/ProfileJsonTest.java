package dev.profilekit.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.FieldValue;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileJsonTest {

  private static ProfileUpdate update(String json) throws Exception {
    return ProfileJson.toUpdate(JSONObjectUtils.parse(json), Optional.of(3L));
  }

  @Test
  void stringsSetStandardFieldsAndNullsRemoveThem() throws Exception {
    ProfileUpdate update = update("{\"displayName\":\"Ada\",\"avatarUrl\":null}");

    assertThat(update.setFields()).containsExactly(Map.entry(ProfileField.DISPLAY_NAME, "Ada"));
    assertThat(update.removeFields()).containsExactly(ProfileField.AVATAR_URL);
    assertThat(update.expectedVersion()).contains(3L);
  }

  @Test
  void customFieldsAndPreferencesKeepTheirTypes() throws Exception {
    ProfileUpdate update = update("{\"customFields\":{\"score\":42,\"ratio\":0.25,\"beta\":true,"
        + "\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"Paris\"},\"old\":null},\"preferences\":{\"theme\":\"dark\",\"gone\":null}}");

    assertThat(update.setCustomFields()).containsEntry("score", FieldValue.of(42))
        .containsEntry("ratio", FieldValue.of(new BigDecimal("0.25")))
        .containsEntry("beta", FieldValue.of(true))
        .containsEntry("tags", FieldValue.list(FieldValue.of("a"), FieldValue.of("b")))
        .containsEntry("address", FieldValue.map(Map.of("city", FieldValue.of("Paris"))));
    assertThat(update.removeCustomFields()).containsExactly("old");
    assertThat(update.setPreferences()).containsExactly(Map.entry("theme", FieldValue.of("dark")));
    assertThat(update.removePreferences()).containsExactly("gone");
  }

  @Test
  void subscriptionObjectBecomesASubscriptionAndNullRemovesIt() throws Exception {
    ProfileUpdate set = update("{\"subscription\":{\"plan\":\"pro\",\"status\":\"active\",\"currentPeriodEnd\":\"2027-01-31T00:00:00Z\"}}");
    ProfileUpdate remove = update("{\"subscription\":null}");

    assertThat(set.subscription()).hasValueSatisfying(s -> {
      assertThat(s.plan()).isEqualTo("pro");
      assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    });
    assertThat(remove.removeSubscription()).isTrue();
  }

  @Test
  void readOnlyUnknownAndMistypedFieldsAreNamedWithTheirRule() {
    assertThatThrownBy(() -> update("{\"email\":\"x@example.com\"}"))
        .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.body()).containsEntry("field", "email").containsEntry("rule", "read-only"));
    assertThatThrownBy(() -> update("{\"displayname\":\"Ada\"}"))
        .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.body()).containsEntry("field", "displayname").containsEntry("rule", "unknown-field"));
    assertThatThrownBy(() -> update("{\"displayName\":7}"))
        .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.body()).containsEntry("rule", "type"));
    assertThatThrownBy(() -> update("{\"customFields\":{\"tags\":[null]}}"))
        .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.body()).containsEntry("field", "customFields.tags").containsEntry("rule", "no-null"));
    assertThatThrownBy(() -> update("{\"subscription\":{\"plan\":\"pro\",\"status\":\"gold\"}}"))
        .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.body()).containsEntry("field", "subscription.status"));
  }

  @Test
  void tooDeeplyNestedValuesAreRefusedBeforeTheService() {
    assertThatThrownBy(() -> update("{\"customFields\":{\"deep\":[[[[[[\"x\"]]]]]]}}"))
        .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.body()).containsEntry("rule", "max-depth"));
  }

  @Test
  void profileJsonWritesWholeNumbersWithoutExponentAndOmitsAbsentFields() {
    UserProfile profile = UserProfile.builder().userId("u1").source(ProfileSource.STORED).version(2)
        .putCustomField("score", FieldValue.of(new BigDecimal("40")))
        .putCustomField("ratio", FieldValue.of(new BigDecimal("0.5")))
        .putCustomField("tags", FieldValue.list(List.of(FieldValue.of(true))))
        .build();

    String json = JSONObjectUtils.toJSONString(ProfileJson.toJson(profile));

    assertThat(json).contains("\"score\":40").contains("\"ratio\":0.5").contains("\"tags\":[true]")
        .contains("\"version\":2").contains("\"source\":\"STORED\"").doesNotContain("displayName");
  }
}

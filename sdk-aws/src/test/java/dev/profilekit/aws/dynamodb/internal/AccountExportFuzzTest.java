package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.AccountExport;
import dev.profilekit.FieldValue;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileField;
import dev.profilekit.UserProfile;
import dev.profilekit.internal.AccountExports;
import dev.profilekit.internal.JsonText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the account export document: for any stored profile the codec can hold (texts of any
 * UTF-16, numbers of any precision and scale, nested values) and any Cognito attributes, the
 * document is one JSON object that the strict reader ({@link JsonText}) reads back, also after a
 * trip through UTF-8, as exactly the values it was written from, each with its JSON type.
 */
class AccountExportFuzzTest {

  private static final Map<ProfileField, String> MEMBER = Map.of(ProfileField.DISPLAY_NAME, "displayName",
      ProfileField.GIVEN_NAME, "givenName", ProfileField.FAMILY_NAME, "familyName", ProfileField.AVATAR_URL, "avatarUrl",
      ProfileField.LOCALE, "locale", ProfileField.ZONEINFO, "zoneinfo");

  @FuzzTest
  void everyExportReadsBackAsTheProfileAndAttributesItWasWrittenFrom(FuzzedDataProvider data) {
    UserProfile profile = FuzzedProfiles.profile(data);
    Map<String, String> attributes = new LinkedHashMap<>();
    int count = data.consumeInt(0, 5);
    for (int i = 0; i < count; i++) {
      attributes.put(data.consumeString(24), data.consumeString(60));
    }
    String username = data.consumeString(40);
    Instant exportedAt = FuzzedProfiles.instant(data);

    AccountExport export = AccountExports.ofSelf(profile.userId(), username, attributes, Optional.of(profile), exportedAt);

    Map<String, Object> document = object(JsonText.parse(export.json()));
    assertThat(JsonText.parse(new String(export.json().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)))
        .as("the same document after UTF-8").isEqualTo(document);
    assertThat(document).containsEntry("userId", profile.userId()).containsEntry("exportedAt", exportedAt.toString());
    Map<String, Object> cognito = object(document.get("cognito"));
    assertThat(cognito).containsEntry("username", username).containsEntry("attributes", new LinkedHashMap<String, Object>(attributes));

    Map<String, Object> stored = object(document.get("profile"));
    assertThat(stored).containsEntry("email", profile.email().orElse(null)).containsEntry("emailVerified", profile.emailVerified())
        .containsEntry("createdAt", profile.createdAt().map(Instant::toString).orElse(null))
        .containsEntry("updatedAt", profile.updatedAt().map(Instant::toString).orElse(null));
    // A version of 19 digits reads back as a BigDecimal (JsonText keeps Long for up to 18): same number.
    assertThat(new BigDecimal(stored.get("version").toString())).isEqualByComparingTo(BigDecimal.valueOf(profile.version()));
    MEMBER.forEach((field, member) -> assertThat(stored).containsEntry(member, profile.get(field).orElse(null)));
    assertThat(values(stored.get("preferences"))).isEqualTo(profile.preferences());
    assertThat(values(stored.get("customFields"))).isEqualTo(profile.customFields());
    if (profile.subscription().isPresent()) {
      assertThat(object(stored.get("subscription")))
          .containsEntry("plan", profile.subscription().get().plan())
          .containsEntry("status", profile.subscription().get().status().name())
          .containsEntry("currentPeriodEnd", profile.subscription().get().currentPeriodEnd().map(Instant::toString).orElse(null))
          .containsEntry("externalCustomerId", profile.subscription().get().externalCustomerId().orElse(null));
    } else {
      assertThat(stored).containsEntry("subscription", null);
    }
    List<Object> identities = new ArrayList<>();
    for (LinkedIdentity identity : profile.linkedIdentities()) {
      Map<String, Object> linked = new LinkedHashMap<>();
      linked.put("provider", identity.provider().name());
      linked.put("providerUserId", identity.providerUserId());
      linked.put("linkedAt", identity.linkedAt().map(Instant::toString).orElse(null));
      identities.add(linked);
    }
    assertThat(stored).containsEntry("linkedIdentities", identities);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static Map<String, FieldValue> values(Object json) {
    Map<String, FieldValue> values = new LinkedHashMap<>();
    object(json).forEach((name, value) -> values.put(name, value(value)));
    return values;
  }

  /** A JSON value back as the typed value: the type is the JSON type, nothing else tells it. */
  private static FieldValue value(Object json) {
    if (json instanceof String text) {
      return FieldValue.of(text);
    }
    if (json instanceof Long number) {
      return FieldValue.of(number);
    }
    if (json instanceof BigDecimal number) {
      return FieldValue.of(number);
    }
    if (json instanceof Boolean bool) {
      return FieldValue.of(bool);
    }
    if (json instanceof List<?> list) {
      List<FieldValue> elements = new ArrayList<>();
      list.forEach(element -> elements.add(value(element)));
      return FieldValue.list(elements);
    }
    return FieldValue.map(values(json));
  }
}

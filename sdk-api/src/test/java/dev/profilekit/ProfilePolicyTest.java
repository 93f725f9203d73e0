package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link ProfilePolicy} rule at its edges: the last accepted value and the first rejected
 * one, with the field and rule named and the value never echoed.
 */
class ProfilePolicyTest {

  private static final ProfilePolicy POLICY = ProfilePolicy.builder().adminOnlyCustomField("creditBalance").build();

  static Stream<Arguments> acceptedEdges() {
    return Stream.of(
        edge("one-character name", b -> b.set(ProfileField.DISPLAY_NAME, "A")),
        edge("128-character name", b -> b.set(ProfileField.GIVEN_NAME, "n".repeat(128))),
        edge("name with an astral character", b -> b.set(ProfileField.FAMILY_NAME, "Ada 😀")),
        edge("https avatar", b -> b.set(ProfileField.AVATAR_URL, "https://img.example.com/a.png")),
        edge("HTTPS in capitals", b -> b.set(ProfileField.AVATAR_URL, "HTTPS://img.example.com/a.png")),
        edge("2048-character avatar URL", b -> b.set(ProfileField.AVATAR_URL, url(2048))),
        edge("language-only locale", b -> b.set(ProfileField.LOCALE, "en")),
        edge("35-character locale", b -> b.set(ProfileField.LOCALE, "en-x-abcdefgh-abcdefgh-abcdefgh-abc")),
        edge("IANA zone", b -> b.set(ProfileField.ZONEINFO, "Europe/Paris")),
        edge("UTC zone", b -> b.set(ProfileField.ZONEINFO, "UTC")),
        edge("one-letter field name", b -> b.customField("a", FieldValue.of(1))),
        edge("64-character field name", b -> b.customField("a" + "B_9".repeat(21), FieldValue.of(1))),
        edge("64 custom fields", b -> b.customFields(entries(64))),
        edge("64 removed preferences", b -> { entries(64).keySet().forEach(b::removePreference); return b; }),
        edge("4096-character text", b -> b.customField("t", FieldValue.of("t".repeat(4096)))),
        edge("empty text", b -> b.customField("t", FieldValue.of(""))),
        edge("38 significant digits", b -> b.customField("n", FieldValue.of(new BigDecimal("9".repeat(38))))),
        edge("largest magnitude", b -> b.customField("n", FieldValue.of(new BigDecimal("-9.99E+125")))),
        edge("smallest magnitude", b -> b.customField("n", FieldValue.of(new BigDecimal("1E-130")))),
        edge("zero", b -> b.customField("n", FieldValue.of(new BigDecimal("0E-200")))),
        edge("100-element list", b -> b.customField("l", list(100))),
        edge("100-entry map", b -> b.customField("m", FieldValue.map(entries(100)))),
        edge("depth 5", b -> b.customField("d", nested(5))),
        edge("64-character map key", b -> b.customField("m", FieldValue.map(Map.of("k".repeat(64), FieldValue.of(1))))),
        edge("expected version 0", b -> b.expectedVersion(0L)),
        edge("64-character plan", b -> b.subscription(plan("p".repeat(64)))),
        edge("255-character customer id", b -> b.subscription(plan("pro").toBuilder().externalCustomerId("c".repeat(255)).build())),
        edge("removing an absent field", b -> b.remove(ProfileField.AVATAR_URL).removeCustomField("never")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedEdges")
  void theLastAcceptedValueOfEachRulePasses(String name, java.util.function.UnaryOperator<ProfileUpdate.Builder> change) {
    assertThatCode(() -> POLICY.validateAdminUpdate(change.apply(ProfileUpdate.builder()).build())).doesNotThrowAnyException();
  }

  static Stream<Arguments> rejectedEdges() {
    return Stream.of(
        rejected("129-character name", "givenName", "length", "x".repeat(125) + "LEAK", b -> b.set(ProfileField.GIVEN_NAME, "x".repeat(125) + "LEAK")),
        rejected("blank name", "displayName", "length", null, b -> b.set(ProfileField.DISPLAY_NAME, "   ")),
        rejected("empty name", "familyName", "length", null, b -> b.set(ProfileField.FAMILY_NAME, "")),
        rejected("name with a control character", "displayName", "printable", "Secret\u0007Name", b -> b.set(ProfileField.DISPLAY_NAME, "Secret\u0007Name")),
        rejected("name with an unpaired surrogate", "displayName", "printable", null, b -> b.set(ProfileField.DISPLAY_NAME, "Ada\uD800")),
        rejected("http avatar", "avatarUrl", "https", "http://leaky.example.com/a.png", b -> b.set(ProfileField.AVATAR_URL, "http://leaky.example.com/a.png")),
        rejected("2049-character avatar URL", "avatarUrl", "max-length", null, b -> b.set(ProfileField.AVATAR_URL, url(2049))),
        rejected("avatar without host", "avatarUrl", "url-host", null, b -> b.set(ProfileField.AVATAR_URL, "https:///a.png")),
        rejected("avatar with credentials", "avatarUrl", "no-user-info", "hunter2", b -> b.set(ProfileField.AVATAR_URL, "https://me:hunter2@img.example.com/a.png")),
        rejected("avatar that is not a URL", "avatarUrl", "url-syntax", "spaces here", b -> b.set(ProfileField.AVATAR_URL, "https://spaces here/")),
        rejected("36-character locale", "locale", "bcp47", null, b -> b.set(ProfileField.LOCALE, "en-x-abcdefgh-abcdefgh-abcdefgh-abcd")),
        rejected("locale with underscore", "locale", "bcp47", null, b -> b.set(ProfileField.LOCALE, "en_GB")),
        rejected("undetermined locale", "locale", "bcp47", null, b -> b.set(ProfileField.LOCALE, "und")),
        rejected("offset instead of a zone id", "zoneinfo", "iana-zone-id", null, b -> b.set(ProfileField.ZONEINFO, "+01:00")),
        rejected("unknown zone", "zoneinfo", "iana-zone-id", "Mars/Olympus", b -> b.set(ProfileField.ZONEINFO, "Mars/Olympus")),
        rejected("capitalised field name", "customFields.Score", "name-pattern", null, b -> b.customField("Score", FieldValue.of(1))),
        rejected("65-character field name", "customFields." + "a".repeat(65), "name-pattern", null, b -> b.customField("a".repeat(65), FieldValue.of(1))),
        rejected("dash in a preference name", "preferences.dark-mode", "name-pattern", null, b -> b.preference("dark-mode", FieldValue.of(true))),
        rejected("invalid removed name", "customFields.9lives", "name-pattern", null, b -> b.removeCustomField("9lives")),
        rejected("65 custom fields", "customFields", "max-entries-per-update", null, b -> b.customFields(entries(65))),
        rejected("65 removed preferences", "preferences", "max-entries-per-update", null, b -> { entries(65).keySet().forEach(b::removePreference); return b; }),
        rejected("4097-character text", "customFields.t", "max-length", null, b -> b.customField("t", FieldValue.of("t".repeat(4097)))),
        rejected("unpaired surrogate", "preferences.p", "well-formed-text", null, b -> b.preference("p", FieldValue.of("x\uDC00"))),
        rejected("39 significant digits", "customFields.n", "number-range", null, b -> b.customField("n", FieldValue.of(new BigDecimal("1".repeat(39))))),
        rejected("magnitude 1E+126", "customFields.n", "number-range", null, b -> b.customField("n", FieldValue.of(new BigDecimal("1E+126")))),
        rejected("magnitude below 1E-130", "customFields.n", "number-range", null, b -> b.customField("n", FieldValue.of(new BigDecimal("9E-131")))),
        rejected("101-element list", "customFields.l", "max-collection-size", null, b -> b.customField("l", list(101))),
        rejected("101-entry map", "customFields.m", "max-collection-size", null, b -> b.customField("m", FieldValue.map(entries(101)))),
        rejected("depth 6", "customFields.d", "max-depth", null, b -> b.customField("d", nested(6))),
        rejected("empty map key", "customFields.m", "map-key", null, b -> b.customField("m", FieldValue.map(Map.of("", FieldValue.of(1))))),
        rejected("65-character map key", "customFields.m", "map-key", null, b -> b.customField("m", FieldValue.map(Map.of("k".repeat(65), FieldValue.of(1))))),
        rejected("field name with a line break", "customFields.bad name", "name-pattern", null, b -> b.customField("bad\nname", FieldValue.of(1))),
        rejected("__proto__ as a map key", "customFields.m", "map-key", null, b -> b.customField("m", FieldValue.map(Map.of("__proto__", FieldValue.of(1))))),
        rejected("__proto__ as a nested map key", "preferences.p", "map-key", null,
            b -> b.preference("p", FieldValue.list(FieldValue.map(Map.of("ok", FieldValue.map(Map.of("__proto__", FieldValue.of("x")))))))),
        rejected("control character in a map key", "customFields.m", "map-key", null, b -> b.customField("m", FieldValue.map(Map.of("a\tb", FieldValue.of(1))))),
        rejected("value over 16 KB", "customFields.big", "max-value-size", null, b -> b.customField("big", FieldValue.list(texts(5, 4000)))),
        rejected("update over 64 KB", "update", "max-update-size", null, b -> b.customFields(bigEntries(6))),
        rejected("standard field set and removed", "givenName", "set-and-remove", null, b -> b.set(ProfileField.GIVEN_NAME, "A").remove(ProfileField.GIVEN_NAME)),
        rejected("custom field set and removed", "customFields.x", "set-and-remove", null, b -> b.customField("x", FieldValue.of(1)).removeCustomField("x")),
        rejected("preference set and removed", "preferences.x", "set-and-remove", null, b -> b.preference("x", FieldValue.of(1)).removePreference("x")),
        rejected("subscription set and removed", "subscription", "set-and-remove", null, b -> b.subscription(plan("pro")).removeSubscription()),
        rejected("negative expected version", "expectedVersion", "not-negative", null, b -> b.expectedVersion(-1L)),
        rejected("65-character plan", "subscription.plan", "plan-pattern", null, b -> b.subscription(plan("p".repeat(65)))),
        rejected("plan with a space", "subscription.plan", "plan-pattern", "pro monthly", b -> b.subscription(plan("pro monthly"))),
        rejected("empty customer id", "subscription.externalCustomerId", "length", null, b -> b.subscription(plan("pro").toBuilder().externalCustomerId("").build())),
        rejected("256-character customer id", "subscription.externalCustomerId", "length", null,
            b -> b.subscription(plan("pro").toBuilder().externalCustomerId("c".repeat(256)).build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedEdges")
  void theFirstRejectedValueOfEachRuleFailsNamingFieldAndRuleButNotTheValue(String name, String field, String rule, String value,
      java.util.function.UnaryOperator<ProfileUpdate.Builder> change) {
    ProfileUpdate update = change.apply(ProfileUpdate.builder()).build();

    assertThatThrownBy(() -> POLICY.validateAdminUpdate(update)).isInstanceOfSatisfying(InvalidProfileException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
      assertThat(e.getMessage()).contains(field).contains(rule);
      if (value != null) {
        assertThat(e.getMessage()).doesNotContain(value);
      }
    });
  }

  @Test
  void aUserUpdateOfTheSubscriptionIsForbidden() {
    assertThatThrownBy(() -> POLICY.validateUserUpdate(ProfileUpdate.builder().subscription(plan("pro")).build()))
        .isInstanceOfSatisfying(ForbiddenFieldException.class, e -> assertThat(e.field()).isEqualTo("subscription"));
    assertThatThrownBy(() -> POLICY.validateUserUpdate(ProfileUpdate.builder().removeSubscription().build()))
        .isInstanceOf(ForbiddenFieldException.class);
  }

  @Test
  void aUserUpdateThatSetsOrRemovesAnAdminOnlyFieldIsForbidden() {
    assertThatThrownBy(() -> POLICY.validateUserUpdate(ProfileUpdate.builder().customField("creditBalance", FieldValue.of(1)).build()))
        .isInstanceOfSatisfying(ForbiddenFieldException.class, e -> assertThat(e.field()).isEqualTo("customFields.creditBalance"));
    assertThatThrownBy(() -> POLICY.validateUserUpdate(ProfileUpdate.builder().removeCustomField("creditBalance").build()))
        .isInstanceOf(ForbiddenFieldException.class);
  }

  @Test
  void theForbiddenCheckComesBeforeContentChecks() {
    ProfileUpdate both = ProfileUpdate.builder().subscription(plan("bad plan")).set(ProfileField.ZONEINFO, "Nowhere").build();

    assertThatThrownBy(() -> POLICY.validateUserUpdate(both)).isInstanceOf(ForbiddenFieldException.class);
  }

  @Test
  void theAdminViewMayWriteAdminOnlyFields() {
    assertThatCode(() -> POLICY.validateAdminUpdate(ProfileUpdate.builder().subscription(plan("pro"))
        .customField("creditBalance", FieldValue.of(5)).build())).doesNotThrowAnyException();
    assertThat(ProfileUpdate.builder().customField("creditBalance", FieldValue.of(5)).build().touchesAdminOnlyFields(POLICY)).isTrue();
  }

  @Test
  void aPolicyWithoutAdminOnlyFieldsStillGuardsTheSubscription() {
    assertThat(ProfilePolicy.defaults().adminOnlyCustomFields()).isEmpty();
    assertThatThrownBy(() -> ProfilePolicy.defaults().validateUserUpdate(ProfileUpdate.builder().subscription(plan("pro")).build()))
        .isInstanceOf(ForbiddenFieldException.class);
  }

  @Test
  void anAdminOnlyFieldMustHaveAValidName() {
    assertThatThrownBy(() -> ProfilePolicy.builder().adminOnlyCustomField("Credit-Balance")).isInstanceOf(InvalidProfileException.class);
  }

  @Test
  void aWholeProfileOverTheItemLimitIsRejected() {
    UserProfile.Builder huge = UserProfile.builder().userId("u").source(ProfileSource.STORED);
    for (int i = 0; i < 26; i++) {
      huge.putCustomField("f" + i, FieldValue.list(texts(4, 4000)));
    }

    assertThatThrownBy(() -> POLICY.validateProfile(huge.build()))
        .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.rule()).isEqualTo("max-item-size"));
  }

  @Test
  void aWholeProfileWithAnInvalidFieldIsRejected() {
    UserProfile profile = UserProfile.builder().userId("u").source(ProfileSource.STORED).avatarUrl("http://x.example.com/a.png").build();

    assertThatThrownBy(() -> POLICY.validateProfile(profile))
        .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.field()).isEqualTo("avatarUrl"));
  }

  @Test
  void aValidWholeProfilePasses() {
    UserProfile profile = UserProfile.builder().userId("u").source(ProfileSource.STORED).displayName("Ada")
        .putCustomField("score", FieldValue.of(3)).subscription(plan("pro")).build();

    assertThatCode(() -> POLICY.validateProfile(profile)).doesNotThrowAnyException();
  }

  private static Arguments edge(String name, java.util.function.UnaryOperator<ProfileUpdate.Builder> change) {
    return Arguments.of(name, change);
  }

  private static Arguments rejected(String name, String field, String rule, String value,
      java.util.function.UnaryOperator<ProfileUpdate.Builder> change) {
    return Arguments.of(name, field, rule, value, change);
  }

  private static String url(int length) {
    String prefix = "https://img.example.com/";
    return prefix + "a".repeat(length - prefix.length());
  }

  private static Map<String, FieldValue> entries(int count) {
    Map<String, FieldValue> entries = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      entries.put("k" + i, FieldValue.of(i));
    }
    return entries;
  }

  private static Map<String, FieldValue> bigEntries(int count) {
    Map<String, FieldValue> entries = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      entries.put("chunk" + i, FieldValue.list(texts(3, 4000)));
    }
    return entries;
  }

  private static List<FieldValue> texts(int count, int length) {
    List<FieldValue> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(FieldValue.of("y".repeat(length)));
    }
    return texts;
  }

  private static FieldValue list(int size) {
    List<FieldValue> elements = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      elements.add(FieldValue.of(i));
    }
    return FieldValue.list(elements);
  }

  private static FieldValue nested(int depth) {
    FieldValue value = FieldValue.of("leaf");
    for (int level = 1; level < depth; level++) {
      value = level % 2 == 0 ? FieldValue.list(value) : FieldValue.map(Map.of("k", value));
    }
    return value;
  }

  private static Subscription plan(String plan) {
    return Subscription.builder().plan(plan).status(SubscriptionStatus.ACTIVE).build();
  }
}

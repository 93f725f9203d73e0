package dev.profilekit.testing.properties;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfilePolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of {@link Violation}s, one per {@code ProfilePolicy} rule. */
final class Violations {

  private Violations() {}

  static Arbitrary<Violation> any() {
    return Arbitraries.oneOf(List.of(
        blankName(), longName(), controlCharacterName(),
        insecureAvatar(), avatarWithUserInfo(), longAvatar(), avatarWithoutHost(),
        badLocale(), unknownZone(),
        badCustomFieldName(), badPreferenceName(),
        longText(), tooDeep(), longList(), emptyMapKey(), unstorableNumber(), unpairedSurrogate(),
        tooManyCustomFields(), setAndRemovedCustomField(), setAndRemovedStandardField(),
        negativeExpectedVersion(), oversizedValue(), oversizedUpdate()));
  }

  private static Arbitrary<Violation> standard(ProfileField field, Arbitrary<String> bad, boolean distinctive) {
    return bad.map(value -> new Violation(field.attributeName(), distinctive ? value : null, b -> b.set(field, value)));
  }

  private static Arbitrary<Violation> custom(Arbitrary<FieldValue> bad) {
    return Combinators.combine(ProfileArbitraries.fieldName(), bad)
        .as((name, value) -> new Violation("customFields." + name, null, b -> b.customField(name, value)));
  }

  static Arbitrary<Violation> blankName() {
    return Arbitraries.of(ProfileField.DISPLAY_NAME, ProfileField.GIVEN_NAME, ProfileField.FAMILY_NAME)
        .flatMap(f -> standard(f, Arbitraries.strings().withChars(" \t").ofMinLength(0).ofMaxLength(5), false));
  }

  static Arbitrary<Violation> longName() {
    return Arbitraries.of(ProfileField.DISPLAY_NAME, ProfileField.GIVEN_NAME, ProfileField.FAMILY_NAME)
        .flatMap(f -> standard(f, ProfileArbitraries.text(ProfilePolicy.MAX_NAME_LENGTH + 1, 300)
            .filter(s -> s.length() > ProfilePolicy.MAX_NAME_LENGTH), true));
  }

  static Arbitrary<Violation> controlCharacterName() {
    return Arbitraries.of(ProfileField.DISPLAY_NAME, ProfileField.GIVEN_NAME, ProfileField.FAMILY_NAME)
        .flatMap(f -> standard(f, Combinators.combine(ProfileArbitraries.text(4, 20).filter(s -> !s.isBlank()),
            Arbitraries.chars().range('\u0000', '\u001f')).as((s, c) -> s + c), true));
  }

  static Arbitrary<Violation> insecureAvatar() {
    return standard(ProfileField.AVATAR_URL, ProfileArbitraries.avatarUrl().map(u -> u.replace("https://", "http://")), true);
  }

  static Arbitrary<Violation> avatarWithUserInfo() {
    return standard(ProfileField.AVATAR_URL, ProfileArbitraries.avatarUrl().map(u -> u.replace("https://", "https://admin:hunter2@")), true);
  }

  static Arbitrary<Violation> longAvatar() {
    return standard(ProfileField.AVATAR_URL, ProfileArbitraries.avatarUrl().map(u -> u + "a".repeat(ProfilePolicy.MAX_URL_LENGTH)), true);
  }

  static Arbitrary<Violation> avatarWithoutHost() {
    return standard(ProfileField.AVATAR_URL, Arbitraries.of("https:///no-host.png", "https:relative", "/just/a/path", "picture.png"), false);
  }

  static Arbitrary<Violation> badLocale() {
    return standard(ProfileField.LOCALE, Arbitraries.of("not a locale", "en_GB", "", "x".repeat(40), "12-34", "-en", "en--GB"), false);
  }

  static Arbitrary<Violation> unknownZone() {
    return standard(ProfileField.ZONEINFO, Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(12).map(s -> "Mars/" + s), true);
  }

  static Arbitrary<Violation> badCustomFieldName() {
    return Arbitraries.of("Upper", "1digit", "has-dash", "", "_under", "x".repeat(65), "sp ace", "ümlaut")
        .map(name -> new Violation("customFields." + name, null, b -> b.customField(name, FieldValue.of("v"))));
  }

  static Arbitrary<Violation> badPreferenceName() {
    return Arbitraries.of("Theme", "9lives", "dark-mode", "")
        .map(name -> new Violation("preferences." + name, null, b -> b.preference(name, FieldValue.of(true))));
  }

  static Arbitrary<Violation> longText() {
    return custom(Arbitraries.strings().alpha().ofLength(ProfilePolicy.MAX_TEXT_LENGTH + 1).map(FieldValue::of));
  }

  static Arbitrary<Violation> tooDeep() {
    return Arbitraries.integers().between(ProfilePolicy.MAX_DEPTH + 1, ProfilePolicy.MAX_DEPTH + 4).flatMap(depth -> custom(
        Arbitraries.of(true, false).map(listsOrMaps -> {
          FieldValue value = FieldValue.of("leaf");
          for (int level = 1; level < depth; level++) {
            value = listsOrMaps ? FieldValue.list(value) : FieldValue.map(Map.of("k", value));
          }
          return value;
        })));
  }

  static Arbitrary<Violation> longList() {
    return custom(Arbitraries.integers().between(ProfilePolicy.MAX_COLLECTION_SIZE + 1, 150).map(size -> {
      List<FieldValue> elements = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        elements.add(FieldValue.of(i));
      }
      return FieldValue.list(elements);
    }));
  }

  static Arbitrary<Violation> emptyMapKey() {
    return custom(Arbitraries.of("", "\n", "x".repeat(65)).map(key -> FieldValue.map(Map.of(key, FieldValue.of(1)))));
  }

  static Arbitrary<Violation> unstorableNumber() {
    return custom(Arbitraries.of(new BigDecimal("1E+126"), new BigDecimal("-9E+200"), new BigDecimal("1E-131"),
        new BigDecimal("123456789012345678901234567890123456789")).map(FieldValue::of));
  }

  static Arbitrary<Violation> unpairedSurrogate() {
    return custom(Arbitraries.of("\uD800", "a\uDC00b", "end\uD83D").map(FieldValue::of));
  }

  static Arbitrary<Violation> tooManyCustomFields() {
    return Arbitraries.integers().between(ProfilePolicy.MAX_ENTRIES_PER_UPDATE + 1, 80).map(count -> new Violation("customFields", null, b -> {
      Map<String, FieldValue> many = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        many.put("bulk" + i, FieldValue.of(i));
      }
      return b.customFields(many);
    }));
  }

  static Arbitrary<Violation> setAndRemovedCustomField() {
    return ProfileArbitraries.fieldName().map(name -> new Violation("customFields." + name, null,
        b -> b.customField(name, FieldValue.of(1)).removeCustomField(name)));
  }

  static Arbitrary<Violation> setAndRemovedStandardField() {
    return Arbitraries.of(ProfileField.DISPLAY_NAME, ProfileField.GIVEN_NAME, ProfileField.FAMILY_NAME).map(field ->
        new Violation(field.attributeName(), null, b -> b.set(field, "Valid").remove(field)));
  }

  static Arbitrary<Violation> negativeExpectedVersion() {
    return Arbitraries.longs().between(Long.MIN_VALUE, -1).map(v -> new Violation("expectedVersion", null, b -> b.expectedVersion(v)));
  }

  static Arbitrary<Violation> oversizedValue() {
    // Every element is valid; only the encoded size of the whole value breaks the rule.
    return custom(Arbitraries.integers().between(5, 8).map(count -> {
      List<FieldValue> elements = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        elements.add(FieldValue.of("y".repeat(ProfilePolicy.MAX_TEXT_LENGTH)));
      }
      return FieldValue.list(elements);
    }));
  }

  static Arbitrary<Violation> oversizedUpdate() {
    // Each chunk is a valid value of about 12 KB; six or more exceed the 64 KB update limit.
    return Arbitraries.integers().between(6, 9).map(count -> new Violation("update", null, b -> {
      for (int i = 0; i < count; i++) {
        List<FieldValue> chunk = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
          chunk.add(FieldValue.of("z".repeat(ProfilePolicy.MAX_TEXT_LENGTH)));
        }
        b.customField("chunk" + i, FieldValue.list(chunk));
      }
      return b;
    }));
  }
}

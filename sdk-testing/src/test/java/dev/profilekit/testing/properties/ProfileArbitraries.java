package dev.profilekit.testing.properties;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileUpdate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of values and updates that {@code ProfilePolicy} accepts. */
final class ProfileArbitraries {

  private static final List<String> ZONES = new ArrayList<>(new java.util.TreeSet<>(ZoneId.getAvailableZoneIds()));
  private static final List<String> LOCALES = List.of("en", "en-GB", "fr-FR", "de-CH", "zh-Hant-TW", "sr-Latn-RS", "es-419", "pt-BR",
      "ja-JP-u-ca-japanese", "ar-EG", "gsw");

  private ProfileArbitraries() {}

  /** Printable text, including non-ASCII letters and astral characters (valid surrogate pairs). */
  static Arbitrary<String> text(int minLength, int maxLength) {
    return Arbitraries.strings().alpha().numeric().withChars(" -'.éßøńçЖж中文☕")
        .ofMinLength(minLength).ofMaxLength(maxLength)
        .flatMap(s -> Arbitraries.of("", "😀", "𝄞").map(astral -> s.length() + astral.length() <= maxLength ? s + astral : s));
  }

  static Arbitrary<String> name() {
    return text(1, 128).filter(s -> !s.isBlank());
  }

  static Arbitrary<String> fieldName() {
    return Combinators.combine(Arbitraries.chars().range('a', 'z'),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric().withChars('_').ofMaxLength(20))
        .as((first, rest) -> first + rest);
  }

  static Arbitrary<String> avatarUrl() {
    return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMaxLength(30))
        .as((host, path) -> "https://" + host + ".example.com/" + path);
  }

  static Arbitrary<String> value(ProfileField field) {
    switch (field) {
      case AVATAR_URL:
        return avatarUrl();
      case LOCALE:
        return Arbitraries.of(LOCALES);
      case ZONEINFO:
        return Arbitraries.of(ZONES);
      default:
        return name();
    }
  }

  static Arbitrary<BigDecimal> number() {
    Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers().between(BigInteger.TEN.pow(38).negate().add(BigInteger.ONE),
        BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
    return Combinators.combine(unscaled, Arbitraries.integers().between(-80, 80)).as(BigDecimal::new);
  }

  /** Values nesting up to {@code ProfilePolicy.MAX_DEPTH} levels; built bottom-up once, as recursion per sample is slow. */
  static Arbitrary<FieldValue> fieldValue() {
    return VALUES_BY_DEPTH.get(VALUES_BY_DEPTH.size() - 1);
  }

  private static final List<Arbitrary<FieldValue>> VALUES_BY_DEPTH = valuesByDepth(5);

  private static List<Arbitrary<FieldValue>> valuesByDepth(int maxDepth) {
    Arbitrary<FieldValue> scalar = Arbitraries.oneOf(
        text(0, 40).map(FieldValue::of),
        number().map(FieldValue::of),
        Arbitraries.of(true, false).map(FieldValue::of));
    List<Arbitrary<FieldValue>> byDepth = new ArrayList<>();
    byDepth.add(scalar);
    for (int depth = 2; depth <= maxDepth; depth++) {
      Arbitrary<FieldValue> inner = byDepth.get(depth - 2);
      Arbitrary<FieldValue> list = inner.list().ofMaxSize(3).map(FieldValue::list);
      Arbitrary<FieldValue> map = Arbitraries.maps(text(1, 8).filter(k -> !k.isBlank()), inner).ofMaxSize(3).map(FieldValue::map);
      byDepth.add(Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(1, list), Tuple.of(1, map)));
    }
    return byDepth;
  }

  static Arbitrary<Map<String, FieldValue>> entries() {
    return Arbitraries.maps(fieldName(), fieldValue()).ofMaxSize(4);
  }

  /** A valid user-level update: standard fields set or removed, preferences and custom fields set or removed. */
  static Arbitrary<ProfileUpdate> update() {
    Arbitrary<Map<ProfileField, String>> sets = Arbitraries.subsetOf(ProfileField.values()).flatMap(fields -> {
      if (fields.isEmpty()) {
        return Arbitraries.just(Map.<ProfileField, String>of());
      }
      List<Arbitrary<Map.Entry<ProfileField, String>>> values = new ArrayList<>();
      for (ProfileField field : fields) {
        values.add(value(field).map(v -> Map.entry(field, v)));
      }
      return Combinators.combine(values).as(list -> {
        Map<ProfileField, String> chosen = new EnumMap<>(ProfileField.class);
        list.forEach(entry -> chosen.put(entry.getKey(), entry.getValue()));
        return chosen;
      });
    });
    Arbitrary<Set<ProfileField>> removes = Arbitraries.subsetOf(ProfileField.values());
    Arbitrary<Set<String>> removeNames = fieldName().set().ofMaxSize(3);
    return Combinators.combine(sets, removes, entries(), removeNames, entries(), removeNames).as((set, remove, prefs, removePrefs, custom, removeCustom) -> {
      ProfileUpdate.Builder update = ProfileUpdate.builder();
      set.forEach(update::set);
      remove.stream().filter(f -> !set.containsKey(f)).forEach(update::remove);
      update.preferences(prefs);
      removePrefs.stream().filter(n -> !prefs.containsKey(n)).forEach(update::removePreference);
      update.customFields(custom);
      removeCustom.stream().filter(n -> !custom.containsKey(n)).forEach(update::removeCustomField);
      return update.build();
    });
  }
}

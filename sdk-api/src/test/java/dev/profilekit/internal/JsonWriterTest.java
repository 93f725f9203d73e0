package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The writer of the account export reads back through the one JSON reader, {@link JsonText}, as
 * exactly what was written: hostile strings (controls, quotes, backslashes, line separators, lone
 * and paired surrogates), exact numbers, nesting up to the reader's limit.
 */
class JsonWriterTest {

  /** Characters that need care, mixed generously into the generated strings. */
  private static final char[] HOSTILE = {
      '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u0001', '\u001f', '\u007f', '\u2028', '\u2029',
      '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\uFFFF', 'u', '{', '}', '[', ']', ':', ','};

  @Provide
  Arbitrary<String> hostileStrings() {
    Arbitrary<String> anyUtf16 = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40);
    Arbitrary<String> mostlyHostile = Arbitraries.strings().withChars(HOSTILE).withCharRange('a', 'c').ofMaxLength(40);
    Arbitrary<String> emoji = Arbitraries.of("😀", "a😀b", "\uD83D", "\uDE00\uD83D", "\uD83D\uD83D\uDE00").list().ofMaxSize(5)
        .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(anyUtf16, mostlyHostile, emoji);
  }

  @Property(tries = 2000)
  void everyStringReadsBackAsWrittenAndItsTextIsSafe(@ForAll("hostileStrings") String text) {
    String literal = JsonWriter.string(text);

    assertThat(JsonText.parse(literal)).isEqualTo(text);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      assertThat(c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029').as("raw character U+%04X", (int) c).isFalse();
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < literal.length() && Character.isLowSurrogate(literal.charAt(i + 1))).as("paired at %d", i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
      }
    }
    // The text survives UTF-8 (a raw lone surrogate would become '?'), so the string does too.
    String overTheWire = new String(literal.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(JsonText.parse(overTheWire)).isEqualTo(text);
  }

  @Provide
  Arbitrary<Object> values() {
    return value(4);
  }

  /** Values in the reader's own domain: what JsonText.parse returns for some text. */
  private Arbitrary<Object> value(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        hostileStrings().map(s -> (Object) s),
        Arbitraries.longs().map(n -> (Object) n).filter(n -> Long.toString((Long) n).replace("-", "").length() <= 18),
        Arbitraries.bigDecimals().ofScale(3).map(d -> (Object) d),
        Arbitraries.bigIntegers().between(new BigInteger("1" + "0".repeat(19)), new BigInteger("1" + "0".repeat(30)))
            .map(n -> (Object) new BigDecimal(n)),
        Arbitraries.of(new BigDecimal("1E+3"), new BigDecimal("-2.5E-12"), new BigDecimal("1E+400"), new BigDecimal("0.000")),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
    Arbitrary<Object> map = Arbitraries.maps(hostileStrings(), value(depth - 1)).ofMaxSize(4)
        .map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(1, map));
  }

  @Property(tries = 1000)
  void everyValueReadsBackAsWritten(@ForAll("values") Object value) {
    assertThat(JsonText.parse(JsonWriter.write(value))).isEqualTo(value);
  }

  @Test
  void escapesAreTheShortFormsOrLowerCaseUnicode() {
    assertThat(JsonWriter.string("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029\uD800x\uDC00é😀"))
        .isEqualTo("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u2028\\u2029\\ud800x\\udc00é😀\"");
  }

  @Test
  void numbersAreWrittenExactlyAsTheyAre() {
    assertThat(JsonWriter.write(List.of(0L, Long.MIN_VALUE, 7, new BigDecimal("1.50"), new BigDecimal("1E+3"),
        new BigDecimal("-2.5E-12"), new BigInteger("123456789012345678901234567890"))))
        .isEqualTo("[0,-9223372036854775808,7,1.50,1E+3,-2.5E-12,123456789012345678901234567890]");
  }

  @Test
  void membersKeepAnOrderedMapsOrderAndOtherMapsAreWrittenInKeyOrder() {
    Map<String, Object> laidOut = new LinkedHashMap<>();
    laidOut.put("format", "x");
    laidOut.put("b", 1L);
    laidOut.put("a", true);
    assertThat(JsonWriter.write(laidOut)).isEqualTo("{\"format\":\"x\",\"b\":1,\"a\":true}");
    assertThat(JsonWriter.write(new TreeMap<>(Map.of("b", 1L, "a", 2L)))).isEqualTo("{\"a\":2,\"b\":1}");

    Map<String, Object> unordered = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      unordered.put("k" + i, (long) i);
    }
    assertThat(JsonWriter.write(unordered)).isEqualTo(JsonWriter.write(new TreeMap<>(unordered)));
    assertThat(JsonWriter.write(Map.of("z", 1L, "y", 2L, "x", 3L))).isEqualTo("{\"x\":3,\"y\":2,\"z\":1}");
  }

  @Test
  void whatHasNoExactJsonTextIsRefused() {
    for (Object bad : new Object[] {0.1d, 1.0f, Double.NaN, new Object(), Map.of(1, "a"), java.time.Instant.EPOCH}) {
      assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonWriter.write(bad))).as("%s", bad).isNotNull();
    }
    List<Object> nullMember = new ArrayList<>();
    nullMember.add(null);
    assertThat(JsonWriter.write(nullMember)).isEqualTo("[null]");
  }

  @Test
  void nestingStopsWhereTheReaderStops() {
    Object nested = "x";
    for (int i = 0; i < JsonText.MAX_DEPTH; i++) {
      nested = List.of(nested);
    }
    Object deepest = nested;
    assertThat(JsonText.parse(JsonWriter.write(deepest))).isEqualTo(deepest);
    Object tooDeep = List.of(deepest);
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonWriter.write(tooDeep)))
        .hasMessageContaining("nested deeper");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonText.parse("[" + JsonWriter.write(deepest) + "]")))
        .as("the reader refuses the same depth").isNotNull();
  }
}

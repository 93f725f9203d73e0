package dev.profilekit.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a JSON text (RFC 8259) from the values {@link JsonText#parse(String)} reads: maps with
 * string keys, lists, strings, {@code Long}/{@code Integer}/{@code BigInteger}/{@code BigDecimal}
 * numbers, booleans and null, so that {@code JsonText.parse(JsonWriter.write(v))} equals {@code v}.
 * sdk-api depends on no JSON library; the account export is the one document written with it.
 *
 * <p>Deterministic: the same value always gives the same text. A {@link LinkedHashMap} or {@link
 * SortedMap} is written in its own order (the export lays its members out in the documented
 * order); any other map in key order, since its iteration order is no promise.
 *
 * <p>Strings are escaped so that the text is safe wherever it goes: {@code "} and {@code \}, every
 * control character (U+0000 to U+001F, and U+007F), U+2028 and U+2029 (line terminators to
 * JavaScript before ES2019, so a text pasted into a script stays one string), and a surrogate not
 * in a pair as {@code \}{@code uD800}: as a raw character it has no UTF-8 encoding and would be
 * lost (Java writes {@code ?}), escaped it reaches the reader as written. Everything else is
 * written as itself. Numbers are written as they are: a {@code BigDecimal} by its {@code
 * toString()} (exact, possibly with an exponent: {@code 1E+3}), never through {@code double}.
 */
public final class JsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder();

  private JsonWriter() {}

  /**
   * Writes a value as a JSON text.
   *
   * @param value a map with string keys, list, string, integer or {@code BigDecimal} number,
   *     boolean or null, nested at most {@link JsonText#MAX_DEPTH} deep
   * @return the JSON text, without white space
   * @throws IllegalArgumentException for anything else ({@code double} and {@code float} included:
   *     their text is not exact, and NaN has none), or a map key that is not a string
   */
  public static String write(Object value) {
    JsonWriter writer = new JsonWriter();
    writer.value(value, 0);
    return writer.out.toString();
  }

  /**
   * Writes one string as a JSON string literal, quotes included.
   *
   * @param text the string, any UTF-16 (lone surrogates included)
   * @return the literal
   */
  public static String string(String text) {
    JsonWriter writer = new JsonWriter();
    writer.literal(text);
    return writer.out.toString();
  }

  private void value(Object value, int depth) {
    if (depth > JsonText.MAX_DEPTH) {
      // The one reader refuses deeper texts; writing one would make a document nobody here can read.
      throw new IllegalArgumentException("nested deeper than " + JsonText.MAX_DEPTH);
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      literal(text);
    } else if (value instanceof Boolean bool) {
      out.append(bool.booleanValue());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof BigDecimal decimal) {
      out.append(decimal);
    } else if (value instanceof Map<?, ?> map) {
      object(map, depth);
    } else if (value instanceof List<?> list) {
      array(list, depth);
    } else {
      throw new IllegalArgumentException("not a JSON value: a " + value.getClass().getName());
    }
  }

  private void object(Map<?, ?> map, int depth) {
    Map<?, ?> ordered = map instanceof LinkedHashMap || map instanceof SortedMap ? map : sorted(map);
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> member : ordered.entrySet()) {
      if (!(member.getKey() instanceof String name)) {
        throw new IllegalArgumentException("a member name is not a string");
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      literal(name);
      out.append(':');
      value(member.getValue(), depth + 1);
    }
    out.append('}');
  }

  private static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((key, value) -> {
      if (!(key instanceof String name)) {
        throw new IllegalArgumentException("a member name is not a string");
      }
      sorted.put(name, value);
    });
    return sorted;
  }

  private void array(List<?> list, int depth) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      value(list.get(i), depth + 1);
    }
    out.append(']');
  }

  private void literal(String text) {
    if (text == null) {
      throw new IllegalArgumentException("a null string");
    }
    out.append('"');
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            unicodeEscape(c);
          } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void unicodeEscape(char c) {
    out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
  }
}

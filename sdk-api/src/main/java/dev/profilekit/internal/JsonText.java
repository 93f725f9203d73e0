package dev.profilekit.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a small JSON text (RFC 8259) into maps, lists, strings, {@code Long} or {@code
 * BigDecimal} numbers, booleans and null: what Cognito packs into a string, such as the {@code
 * identities} attribute, and the strict check of a token's header and payload before nimbus
 * parses them. sdk-api depends on no JSON library, and these texts are short.
 *
 * <p>Strict on purpose, because two parsers must never read one text two ways: a member name
 * repeated in one object (compared after unescaping, so {@code "a"} and {@code "\u0061"} are the
 * same name) is refused rather than resolved, as nimbus would keep the last one; nothing but one
 * value and white space; no nesting deeper than {@value #MAX_DEPTH}.
 */
public final class JsonText {

  /** Deepest nesting accepted; real Cognito texts nest two or three levels. */
  public static final int MAX_DEPTH = 32;

  private final String text;
  private int pos;

  private JsonText(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value that is the whole text.
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException if the text is not exactly one JSON value (the message never
   *     quotes it)
   */
  public static Object parse(String text) {
    JsonText parser = new JsonText(text);
    Object value = parser.value(0);
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.fail("data after the value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw fail("nested too deeply");
    }
    skipWhitespace();
    if (pos >= text.length()) {
      throw fail("a value is missing");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> members = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw fail("a member name is not a string");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      if (members.containsKey(name)) {
        throw fail("a member name is repeated");
      }
      members.put(name, value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return members;
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> items = new ArrayList<>();
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return items;
    }
    while (true) {
      items.add(value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return items;
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw fail("a control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escape = pos < text.length() ? text.charAt(pos++) : 0;
      switch (escape) {
        case '"', '\\', '/' -> out.append(escape);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw fail("a short unicode escape");
          }
          int code = 0;
          for (int k = 0; k < 4; k++) {
            // Only ASCII hex digits: Integer.parseInt would take a sign, Character.digit full-width digits.
            int digit = hexDigit(text.charAt(pos++));
            if (digit < 0) {
              throw fail("a bad unicode escape");
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> throw fail("a bad escape");
      }
    }
    throw fail("an unterminated string");
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    boolean integer = true;
    if (peek() == '.') {
      pos++;
      digits();
      integer = false;
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
      integer = false;
    }
    String literal = text.substring(start, pos);
    // Up to 18 digits always fit a long; larger and fractional numbers stay exact as BigDecimal.
    if (integer && literal.length() - (literal.charAt(0) == '-' ? 1 : 0) <= 18) {
      return Long.parseLong(literal);
    }
    return new BigDecimal(literal);
  }

  private void digits() {
    int start = pos;
    while (peek() >= '0' && peek() <= '9') {
      pos++;
    }
    if (pos == start) {
      throw fail("not a JSON value");
    }
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw fail("not a JSON value");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw fail("'" + c + "' expected");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException fail(String what) {
    return new IllegalArgumentException("Not valid JSON at offset " + pos + ": " + what);
  }
}

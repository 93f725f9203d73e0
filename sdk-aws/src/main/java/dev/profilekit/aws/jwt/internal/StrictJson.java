package dev.profilekit.aws.jwt.internal;

import dev.profilekit.TokenRejectedException.Reason;
import java.util.HashSet;
import java.util.Set;

/**
 * A strict RFC 8259 validator for a token's header and payload, run before nimbus parses them.
 *
 * <p>Why hand-written: nimbus's JSON parser keeps the last of two members with the same name and
 * tolerates some non-standard syntax, so {@code {"exp":1,"exp":9999999999}} would mean different
 * things to different parsers. This scan accepts only one JSON object with no duplicate member
 * names (compared after unescaping) at any depth; it builds nothing, nimbus still does the parsing.
 */
public final class StrictJson {

  private static final int MAX_DEPTH = 32;

  private final String text;
  private final String part;
  private int pos;

  private StrictJson(String text, String part) {
    this.text = text;
    this.part = part;
  }

  /**
   * Checks that {@code json} is exactly one strict JSON object without duplicate member names.
   *
   * @param json the decoded segment
   * @param part "header" or "payload", for the message
   * @throws dev.profilekit.TokenRejectedException MALFORMED otherwise
   */
  public static void requireObject(String json, String part) {
    StrictJson scan = new StrictJson(json, part);
    scan.skipWhitespace();
    if (scan.peek() != '{') {
      throw scan.fail("is not a JSON object");
    }
    scan.value(0);
    scan.skipWhitespace();
    if (scan.pos != json.length()) {
      throw scan.fail("has data after the JSON object");
    }
  }

  private void value(int depth) {
    if (depth > MAX_DEPTH) {
      throw fail("is nested too deeply");
    }
    skipWhitespace();
    char c = peek();
    switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          number();
        } else {
          throw fail("is not valid JSON");
        }
      }
    }
  }

  private void object(int depth) {
    pos++;
    Set<String> names = new HashSet<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw fail("has a member name that is not a string");
      }
      if (!names.add(string())) {
        throw fail("has a duplicate member name");
      }
      skipWhitespace();
      expect(':');
      value(depth + 1);
      skipWhitespace();
      char c = next();
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw fail("is not valid JSON");
      }
    }
  }

  private void array(int depth) {
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      value(depth + 1);
      skipWhitespace();
      char c = next();
      if (c == ']') {
        return;
      }
      if (c != ',') {
        throw fail("is not valid JSON");
      }
    }
  }

  /** Reads a string and returns it unescaped, so "a" and "\u0061" count as the same name. */
  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw fail("has a control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int code = 0;
          for (int k = 0; k < 4; k++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
              throw fail("has a bad \\u escape");
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> throw fail("has a bad escape");
      }
    }
  }

  private void number() {
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    if (peek() == '.') {
      pos++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
    }
  }

  private void digits() {
    int start = pos;
    while (peek() >= '0' && peek() <= '9') {
      pos++;
    }
    if (pos == start) {
      throw fail("has a malformed number");
    }
  }

  private void literal(String word) {
    if (!text.startsWith(word, pos)) {
      throw fail("is not valid JSON");
    }
    pos += word.length();
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw fail("is not valid JSON");
    }
  }

  /** Returns the next character, or NUL at the end (NUL never appears unescaped in valid JSON). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw fail("ends too early");
    }
    return text.charAt(pos++);
  }

  private RuntimeException fail(String what) {
    return Rejections.reject(Reason.MALFORMED, "The token's " + part + " " + what);
  }
}

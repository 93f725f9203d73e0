package dev.profilekit.aws.emulators;

import java.util.Map;

/** Writes the few JSON values the stand-ins answer with: strings and string maps. */
final class Json {

  private Json() {}

  /**
   * Quotes a string as a JSON string literal.
   *
   * @param text the text
   * @return the literal, or {@code null} for null
   */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Writes a map of strings as a JSON object, in the map's order.
   *
   * @param members the members
   * @return the object
   */
  static String object(Map<String, String> members) {
    StringBuilder out = new StringBuilder("{");
    members.forEach((name, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(name)).append(':').append(quote(value));
    });
    return out.append('}').toString();
  }
}

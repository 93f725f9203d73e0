package dev.profilekit.aws.federated.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Encodes parameters as {@code application/x-www-form-urlencoded}, the format of both the
 * authorize URL's query and the token request's body, with the JDK's {@link URLEncoder}.
 */
public final class FormEncoding {

  private FormEncoding() {}

  /**
   * Encodes the parameters in their iteration order.
   *
   * @param parameters names and values, neither null
   * @return {@code name=value&...}
   */
  public static String encode(Map<String, String> parameters) {
    StringJoiner joined = new StringJoiner("&");
    parameters.forEach((name, value) -> joined.add(encodeComponent(name) + "=" + encodeComponent(value)));
    return joined.toString();
  }

  /**
   * Encodes one name or value.
   *
   * @param value the text
   * @return the encoded text
   */
  public static String encodeComponent(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

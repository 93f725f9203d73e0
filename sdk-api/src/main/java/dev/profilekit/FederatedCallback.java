package dev.profilekit;

import dev.profilekit.internal.RequestChecks;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the identity provider sent back to the redirect URI: a {@code code} and {@code state}, or
 * an {@code error}.
 *
 * <p>The code is a one-time secret and is masked in {@link #toString()}.
 */
@Value.Immutable
public abstract class FederatedCallback {

  FederatedCallback() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a callback from the full redirect URI the browser arrived at.
   *
   * @param callbackUri the URI, with its query
   * @return the callback
   */
  public static FederatedCallback fromUri(URI callbackUri) {
    if (callbackUri == null) {
      throw new InvalidRequestException("callbackUri", RequestChecks.REQUIRED, "the URI the browser arrived at");
    }
    return fromQuery(callbackUri.getRawQuery());
  }

  /**
   * Reads a callback from a raw (still percent-encoded) query string.
   *
   * @param rawQuery the query, without the leading {@code ?}; null is read as empty
   * @return the callback
   * @throws InvalidRequestException if the query is not valid percent-encoding (field {@code
   *     callback}, rule {@code percent-encoding})
   */
  public static FederatedCallback fromQuery(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        // The first occurrence wins; a repeated parameter is not allowed to override the state.
        parameters.putIfAbsent(decode(name), decode(value));
      }
    }
    return builder()
        .code(Optional.ofNullable(parameters.get("code")))
        .state(Optional.ofNullable(parameters.get("state")))
        .error(Optional.ofNullable(parameters.get("error")))
        .errorDescription(Optional.ofNullable(parameters.get("error_description")))
        .build();
  }

  private static String decode(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      // The JDK's message quotes the input, which may hold the code: keep it out.
      throw new InvalidRequestException("callback", RequestChecks.PERCENT_ENCODING, "the callback's query is not valid percent-encoding");
    }
  }

  /**
   * The authorization code.
   *
   * @return the code
   */
  @Value.Redacted
  public abstract Optional<String> code();

  /**
   * The {@code state} echoed back.
   *
   * @return the state
   */
  public abstract Optional<String> state();

  /**
   * The OAuth error code, such as {@code access_denied}.
   *
   * @return the error
   */
  public abstract Optional<String> error();

  /**
   * The provider's human-readable error description.
   *
   * @return the description
   */
  public abstract Optional<String> errorDescription();

  /** Builds a {@link FederatedCallback}. */
  public static final class Builder extends ImmutableFederatedCallback.Builder {
    Builder() {}
  }
}

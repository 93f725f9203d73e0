package dev.profilekit.aws.jwt.internal;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.internal.RequestChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Checks of the verifier's settings; each failure names the setting. */
public final class SettingChecks {

  private SettingChecks() {}

  /**
   * Checks an issuer: an http(s) URL without trailing slash, query or fragment.
   *
   * @param issuer the issuer
   * @return the issuer
   */
  public static String requireIssuer(String issuer) {
    if (issuer == null || issuer.isBlank()) {
      throw new InvalidRequestException("issuer", RequestChecks.REQUIRED, "must be the user pool's issuer URL");
    }
    if (issuer.endsWith("/")) {
      throw new InvalidRequestException("issuer", RequestChecks.NO_TRAILING_SLASH, "Cognito issuers never end with '/'");
    }
    try {
      requireHttpUrl("issuer", new URI(issuer));
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("issuer", RequestChecks.URL, "must be an http(s) URL");
    }
    return issuer;
  }

  /**
   * Checks a URL: https, or http on a loopback host (plain http lets anyone on the path swap the
   * keys, so it is only for emulators); no query, fragment or user info.
   *
   * @param field the setting's name
   * @param uri the URL
   * @return the URL
   */
  public static URI requireHttpUrl(String field, URI uri) {
    if (uri == null) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "must not be null");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    if (!(scheme.equals("https") || (scheme.equals("http") && loopback))) {
      throw new InvalidRequestException(field, RequestChecks.HTTPS, "must be https (http only for loopback hosts)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new InvalidRequestException(field, RequestChecks.PLAIN_URL, "must have no query, fragment or user info");
    }
    return uri;
  }

  /**
   * Checks a non-empty list of non-blank strings.
   *
   * @param field the setting's name
   * @param values the values
   * @return an immutable copy
   */
  public static List<String> nonBlank(String field, Collection<String> values) {
    if (values == null || values.isEmpty()) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "name at least one value");
    }
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new InvalidRequestException(field, RequestChecks.NOT_BLANK, "values must not be blank");
      }
    }
    return List.copyOf(values);
  }

  /**
   * Checks a duration lies within {@code [min, max]}.
   *
   * @param field the setting's name
   * @param value the value
   * @param min the minimum
   * @param max the maximum
   */
  public static void requireRange(String field, Duration value, Duration min, Duration max) {
    if (value == null) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "must not be null");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidRequestException(field, RequestChecks.RANGE, "must be between " + min + " and " + max);
    }
  }
}

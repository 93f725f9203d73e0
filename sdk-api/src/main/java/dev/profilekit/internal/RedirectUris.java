package dev.profilekit.internal;

import dev.profilekit.InvalidRequestException;
import java.net.URI;
import java.util.Locale;

/**
 * The check on callback and sign-out URLs, as Cognito accepts them for an app client: absolute
 * and hierarchical, no fragment, {@code http} only for loopback hosts, a host and no user info for
 * {@code http(s)}; custom schemes (native apps) allowed.
 */
public final class RedirectUris {

  private RedirectUris() {}

  /**
   * Checks a callback or sign-out URL.
   *
   * @param field the argument's name, for the exception ({@code redirectUri}, {@code logoutRedirectUri})
   * @param uri the URI
   * @return the URI
   * @throws InvalidRequestException if the URI is not acceptable
   */
  public static URI check(String field, URI uri) {
    if (uri == null) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "a redirect URI is required");
    }
    if (!uri.isAbsolute() || uri.isOpaque()) {
      throw new InvalidRequestException(field, RequestChecks.ABSOLUTE_URI, "must be an absolute hierarchical URI");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidRequestException(field, RequestChecks.NO_FRAGMENT, "must not have a fragment");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new InvalidRequestException(field, RequestChecks.HTTPS_REQUIRED, "http is allowed only for localhost; use https");
    }
    if ((scheme.equals("http") || scheme.equals("https")) && (uri.getHost() == null || uri.getRawUserInfo() != null)) {
      throw new InvalidRequestException(field, RequestChecks.HOST_REQUIRED, "must name a host and no user info");
    }
    return uri;
  }

  /**
   * Tells whether a host is the loopback interface, where plain {@code http} is allowed.
   *
   * @param host the host, may be null
   * @return true for {@code localhost}, {@code 127.0.0.1} and {@code [::1]}
   */
  public static boolean isLoopback(String host) {
    return host != null && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
  }
}

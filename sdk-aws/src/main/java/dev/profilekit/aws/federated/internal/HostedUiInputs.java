package dev.profilekit.aws.federated.internal;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.internal.RedirectUris;
import dev.profilekit.internal.RequestChecks;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks on what a hosted UI client is given (the user pool domain, app client id, scopes),
 * applied before any URL is built or request sent. Callback and sign-out URLs are checked by the
 * shared {@link RedirectUris}, provider text is cleaned by {@link
 * dev.profilekit.internal.ProviderText}; both are shared with the in-memory fake.
 */
public final class HostedUiInputs {

  private static final Pattern CLIENT_ID = Pattern.compile("[\\w+]{1,128}");
  /** RFC 6749 scope-token: printable ASCII except space, double quote and backslash. */
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}");

  private HostedUiInputs() {}

  /**
   * Checks the user pool domain and returns it without trailing slashes.
   *
   * @param domain the domain's base URI
   * @return the normalised base URI
   * @throws InvalidRequestException if it is missing, not https (http only for loopback), or has
   *     a query, fragment or user info
   */
  public static URI checkDomain(URI domain) {
    if (domain == null) {
      throw new InvalidRequestException("domain", RequestChecks.REQUIRED, "the user pool domain, e.g. https://myapp.auth.eu-west-1.amazoncognito.com");
    }
    String scheme = domain.getScheme() == null ? "" : domain.getScheme().toLowerCase(Locale.ROOT);
    boolean allowed = scheme.equals("https") || (scheme.equals("http") && RedirectUris.isLoopback(domain.getHost()));
    if (!allowed || domain.getHost() == null || domain.getRawQuery() != null || domain.getRawFragment() != null
        || domain.getRawUserInfo() != null) {
      throw new InvalidRequestException("domain", RequestChecks.HTTPS_ORIGIN, "an https URI with a host and no query or fragment (http only for loopback)");
    }
    String text = domain.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }

  /**
   * Checks an app client id.
   *
   * @param clientId the id
   * @throws InvalidRequestException if it is missing or malformed
   */
  public static void checkClientId(String clientId) {
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw new InvalidRequestException("clientId", clientId == null ? RequestChecks.REQUIRED : RequestChecks.FORMAT, "the app client id, 1 to 128 word characters");
    }
  }

  /**
   * Checks the scopes to request: {@code openid} among them, each a valid OAuth scope token.
   *
   * @param scopes the scopes
   * @throws InvalidRequestException if they are missing, lack {@code openid} or one is malformed
   */
  public static void checkScopes(List<String> scopes) {
    if (scopes == null || scopes.isEmpty() || !scopes.contains("openid")) {
      throw new InvalidRequestException("scopes", RequestChecks.OPENID_REQUIRED, "the scopes must include openid");
    }
    for (String scope : scopes) {
      if (scope == null || !SCOPE.matcher(scope).matches()) {
        throw new InvalidRequestException("scopes", RequestChecks.FORMAT, "each scope is 1 to 256 printable characters without spaces, quotes or backslashes");
      }
    }
  }
}

package dev.profilekit;

import dev.profilekit.internal.RequestChecks;
import java.util.regex.Pattern;

/**
 * Reads the token out of an HTTP {@code Authorization: Bearer ...} header, by RFC 6750 section
 * 2.1: the scheme {@code Bearer} in any case, exactly one space, then a {@code b64token} (letters,
 * digits, {@code - . _ ~ + /}, then optional {@code =} padding) with nothing after it.
 *
 * <pre>{@code
 * VerifiedUser user = profiles.verify(BearerToken.parse(request.getHeader("Authorization")));
 * // or: profiles.verifyBearer(request.getHeader("Authorization"))
 * }</pre>
 *
 * <p>Answer {@link InvalidRequestException#rule()} {@code required} with 401 and a bare {@code
 * WWW-Authenticate: Bearer} challenge (RFC 6750 section 3.1: no credentials, no error code), and
 * {@code bearer-syntax} with 400 {@code invalid_request}.
 */
public final class BearerToken {

  private static final String SCHEME = "Bearer";
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private BearerToken() {}

  /**
   * Returns the token of a bearer {@code Authorization} header.
   *
   * @param authorizationHeader the header's value, may be null
   * @return the token, unverified
   * @throws InvalidRequestException field {@code authorization}: rule {@code required} if the
   *     header is absent or empty, {@code bearer-syntax} if it is not {@code Bearer} + one space +
   *     a b64token (another scheme, two spaces, trailing whitespace, a comma...); the message never
   *     quotes the header
   */
  public static String parse(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isEmpty()) {
      throw new InvalidRequestException("authorization", RequestChecks.REQUIRED, "an Authorization: Bearer <token> header is required");
    }
    int prefix = SCHEME.length() + 1;
    if (authorizationHeader.length() <= prefix
        || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        || authorizationHeader.charAt(SCHEME.length()) != ' '
        || !B64TOKEN.matcher(authorizationHeader).region(prefix, authorizationHeader.length()).matches()) {
      throw new InvalidRequestException("authorization", RequestChecks.BEARER_SYNTAX,
          "the scheme Bearer (any case), one space and a token of letters, digits and -._~+/ with optional = padding, nothing after it");
    }
    return authorizationHeader.substring(prefix);
  }
}

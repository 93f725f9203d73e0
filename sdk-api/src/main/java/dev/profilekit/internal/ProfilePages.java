package dev.profilekit.internal;

import dev.profilekit.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The listing rules both implementations share ({@code ProfileAdmin.listProfiles}): a page holds
 * 1 to {@value #MAX_PAGE_SIZE} profiles, and a page token is the last user id of the previous page,
 * versioned ({@code v1:}) and base64url-encoded, so that callers treat it as opaque and a later
 * format cannot misread it. A token either implementation did not make is refused the same way.
 */
public final class ProfilePages {

  /** Largest page. */
  public static final int MAX_PAGE_SIZE = 1000;
  /** Field: the page size. */
  public static final String PAGE_SIZE = "pageSize";
  /** Field: the page token. */
  public static final String PAGE_TOKEN = "pageToken";

  private static final String PREFIX = "v1:";
  private static final int MAX_TOKEN_LENGTH = 2048;

  private ProfilePages() {}

  /**
   * Refuses a page size outside 1 to {@value #MAX_PAGE_SIZE}.
   *
   * @param pageSize the page size
   * @throws InvalidRequestException ({@value #PAGE_SIZE}, {@value RequestChecks#RANGE})
   */
  public static void checkPageSize(int pageSize) {
    RequestChecks.range(pageSize, 1, MAX_PAGE_SIZE, PAGE_SIZE);
  }

  /**
   * Returns the token of the position after a user id.
   *
   * @param lastUserId the last user id of a page
   * @return the token
   */
  public static String after(String lastUserId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastUserId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the last user id of the previous page.
   *
   * @param token a token from {@link #after(String)}
   * @return the user id
   * @throws InvalidRequestException ({@value #PAGE_TOKEN}, {@value RequestChecks#FORMAT}) for any
   *     other text; the message never quotes it
   */
  public static String lastUserId(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw invalid();
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // The cause would quote the token.
      throw invalid();
    }
    if (!decoded.startsWith(PREFIX) || decoded.length() == PREFIX.length()) {
      throw invalid();
    }
    return decoded.substring(PREFIX.length());
  }

  private static InvalidRequestException invalid() {
    return new InvalidRequestException(PAGE_TOKEN, RequestChecks.FORMAT, "pass back a nextPageToken from a previous page, unchanged");
  }
}

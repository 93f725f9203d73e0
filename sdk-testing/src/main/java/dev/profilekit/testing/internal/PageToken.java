package dev.profilekit.testing.internal;

import dev.profilekit.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque page token of the in-memory listing: the last user id of the previous page, encoded
 * and versioned so that callers cannot mistake it for something to build themselves.
 */
public final class PageToken {

  private static final String PREFIX = "pk1:";

  private PageToken() {}

  /**
   * Encodes the position after a user id.
   *
   * @param lastUserId the last user id of a page
   * @return the token
   */
  public static String after(String lastUserId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastUserId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a token.
   *
   * @param token a token from {@link #after(String)}
   * @return the last user id of the previous page
   * @throws InvalidRequestException if the token was not made by {@link #after(String)}
   */
  public static String lastUserId(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith(PREFIX) && decoded.length() > PREFIX.length()) {
        return decoded.substring(PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the typed rejection; the cause would quote the token.
    }
    throw new InvalidRequestException("pageToken", "opaque-token", "pass the nextPageToken of a previous page unchanged");
  }
}

package dev.profilekit.aws.dynamodb;

import dev.profilekit.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a {@code Scan}'s last evaluated key into the opaque page token callers pass back, and
 * back again. The token is versioned ({@code v1:}) so its format can change without misreading
 * old tokens.
 */
final class ProfilePageToken {

  private static final String PREFIX = "v1:";
  private static final int MAX_TOKEN_LENGTH = 2048;

  private ProfilePageToken() {}

  static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
    String userId = lastEvaluatedKey.get(ProfileAttributes.USER_ID).s();
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + userId).getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, AttributeValue> decode(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw invalid();
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!decoded.startsWith(PREFIX) || decoded.length() == PREFIX.length()) {
      throw invalid();
    }
    return Map.of(ProfileAttributes.USER_ID, AttributeValue.fromS(decoded.substring(PREFIX.length())));
  }

  private static InvalidRequestException invalid() {
    return new InvalidRequestException("pageToken", "format", "pass back a nextPageToken from a previous page, unchanged");
  }
}

package dev.profilekit.examples.downstream;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;

/** Turns an {@code Authorization} header into a verified user, the one way both handlers authenticate. */
final class BearerTokens {

  private BearerTokens() {}

  static VerifiedUser verify(UserProfileService profiles, String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorizationHeader.substring(7).isBlank()) {
      throw new NotAuthenticatedException("a bearer token is required", null);
    }
    try {
      return profiles.verify(authorizationHeader.substring(7).trim());
    } catch (TokenRejectedException rejected) {
      throw new NotAuthenticatedException("the bearer token was rejected (" + rejected.reason() + ")", rejected.reason());
    }
  }
}

package dev.profilekit.examples.downstream;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;

/** Turns an {@code Authorization} header into a verified user, the one way both handlers authenticate. */
final class BearerTokens {

  private BearerTokens() {}

  static VerifiedUser verify(UserProfileService profiles, String authorizationHeader) {
    try {
      return profiles.verifyBearer(authorizationHeader);
    } catch (InvalidRequestException notBearer) {
      throw new NotAuthenticatedException("a bearer token is required", null);
    } catch (TokenRejectedException rejected) {
      throw new NotAuthenticatedException("the bearer token was rejected (" + rejected.reason() + ")", rejected.reason());
    }
  }
}

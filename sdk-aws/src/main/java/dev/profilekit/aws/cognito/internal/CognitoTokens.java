package dev.profilekit.aws.cognito.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens Cognito issued at sign-in or refresh. Secrets: {@link #toString()} masks them.
 *
 * @param idToken the ID token
 * @param accessToken the access token
 * @param refreshToken the refresh token (sign-in only)
 * @param expiresAt when the ID and access tokens expire
 */
public record CognitoTokens(String idToken, String accessToken, Optional<String> refreshToken, Instant expiresAt) {

  /** Checks that every part is present. */
  public CognitoTokens {
    Objects.requireNonNull(idToken, "idToken");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "CognitoTokens[idToken=****, accessToken=****, refreshToken=" + (refreshToken.isPresent() ? "****" : "none")
        + ", expiresAt=" + expiresAt + "]";
  }
}

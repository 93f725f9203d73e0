package dev.profilekit.aws.federated.internal;

import java.util.Objects;
import java.util.Optional;

/** The tokens a successful token endpoint response carried. {@link #toString()} shows none of them. */
public final class TokenResponse {

  private final String idToken;
  private final String accessToken;
  private final Optional<String> refreshToken;
  private final Optional<Long> expiresInSeconds;

  TokenResponse(String idToken, String accessToken, Optional<String> refreshToken, Optional<Long> expiresInSeconds) {
    this.idToken = Objects.requireNonNull(idToken);
    this.accessToken = Objects.requireNonNull(accessToken);
    this.refreshToken = refreshToken;
    this.expiresInSeconds = expiresInSeconds;
  }

  /**
   * The ID token (not yet verified).
   *
   * @return the raw JWT
   */
  public String idToken() {
    return idToken;
  }

  /**
   * The access token.
   *
   * @return the raw token
   */
  public String accessToken() {
    return accessToken;
  }

  /**
   * The refresh token, when the grant issued one.
   *
   * @return the refresh token
   */
  public Optional<String> refreshToken() {
    return refreshToken;
  }

  /**
   * {@code expires_in}: the access and ID tokens' lifetime in seconds, when given.
   *
   * @return the lifetime
   */
  public Optional<Long> expiresInSeconds() {
    return expiresInSeconds;
  }

  @Override
  public String toString() {
    return "TokenResponse{idToken=****, accessToken=****, refreshToken=" + (refreshToken.isPresent() ? "****" : "none")
        + ", expiresInSeconds=" + expiresInSeconds.map(String::valueOf).orElse("none") + "}";
  }
}

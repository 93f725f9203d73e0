package dev.profilekit;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The tokens of a signed-in user and who they belong to.
 *
 * <p>Tokens are secrets: {@link #toString()} masks them, and nothing in ProfileKit logs them.
 */
@Value.Immutable
public abstract class AuthSession {

  AuthSession() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The OpenID Connect ID token (a JWT with the user's attributes).
   *
   * @return the ID token
   */
  @Value.Redacted
  public abstract String idToken();

  /**
   * The OAuth 2.0 access token (a JWT with scopes and groups).
   *
   * @return the access token
   */
  @Value.Redacted
  public abstract String accessToken();

  /**
   * The refresh token. Sessions from sign-in carry one; a refreshed session carries the same
   * refresh token it was refreshed with. Absent only where the issuer sent none.
   *
   * @return the refresh token
   */
  @Value.Redacted
  public abstract Optional<String> refreshToken();

  /**
   * When the ID and access tokens expire.
   *
   * @return the expiry instant
   */
  public abstract Instant expiresAt();

  /**
   * The user the ID token speaks for, already verified.
   *
   * @return the user
   */
  public abstract VerifiedUser user();

  /** Builds an {@link AuthSession}. */
  public static final class Builder extends ImmutableAuthSession.Builder {
    Builder() {}
  }
}

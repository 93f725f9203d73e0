package dev.profilekit.internal;

import dev.profilekit.TokenRejectedException;
import java.util.Objects;
import java.util.Optional;

/**
 * Refresh token rotation, in one place; both implementations call it.
 *
 * <p>An app client with rotation enabled answers each refresh ({@code GetTokensFromRefreshToken})
 * with new ID and access tokens and a new refresh token, and invalidates the refresh token it
 * was given: each refresh token refreshes once. A refresh with a token rotation replaced is
 * refused ({@code RefreshTokenReuseException} on AWS) as {@link #reused}: {@code REVOKED}, the
 * same verdict as a token signed out, because the caller can only sign in again or use the
 * session that holds the replacement. The replacement belongs to the same session: it expires
 * when the refresh token of the sign-in would have, and signing the session out revokes it.
 * Without rotation, a refresh returns no refresh token and the session keeps the one it has.
 */
public final class RefreshRotation {

  private RefreshRotation() {}

  /**
   * Returns the refresh token a refreshed session holds: the replacement when the backend rotated
   * the presented one, else the presented one (an app client without rotation returns none).
   *
   * @param presented the refresh token the refresh was made with
   * @param replacement the refresh token the backend answered with, if any
   * @return the refresh token of the refreshed session
   */
  public static String refreshTokenAfter(String presented, Optional<String> replacement) {
    Objects.requireNonNull(presented, "presented");
    return replacement.filter(token -> !token.isEmpty()).orElse(presented);
  }

  /**
   * Returns the refusal of a refresh token that rotation already replaced. The message names
   * neither token.
   *
   * @param detail what the backend adds (an operation, a request id), or empty
   * @return the exception to throw: reason {@code REVOKED}
   */
  public static TokenRejectedException reused(String detail) {
    return new TokenRejectedException(TokenRejectedException.Reason.REVOKED,
        "The refresh token was already used once: with refresh token rotation each refresh token refreshes once, and the"
            + " session that refresh returned holds its replacement; sign in again" + (detail == null ? "" : detail));
  }
}

package dev.profilekit;

import java.util.Objects;

/**
 * A token failed verification. {@link #reason()} says why in a form code can switch on; the
 * message never contains the token.
 */
public class TokenRejectedException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /** Why a token was rejected. */
  public enum Reason {
    /** Not a well-formed JWT: segments, base64url, JSON or claim types are wrong. */
    MALFORMED,
    /** Longer than the configured maximum; rejected before parsing. */
    TOO_LARGE,
    /** The header's {@code alg} is not allowed ({@code none}, HS256, ...), or a {@code crit} header is not understood. */
    ALGORITHM_NOT_ALLOWED,
    /** The header names no key, or a key that is not in the user pool's key set. */
    UNKNOWN_KEY,
    /** The signature does not verify with the user pool's key. */
    BAD_SIGNATURE,
    /** {@code exp} is missing from the token. */
    MISSING_EXPIRY,
    /** The token expired ({@code exp} is now or in the past, beyond the allowed clock skew). */
    EXPIRED,
    /** {@code nbf} is in the future, beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** {@code iat} is in the future, beyond the allowed clock skew, or missing. */
    ISSUED_IN_FUTURE,
    /** {@code exp - iat} is longer than the configured maximum lifetime. */
    LIFETIME_TOO_LONG,
    /** {@code iss} is not a configured user pool. */
    WRONG_ISSUER,
    /** {@code aud} (ID tokens) or {@code client_id} (access tokens) is not an allowed app client. */
    WRONG_AUDIENCE,
    /** {@code token_use} is not the kind this verifier accepts. */
    WRONG_TOKEN_USE,
    /** The user is not in a required group. */
    MISSING_GROUP,
    /** The access token lacks a required scope. */
    MISSING_SCOPE,
    /** The ID token's {@code nonce} does not match the sign-in that requested it. */
    NONCE_MISMATCH,
    /**
     * Revoked: issued before the user signed out everywhere, of a session signed out, or a refresh
     * token that refresh token rotation already replaced.
     */
    REVOKED,
    /** A custom check configured by the application refused the token. */
    CUSTOM_CHECK_FAILED,
    /** The key set could not be fetched and the token's key is not cached; retrying may help. */
    KEYS_UNAVAILABLE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the token was rejected
   * @param message a description that does not contain the token
   */
  public TokenRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason why the token was rejected
   * @param message a description that does not contain the token
   * @param cause the underlying failure
   */
  public TokenRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why the token was rejected.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /** Only a key-set outage is worth retrying; every other rejection is final for that token. */
  @Override
  public boolean isRetryable() {
    return reason == Reason.KEYS_UNAVAILABLE;
  }
}

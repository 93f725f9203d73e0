package dev.profilekit.aws.jwt;

import java.time.Instant;
import java.util.Optional;

/**
 * Tells the verifier since when a user's tokens are valid, so tokens issued before a "sign out
 * everywhere" are rejected with {@link dev.profilekit.TokenRejectedException.Reason#REVOKED}.
 *
 * <p>An implementation is called once per {@link CognitoTokenVerifier#verify(String)} that passed
 * every other check, including calls answered from the verified-token cache, so that a sign-out
 * takes effect at once. It may throw a {@link dev.profilekit.ProfileKitException} (for example
 * {@link dev.profilekit.ServiceUnavailableException}) when it cannot tell; the verifier then
 * rejects nothing and accepts nothing: the exception reaches the caller unchanged (fail closed).
 *
 * <p>Comparison is at whole-second precision because {@code iat} has whole seconds: a token is
 * revoked when its {@code iat} is before {@code tokensValidAfter} truncated to the second. A token
 * issued in the same second as the sign-out therefore stays valid, so that a user who signs in
 * again right after signing out everywhere is not locked out.
 */
@FunctionalInterface
public interface TokenRevocations {

  /**
   * Returns the instant before which the user's tokens are no longer accepted, or empty when the
   * user never signed out everywhere.
   *
   * @param userId the user's id (the token's {@code sub})
   * @return the instant tokens must be issued at or after, if any
   */
  Optional<Instant> tokensValidAfter(String userId);
}

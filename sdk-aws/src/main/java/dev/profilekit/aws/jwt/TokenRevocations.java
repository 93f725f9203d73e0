package dev.profilekit.aws.jwt;

import java.time.Instant;
import java.util.Optional;

/**
 * Tells the verifier when a user last signed out everywhere, so tokens issued before it are rejected with {@link dev.profilekit.TokenRejectedException.Reason#REVOKED}.
 *
 * <p>An implementation is called once per {@link CognitoTokenVerifier#verify(String)} that passed
 * every other check, including calls answered from the verified-token cache, so that a sign-out
 * takes effect at once. It may throw a {@link dev.profilekit.ProfileKitException} (for example
 * {@link dev.profilekit.ServiceUnavailableException}) when it cannot tell; the verifier then
 * rejects nothing and accepts nothing: the exception reaches the caller unchanged (fail closed).
 *
 * <p>Comparison is at whole-second precision because {@code iat} has whole seconds: a token is
 * revoked when its {@code iat} is at or before {@code tokensValidAfter} truncated to the second.
 * A token issued in the same second as the sign-out is therefore revoked too (nobody can tell
 * whether it came before or after), and a sign-in from the next second on is accepted. The
 * in-memory service applies the same rule.
 */
@FunctionalInterface
public interface TokenRevocations {

  /**
   * Returns the instant of the user's last "sign out everywhere", or empty when the user never
   * signed out everywhere. Tokens are valid only if issued in a later second.
   *
   * @param userId the user's id (the token's {@code sub})
   * @return the sign-out instant, if any
   */
  Optional<Instant> tokensValidAfter(String userId);
}

package dev.profilekit;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of a sign-in step: either a session, or a challenge the caller must answer.
 *
 * <p>Exactly one of {@link #session()} and {@link #challenge()} is present.
 */
@Value.Immutable
public abstract class SignInResult {

  SignInResult() {}

  /**
   * Returns a completed sign-in.
   *
   * @param session the session
   * @return the result
   */
  public static SignInResult signedIn(AuthSession session) {
    return ImmutableSignInResult.builder().session(session).build();
  }

  /**
   * Returns a sign-in that needs an answer to a challenge.
   *
   * @param challenge the challenge
   * @return the result
   */
  public static SignInResult challenged(AuthChallenge challenge) {
    return ImmutableSignInResult.builder().challenge(challenge).build();
  }

  /**
   * The session, when sign-in completed.
   *
   * @return the session
   */
  public abstract Optional<AuthSession> session();

  /**
   * The challenge, when Cognito needs more before it issues tokens.
   *
   * @return the challenge
   */
  public abstract Optional<AuthChallenge> challenge();

  /**
   * Tells whether sign-in completed.
   *
   * @return true when {@link #session()} is present
   */
  public final boolean isSignedIn() {
    return session().isPresent();
  }

  /**
   * Returns the session of a completed sign-in.
   *
   * @return the session
   * @throws IllegalStateException if a challenge must be answered first
   */
  public final AuthSession sessionOrThrow() {
    return session()
        .orElseThrow(() -> new IllegalStateException("sign-in needs an answer to " + challenge().map(c -> c.type().name()).orElse("a challenge")));
  }

  @Value.Check
  void checkExactlyOne() {
    if (session().isPresent() == challenge().isPresent()) {
      throw new IllegalStateException("a sign-in result has either a session or a challenge");
    }
  }
}

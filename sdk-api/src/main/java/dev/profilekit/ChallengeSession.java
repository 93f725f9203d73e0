package dev.profilekit;

import org.immutables.value.Value;

/**
 * What ties an answer to the sign-in that asked for it: the user the step is for and the opaque
 * session the backend issued. Carried by every {@link SignInStep} but {@link SignInStep.Done}.
 *
 * <p>The session is a secret (it lets whoever holds it answer the step in the user's place for a
 * few minutes): it is masked in {@link #toString()}. Keep it on the server side of the app.
 */
@Value.Immutable
public abstract class ChallengeSession {

  ChallengeSession() {}

  /**
   * Creates a challenge session.
   *
   * @param challengeName the backend's name of the step (on Cognito, the {@code ChallengeName},
   *     such as {@code SMS_MFA} or {@code SMS_OTP}); the answer names it again
   * @param username the username the backend expects in the answer (on Cognito, {@code
   *     USER_ID_FOR_SRP} where it sent one)
   * @param session the opaque session
   * @return the value
   */
  public static ChallengeSession of(String challengeName, String username, String session) {
    return ImmutableChallengeSession.builder().challengeName(challengeName).username(username).session(session).build();
  }

  /**
   * The backend's name of the step, for example {@code SOFTWARE_TOKEN_MFA}; not a secret.
   *
   * @return the challenge name
   */
  public abstract String challengeName();

  /**
   * The username the answer must name.
   *
   * @return the username
   */
  public abstract String username();

  /**
   * The opaque session that ties an answer to this sign-in.
   *
   * @return the session
   */
  @Value.Redacted
  public abstract String session();
}

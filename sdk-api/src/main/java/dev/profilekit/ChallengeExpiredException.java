package dev.profilekit;

/**
 * The sign-in step was answered after its challenge session expired (Cognito keeps one for three
 * minutes by default): start the sign-in again. Cognito answers such a late answer with {@code
 * NotAuthorizedException} "Invalid session for the user, session is expired."; the in-memory
 * service refuses it the same way.
 *
 * <p>An {@link InvalidCredentialsException}, as before this type existed, so existing handlers still
 * catch it; a session that is not one at all stays a plain {@link InvalidCredentialsException}.
 */
public class ChallengeExpiredException extends InvalidCredentialsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what expired, with no secret in it
   */
  public ChallengeExpiredException(String message) {
    super(message);
  }
}

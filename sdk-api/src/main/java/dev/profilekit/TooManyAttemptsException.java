package dev.profilekit;

/**
 * The user failed an action too many times (wrong MFA or sign-in codes, wrong passwords) and the
 * user pool refuses it for a while: Cognito's {@code TooManyFailedAttemptsException}.
 *
 * <p>Unlike {@link ThrottledException}, which is about request rates and clears within ProfileKit's
 * retries, this is about the user: retrying at once fails the same way, so it is not retryable.
 * Tell the user to wait, or let an administrator help.
 */
public class TooManyAttemptsException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused, with no secret in it
   */
  public TooManyAttemptsException(String message) {
    super(message);
  }
}

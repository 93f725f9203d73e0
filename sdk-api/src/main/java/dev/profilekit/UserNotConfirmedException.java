package dev.profilekit;

/** The user signed up but has not confirmed their email with the code sent to them. */
public class UserNotConfirmedException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public UserNotConfirmedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, with no secret in it
   * @param cause the underlying failure
   */
  public UserNotConfirmedException(String message, Throwable cause) {
    super(message, cause);
  }
}

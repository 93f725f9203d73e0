package dev.profilekit;

/** Sign-up was refused because an account with that username or email exists. */
public class UserAlreadyExistsException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public UserAlreadyExistsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, with no secret in it
   * @param cause the underlying failure
   */
  public UserAlreadyExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}

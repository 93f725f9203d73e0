package dev.profilekit;

/** An administrative operation named a user the user pool does not have. */
public class UserNotFoundException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public UserNotFoundException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, with no secret in it
   * @param cause the underlying failure
   */
  public UserNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}

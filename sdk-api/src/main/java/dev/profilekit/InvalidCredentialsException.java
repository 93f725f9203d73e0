package dev.profilekit;

/** The username or password is wrong. Deliberately the same for an unknown user and a wrong password, so that callers cannot probe which emails have accounts. */
public class InvalidCredentialsException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public InvalidCredentialsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, with no secret in it
   * @param cause the underlying failure
   */
  public InvalidCredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}

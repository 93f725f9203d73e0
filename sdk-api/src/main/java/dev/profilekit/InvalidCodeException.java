package dev.profilekit;

/** A confirmation or password-reset code is wrong or expired. */
public class InvalidCodeException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public InvalidCodeException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, with no secret in it
   * @param cause the underlying failure
   */
  public InvalidCodeException(String message, Throwable cause) {
    super(message, cause);
  }
}

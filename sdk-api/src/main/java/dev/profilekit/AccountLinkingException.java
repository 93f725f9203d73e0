package dev.profilekit;

/** Linking an external identity to an existing user was refused. */
public class AccountLinkingException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public AccountLinkingException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, with no secret in it
   * @param cause the underlying failure
   */
  public AccountLinkingException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.profilekit;

/** A new password does not meet the user pool's password policy. */
public class PasswordPolicyException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public PasswordPolicyException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, with no secret in it
   * @param cause the underlying failure
   */
  public PasswordPolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.profilekit;

/**
 * An administrator forced a password reset ({@link ProfileAdmin#resetPassword(String)}): the old
 * password no longer signs in. Finish the reset with {@link
 * UserProfileService#confirmForgotPassword(String, String, String)} and the code sent to the
 * user (or ask for a new one with {@link UserProfileService#forgotPassword(String)}). A subclass
 * of {@link InvalidCredentialsException}, the sign-in failure it used to be reported as.
 */
public class PasswordResetRequiredException extends InvalidCredentialsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public PasswordResetRequiredException(String message) {
    super(message);
  }
}

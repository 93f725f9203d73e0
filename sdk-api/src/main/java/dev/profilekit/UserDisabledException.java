package dev.profilekit;

/**
 * The account is disabled by an administrator ({@link ProfileAdmin#disableUser(String)}): sign-in
 * and refresh fail until it is enabled again. A subclass of {@link InvalidCredentialsException},
 * so code that treats every refused sign-in alike keeps working; Cognito itself tells this case
 * apart ({@code NotAuthorizedException} "User is disabled.").
 */
public class UserDisabledException extends InvalidCredentialsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public UserDisabledException(String message) {
    super(message);
  }
}

package dev.profilekit;

/**
 * An email change was refused because the new email already belongs to another account of the
 * user pool (Cognito's {@code AliasExistsException}). Nothing was changed: the user keeps signing
 * in with their current email.
 */
public class EmailInUseException extends UserAlreadyExistsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public EmailInUseException(String message) {
    super(message);
  }
}

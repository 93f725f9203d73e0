package dev.profilekit;

/**
 * The user has no passkey with the given credential id (never registered, or already deleted), as
 * Cognito's {@code DeleteWebAuthnCredential} answers with {@code ResourceNotFoundException}.
 */
public class PasskeyNotFoundException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public PasskeyNotFoundException(String message) {
    super(message);
  }
}

package dev.profilekit;

/**
 * ProfileKit's settings do not match the user pool or its app client, so no call of this kind can
 * succeed until the configuration is fixed: for example the app client has a secret and ProfileKit
 * was given none, or a wrong one ({@code SECRET_HASH} refused).
 *
 * <p>Distinct from {@link InvalidCredentialsException} and {@link TokenRejectedException}: the
 * user's password or token may be perfectly good. The message says which setting to check; it
 * never contains the secret, the client id or what Cognito said.
 */
public class ClientConfigurationException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which setting to check, with no secret in it
   */
  public ClientConfigurationException(String message) {
    super(message);
  }
}

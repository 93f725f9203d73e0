package dev.profilekit;

import java.util.Objects;

/**
 * A passkey credential the browser returned was refused while registering it ({@link
 * UserProfileService#completePasskeyRegistration(AuthSession, String)}): it answers another
 * challenge, was made for another relying party or origin, or uses a key ProfileKit's user pool
 * does not accept. Nothing was registered; start the registration again.
 *
 * <p>A refused passkey at sign-in is an {@link InvalidCredentialsException}, as a wrong password
 * is (Cognito answers both with {@code NotAuthorizedException}).
 */
public class PasskeyRejectedException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /** Why the credential was refused. */
  public enum Reason {
    /** It answers another challenge than the pending registration's, or none is pending (Cognito: {@code WebAuthnChallengeNotFoundException}). */
    CHALLENGE,
    /** It was made for another relying party id ({@code WebAuthnRelyingPartyMismatchException}). */
    RELYING_PARTY,
    /** The browser's origin does not belong to the relying party ({@code WebAuthnOriginNotAllowedException}). */
    ORIGIN,
    /** The registration was started through another app client ({@code WebAuthnClientMismatchException}). */
    CLIENT,
    /** The authenticator or its key type is not supported ({@code WebAuthnCredentialNotSupportedException}). */
    UNSUPPORTED,
    /** A signature over the ceremony's data does not verify with the credential's key. */
    SIGNATURE,
    /** The authenticator's signature counter did not move forward: a cloned authenticator, says WebAuthn. */
    SIGN_COUNT,
    /** The authenticator did not report the user present. */
    USER_PRESENCE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the credential was refused
   * @param message what went wrong, with no secret in it
   */
  public PasskeyRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the credential was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}

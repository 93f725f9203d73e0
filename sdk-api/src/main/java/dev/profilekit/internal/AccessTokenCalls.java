package dev.profilekit.internal;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;

/**
 * The rule of the calls a session authorises with its access token alone, the same on both
 * implementations: Cognito's token-authorised user APIs ({@code ChangePassword}, {@code
 * SetUserMFAPreference}, {@code GlobalSignOut}, {@code AssociateSoftwareToken}, {@code VerifySoftwareToken}, the four
 * WebAuthn calls, {@code UpdateUserAttributes}, {@code DeleteUser}, {@code GetUser} for the account
 * export) take an access token, so the session's token is verified locally first (signature,
 * expiry, revocation: one verdict whatever Cognito's own checks say) and an ID token in its place
 * is refused before any call.
 */
public final class AccessTokenCalls {

  /**
   * The calls under this rule, each with the words its refusal starts with, so that both
   * implementations refuse a call in the same words.
   */
  public enum Call {
    /** {@code changePassword}. */
    CHANGING_THE_PASSWORD("Changing the password"),
    /** {@code setMfaPreference}. */
    SETTING_THE_MFA_PREFERENCE("Setting the MFA preference"),
    /** {@code startTotpEnrolment}, {@code verifyTotpEnrolment}. */
    ENROLLING_AN_APP("Enrolling an authenticator app"),
    /** {@code startPasskeyRegistration}, {@code completePasskeyRegistration}. */
    REGISTERING_A_PASSKEY("Registering a passkey"),
    /** {@code listPasskeys}, {@code deletePasskey}. */
    MANAGING_PASSKEYS("Managing passkeys"),
    /** {@code requestEmailChange}, {@code confirmEmailChange}. */
    CHANGING_THE_EMAIL("Changing the email"),
    /** {@code signOutEverywhere} ({@code GlobalSignOut}). */
    SIGNING_OUT_EVERYWHERE("Signing out everywhere"),
    /** {@code deleteAccount}. */
    DELETING_AN_ACCOUNT("Deleting an account"),
    /** {@code exportAccount}. */
    EXPORTING_AN_ACCOUNT("Exporting an account");

    private final String action;

    Call(String action) {
      this.action = action;
    }

    /** @return what the call does, as its refusal says it */
    public String action() {
      return action;
    }
  }

  private AccessTokenCalls() {}

  /**
   * Returns the user a session's verified access token speaks for, refusing any other token.
   *
   * @param verified the user verified from the session's access token
   * @param call the call the token is to authorise
   * @return the user
   * @throws TokenRejectedException ({@code WRONG_TOKEN_USE}) for an ID token
   */
  public static VerifiedUser accessUser(VerifiedUser verified, Call call) {
    if (verified.tokenUse() != TokenUse.ACCESS) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_TOKEN_USE,
          call.action() + " needs the session's access token");
    }
    return verified;
  }
}

package dev.profilekit.internal;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;

/**
 * The rule of the calls a session authorises with its access token alone, the same on both
 * implementations: Cognito's token-authorised user APIs ({@code DeleteUser}, {@code
 * UpdateUserAttributes}, {@code AssociateSoftwareToken}, {@code VerifySoftwareToken}, {@code GetUser}
 * for the account export, ...) take
 * an access token, so the session's token is verified locally first (signature, expiry,
 * revocation: one verdict whatever Cognito's own checks say) and an ID token in its place is
 * refused before any call.
 */
public final class AccessTokenCalls {

  private AccessTokenCalls() {}

  /**
   * Returns the user a session's verified access token speaks for, refusing any other token.
   *
   * @param verified the user verified from the session's access token
   * @param action what the call does, for the message, e.g. {@code "Deleting an account"}
   * @return the user
   * @throws TokenRejectedException ({@code WRONG_TOKEN_USE}) for an ID token
   */
  public static VerifiedUser accessUser(VerifiedUser verified, String action) {
    if (verified.tokenUse() != TokenUse.ACCESS) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_TOKEN_USE,
          action + " needs the session's access token");
    }
    return verified;
  }
}

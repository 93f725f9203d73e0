package dev.profilekit.aws.federated.internal;

import com.nimbusds.jwt.JWTParser;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.internal.Pkce;
import java.text.ParseException;
import java.util.function.Function;

/** The checks on an ID token the token endpoint returned, beyond what the verifier does. */
public final class IdTokenChecks {

  private IdTokenChecks() {}

  /**
   * Verifies the ID token and checks that it is an ID token issued to this app client: the
   * verifier may accept several app clients, or access tokens too.
   *
   * @param verifier the pool's verifier
   * @param clientId this app client
   * @param idToken the raw token
   * @return the verified user
   * @throws TokenRejectedException if the token is not acceptable
   */
  public static VerifiedUser verify(Function<String, VerifiedUser> verifier, String clientId, String idToken) {
    VerifiedUser user = verifier.apply(idToken);
    if (user.tokenUse() != TokenUse.ID) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_TOKEN_USE, "the token endpoint's id_token is not an ID token");
    }
    if (!user.clientId().equals(clientId)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_AUDIENCE, "the ID token was issued to another app client");
    }
    return user;
  }

  /**
   * Checks that an already verified ID token carries the nonce the sign-in started with, which
   * proves the token was minted for this sign-in and not replayed from another.
   *
   * @param verifiedIdToken the token, already verified
   * @param expectedNonce the pending sign-in's nonce
   * @throws TokenRejectedException with reason {@code NONCE_MISMATCH} if the nonce is missing or differs
   */
  public static void requireNonce(String verifiedIdToken, String expectedNonce) {
    Object nonce;
    try {
      nonce = JWTParser.parse(verifiedIdToken).getJWTClaimsSet().getClaim("nonce");
    } catch (ParseException e) {
      // Unreachable after a successful verification, which parsed the same token.
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "the ID token's claims cannot be read");
    }
    if (!Pkce.constantTimeEquals(expectedNonce, nonce instanceof String text ? text : null)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NONCE_MISMATCH,
          "the ID token's nonce is missing or is not the one this sign-in started with");
    }
  }
}

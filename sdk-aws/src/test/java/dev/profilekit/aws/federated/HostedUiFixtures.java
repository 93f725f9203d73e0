package dev.profilekit.aws.federated;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.util.function.Function;

/** Builds hosted UI clients wired to a {@link LoopbackCognitoDomain}. */
final class HostedUiFixtures {

  private HostedUiFixtures() {}

  static CognitoHostedUi hostedUi(LoopbackCognitoDomain domain, String clientId, String clientSecret) {
    return CognitoHostedUi.builder()
        .domain(domain.domain())
        .clientId(clientId)
        .clientSecret(clientSecret)
        .idTokenVerifier(verifier(domain, clientId))
        .build();
  }

  // TEMPORARY until CognitoTokenVerifier lands: checks signature, issuer and audience only.
  private static Function<String, VerifiedUser> verifier(LoopbackCognitoDomain domain, String clientId) {
    return token -> {
      try {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(new RSASSAVerifier(domain.signingKey().toRSAPublicKey()))) {
          throw new TokenRejectedException(TokenRejectedException.Reason.BAD_SIGNATURE, "bad signature");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (!claims.getAudience().contains(clientId)) {
          throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_AUDIENCE, "wrong audience");
        }
        return VerifiedUser.builder()
            .userId(claims.getSubject())
            .username(claims.getStringClaim("cognito:username"))
            .email(java.util.Optional.ofNullable(claims.getStringClaim("email")))
            .tokenUse(TokenUse.ID)
            .clientId(clientId)
            .issuer(claims.getIssuer())
            .issuedAt(claims.getIssueTime().toInstant())
            .expiresAt(claims.getExpirationTime().toInstant())
            .build();
      } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
        throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "malformed", e);
      }
    };
  }
}

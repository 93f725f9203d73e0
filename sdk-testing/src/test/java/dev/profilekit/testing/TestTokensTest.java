package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The minter's tokens: Cognito's shape, verifiable with the published JWKS, broken exactly as asked. */
class TestTokensTest {

  private static final TestClock CLOCK = TestClock.startingNow();
  private static final InMemoryUserProfileService FAKE = InMemoryUserProfileService.builder().clock(CLOCK).build();
  private static final SeededUser ADA = FAKE.seed(TestUsers.google("ada@example.com").givenName("Ada").familyName("Lovelace").groups("admins"));
  private static final TestTokens TOKENS = FAKE.tokens();

  @Test
  void theJwksVerifiesAValidTokenWithoutTheFake() throws Exception {
    SignedJWT jwt = SignedJWT.parse(TOKENS.validIdToken(ADA));
    RSAKey key = JWKSet.parse(TestTokens.jwksJson()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();

    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(key.isPrivate()).as("the JWKS holds public keys only").isFalse();
    assertThat(TestTokens.jwksJson()).doesNotContain("\"d\"");
  }

  @Test
  void anIdTokenHasCognitosClaims() throws Exception {
    Map<String, Object> claims = SignedJWT.parse(TOKENS.validIdToken(ADA)).getJWTClaimsSet().getClaims();

    assertThat(claims).containsKeys("iss", "sub", "aud", "token_use", "cognito:username", "cognito:groups", "identities",
        "email", "email_verified", "exp", "iat", "auth_time", "jti");
    assertThat(claims.get("token_use")).isEqualTo("id");
    assertThat(claims.get("email_verified")).isEqualTo(true);
    assertThat(claims.get("cognito:username")).isEqualTo(ADA.username());
    assertThat(ADA.username()).startsWith("Google_");
  }

  @Test
  void anAccessTokenHasCognitosClaims() throws Exception {
    Map<String, Object> claims = SignedJWT.parse(TOKENS.validAccessToken(ADA)).getJWTClaimsSet().getClaims();

    assertThat(claims).containsKeys("iss", "sub", "client_id", "token_use", "username", "scope", "exp", "iat", "auth_time", "jti")
        .doesNotContainKeys("aud", "email");
    assertThat(claims.get("token_use")).isEqualTo("access");
  }

  @Test
  void theFakeReadsAMintedIdTokenAsTheSeededUser() {
    VerifiedUser user = FAKE.verify(TOKENS.validIdToken(ADA));

    assertThat(user.userId()).isEqualTo(ADA.userId());
    assertThat(user.tokenUse()).isEqualTo(TokenUse.ID);
    assertThat(user.groups()).containsExactly("admins");
    assertThat(user.identityProvider()).isEqualTo(dev.profilekit.IdentityProvider.GOOGLE);
    assertThat(user.linkedIdentities()).singleElement().satisfies(identity -> assertThat(identity.providerUserId()).isNotBlank());
    assertThat(user.attributes()).containsEntry("given_name", "Ada").containsEntry("family_name", "Lovelace")
        .containsEntry("email_verified", "true").containsKey("picture");
  }

  @Test
  void anAccessTokenOfAFederatedUserNamesTheProviderThroughTheUsername() {
    VerifiedUser user = FAKE.verify(TOKENS.validAccessToken(ADA));

    assertThat(user.identityProvider()).isEqualTo(dev.profilekit.IdentityProvider.GOOGLE);
    assertThat(user.linkedIdentities()).singleElement().satisfies(identity -> assertThat(ADA.username()).endsWith(identity.providerUserId()));
  }

  static Stream<Arguments> brokenTokens() {
    return Stream.of(
        broken("expired", TOKENS::expiredIdToken, Reason.EXPIRED),
        broken("wrong audience", TOKENS::wrongAudienceIdToken, Reason.WRONG_AUDIENCE),
        broken("wrong issuer", TOKENS::wrongIssuerIdToken, Reason.WRONG_ISSUER),
        broken("wrong token_use", TOKENS::wrongTokenUseIdToken, Reason.WRONG_TOKEN_USE),
        broken("untrusted key", TOKENS::badSignatureIdToken, Reason.BAD_SIGNATURE),
        broken("not yet valid", TOKENS::notYetValidIdToken, Reason.NOT_YET_VALID),
        broken("unknown kid", TOKENS::unknownKeyIdToken, Reason.UNKNOWN_KEY),
        broken("no kid", u -> TOKENS.idToken(u).keyId(null).sign(), Reason.UNKNOWN_KEY),
        broken("tampered signature", u -> TOKENS.idToken(u).tamperedSignature().sign(), Reason.BAD_SIGNATURE),
        broken("alg none", u -> TOKENS.idToken(u).unsigned().sign(), Reason.ALGORITHM_NOT_ALLOWED),
        broken("HS256 with the public key", u -> TOKENS.idToken(u).hmacSignedWithPublicKey().sign(), Reason.ALGORITHM_NOT_ALLOWED),
        broken("no exp", u -> TOKENS.idToken(u).withoutClaim("exp").sign(), Reason.MISSING_EXPIRY),
        broken("no iat", u -> TOKENS.idToken(u).withoutClaim("iat").sign(), Reason.ISSUED_IN_FUTURE),
        broken("iat in the future", u -> TOKENS.idToken(u).issuedInFuture().sign(), Reason.ISSUED_IN_FUTURE),
        broken("access token for another client", u -> TOKENS.accessToken(u).audience("other").sign(), Reason.WRONG_AUDIENCE),
        broken("exp not a number", u -> TOKENS.idToken(u).claim("exp", "tomorrow").sign(), Reason.MALFORMED),
        broken("two audiences", u -> TOKENS.idToken(u).claim("aud", List.of(TOKENS.clientId(), "other")).sign(), Reason.WRONG_AUDIENCE),
        broken("oversized", u -> TOKENS.idToken(u).claim("custom:blob", "x".repeat(20_000)).sign(), Reason.TOO_LARGE),
        broken("not a JWT", u -> "definitely-not-a-jwt", Reason.MALFORMED),
        broken("empty", u -> "", Reason.MALFORMED));
  }

  private static Arguments broken(String name, Function<SeededUser, String> token, Reason reason) {
    return Arguments.of(name, token, reason);
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("brokenTokens")
  void everyBrokenTokenIsRejectedWithItsReason(String name, Function<SeededUser, String> token, Reason reason) {
    String minted = token.apply(ADA);

    assertThatThrownBy(() -> FAKE.verify(minted)).isInstanceOfSatisfying(TokenRejectedException.class, e -> {
      assertThat(e.reason()).isEqualTo(reason);
      if (!minted.isEmpty()) {
        assertThat(e.getMessage()).doesNotContain(minted);
      }
    });
  }

  @Test
  void aMinterOnItsOwnClockDatesTokensByIt() {
    TestClock past = TestClock.at(CLOCK.instant().minus(Duration.ofDays(3)));
    TestTokens old = TestTokens.forUserPool(TOKENS.issuer(), TOKENS.clientId(), past);

    assertThatThrownBy(() -> FAKE.verify(old.validIdToken(ADA)))
        .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void aTokenForABareUserIdIsAcceptedAndCarriesNoAttributes() {
    VerifiedUser user = FAKE.verify(TOKENS.idToken("3f6c0d8e-user").sign());

    assertThat(user.userId()).isEqualTo("3f6c0d8e-user");
    assertThat(user.attributes()).isEmpty();
    assertThat(FAKE.getProfile(user).userId()).isEqualTo("3f6c0d8e-user");
  }
}

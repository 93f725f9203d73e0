package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rejection's message says what is actually wrong, and the audience rule is configurable. */
class RejectionMessagesTest {

  private static TokenRejectedException rejection(CognitoTokenVerifier verifier, String token) {
    try {
      verifier.verify(token);
    } catch (TokenRejectedException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aNumericKidIsSaidToBeNoStringNotMissing() {
    String token = TokenMinter.sign("{\"kid\":12345,\"alg\":\"RS256\"}",
        nimbusJson(TokenMinter.accessClaims(HostileTokens.NOW)), TestKeys.POOL_KEY);

    TokenRejectedException e = rejection(HostileTokens.baseVerifier().build(), token);

    assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.MALFORMED);
    assertThat(e.getMessage()).contains("kid").contains("not a string").doesNotContain("has no kid");
  }

  @Test
  void aNullExpIsMalformedNotMissing() {
    String json = nimbusJson(TokenMinter.accessClaims(HostileTokens.NOW));
    String token = TokenMinter.sign(TokenMinter.header(HostileTokens.KID), json.replaceFirst("\"exp\":\\d+", "\"exp\":null"), TestKeys.POOL_KEY);

    TokenRejectedException e = rejection(HostileTokens.baseVerifier().build(), token);

    assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.MALFORMED);
    assertThat(e.getMessage()).contains("exp").contains("null");
  }

  @Test
  void aOneElementAudArrayIsRefusedByDefaultAndAcceptedWhenAllowed() {
    Map<String, Object> claims = TokenMinter.idClaims(HostileTokens.NOW);
    claims.put("aud", List.of(TokenMinter.CLIENT));
    String token = TokenMinter.sign(claims, TestKeys.POOL_KEY);

    TokenRejectedException strict = rejection(HostileTokens.baseVerifier().tokenUses(TokenUse.ID).build(), token);
    VerifiedUser lenient = HostileTokens.baseVerifier().tokenUses(TokenUse.ID).requireStringAudience(false).build().verify(token);

    assertThat(strict.reason()).isEqualTo(TokenRejectedException.Reason.WRONG_AUDIENCE);
    assertThat(strict.getMessage()).contains("aud").contains("array");
    assertThat(lenient.clientId()).isEqualTo(TokenMinter.CLIENT);
  }

  @Test
  void twoAudiencesAreRefusedEvenWhenArraysAreAllowed() {
    Map<String, Object> claims = TokenMinter.idClaims(HostileTokens.NOW);
    claims.put("aud", List.of(TokenMinter.CLIENT, "other-client"));
    String token = TokenMinter.sign(claims, TestKeys.POOL_KEY);

    assertThatThrownBy(() -> HostileTokens.baseVerifier().tokenUses(TokenUse.ID).requireStringAudience(false).build().verify(token))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.WRONG_AUDIENCE));
  }

  private static String nimbusJson(Map<String, Object> claims) {
    return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims);
  }
}

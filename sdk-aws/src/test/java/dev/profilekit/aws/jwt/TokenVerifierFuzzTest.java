package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.VerifiedUser;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes {@link CognitoTokenVerifier#verify(String)}: whatever the input, it returns a user or
 * throws {@link TokenRejectedException} with a reason (any other exception is a finding), and it
 * accepts a token only when the pool's key named by the token's {@code kid} signed it with RS256,
 * as the JDK's own {@code Signature} confirms independently of the verifier's code.
 */
class TokenVerifierFuzzTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final List<RSAKey> POOL = List.of(TestKeys.POOL_KEY, TestKeys.POOL_KEY_2);
  private static final CognitoTokenVerifier VERIFIER =
      CognitoTokenVerifier.builder()
          .offlineUserPool(TokenMinter.ISSUER, TestKeys.jwks(TestKeys.POOL_KEY, TestKeys.POOL_KEY_2))
          .clientIds(TokenMinter.CLIENT)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();

  @FuzzTest
  void verifyRejectsWithAReasonOrAcceptsOnlyWhatAPoolKeySigned(FuzzedDataProvider data) throws Exception {
    String token = FuzzedTokens.token(data, NOW);
    VerifiedUser user;
    try {
      user = VERIFIER.verify(token);
    } catch (TokenRejectedException rejected) {
      assertThat(rejected.reason()).isNotNull();
      String signature = token.substring(token.lastIndexOf('.') + 1);
      if (signature.length() >= 16) {
        assertThat(rejected.getMessage()).doesNotContain(signature);
      }
      return;
    }
    assertThat(signedByThePoolKeyItNames(token)).as("accepted a token no pool key signed").isTrue();
    assertThat(user.issuer()).isEqualTo(TokenMinter.ISSUER);
    assertThat(user.clientId()).isEqualTo(TokenMinter.CLIENT);
    assertThat(user.expiresAt()).isAfter(NOW.minusSeconds(30));
  }

  /** The oracle: JDK RS256 over the signing input with the key of the header's kid, nothing else. */
  private static boolean signedByThePoolKeyItNames(String token) throws Exception {
    String[] parts = token.split("\\.", -1);
    Map<String, Object> header =
        JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    if (!"RS256".equals(header.get("alg"))) {
      return false;
    }
    for (RSAKey key : POOL) {
      if (key.getKeyID().equals(header.get("kid"))) {
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key.toRSAPublicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
      }
    }
    return false;
  }
}

package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.TokenRejectedException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RS256, RS384 and RS512 are verified with the JDK's {@code Signature} directly (not through
 * nimbus's verifier, whose own base64 decoding of the signature is slow): each family
 * member accepts a good signature and rejects one made for other content, by the right key.
 */
class RsaSignaturePathTest {

  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");
  private final MutableClock clock = new MutableClock(now);

  /** The pool key, declared for {@code alg} (the key set's {@code alg} must match the token's). */
  private static RSAKey keyFor(String alg) {
    return new RSAKey.Builder(TestKeys.POOL_KEY).algorithm(JWSAlgorithm.parse(alg)).build();
  }

  private CognitoTokenVerifier verifier(String alg) {
    return CognitoTokenVerifier.builder()
        .offlineUserPool(TokenMinter.ISSUER, TestKeys.jwks(keyFor(alg)))
        .clientIds(TokenMinter.CLIENT)
        .algorithms("RS256", "RS384", "RS512")
        .clock(clock)
        .build();
  }

  private String sign(String alg, String userId) throws Exception {
    var claims = new java.util.HashMap<>(TokenMinter.accessClaims(now));
    claims.put("sub", userId);
    JWSObject jws = new JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID(TestKeys.POOL_KEY.getKeyID()).build(),
        new Payload(JSONObjectUtils.toJSONString(claims)));
    jws.sign(new RSASSASigner(keyFor(alg)));
    return jws.serialize();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512"})
  void eachRsaAlgorithmAcceptsItsOwnSignature(String alg) throws Exception {
    assertThat(verifier(alg).verify(sign(alg, "user-" + alg)).userId()).isEqualTo("user-" + alg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512"})
  void aSignatureOfOtherContentIsABadSignature(String alg) throws Exception {
    String good = sign(alg, "user-a");
    String other = sign(alg, "user-b");
    String spliced = good.substring(0, good.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));

    assertThatThrownBy(() -> verifier(alg).verify(spliced))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.BAD_SIGNATURE));
  }
}

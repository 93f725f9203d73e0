package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.TokenRejectedException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class VerifierConfigurationTest {

  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");
  private final MutableClock clock = new MutableClock(now);

  private static CognitoTokenVerifier.Builder valid() {
    return CognitoTokenVerifier.builder().userPool("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc").clientIds("c");
  }

  private static void assertRejectedSetting(String field, UnaryOperator<CognitoTokenVerifier.Builder> setting) {
    assertThatThrownBy(() -> setting.apply(valid()).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void buildNamesTheMissingUserPoolAndClientIds() {
    assertThatThrownBy(() -> CognitoTokenVerifier.builder().clientIds("c").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("userPool"));
    assertThatThrownBy(() -> CognitoTokenVerifier.builder().userPool("https://idp.example/p").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("clientIds"));
  }

  @Test
  void outOfRangeSettingsAreRejectedByName() {
    assertRejectedSetting("clockSkew", b -> b.clockSkew(Duration.ofMinutes(10)));
    assertRejectedSetting("clockSkew", b -> b.clockSkew(Duration.ofSeconds(-1)));
    assertRejectedSetting("maxLifetime", b -> b.maxLifetime(Duration.ZERO));
    assertRejectedSetting("maxTokenLength", b -> b.maxTokenLength(10));
    assertRejectedSetting("cacheSize", b -> b.cacheSize(-1));
    assertRejectedSetting("keyRefetchCooldown", b -> b.keyRefetchCooldown(null));
    assertRejectedSetting("keyRefreshInterval", b -> b.keyRefreshInterval(Duration.ofSeconds(1)));
    assertRejectedSetting("clock", b -> b.clock(null));
  }

  @Test
  void plainHttpKeyEndpointsAreAcceptedOnlyOnLoopback() {
    assertThatThrownBy(() -> CognitoTokenVerifier.builder().userPool("http://idp.example/pool"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> CognitoTokenVerifier.builder().userPool("https://idp.example/pool", URI.create("http://keys.example/jwks.json")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(CognitoTokenVerifier.builder().userPool("http://127.0.0.1:9229/local_X").clientIds("c").build()).isNotNull();
  }

  @Test
  void issuerWithATrailingSlashIsRejectedSinceIssIsComparedExactly() {
    assertThatThrownBy(() -> CognitoTokenVerifier.builder().userPool("https://idp.example/pool/"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("no-trailing-slash"));
  }

  @Test
  void symmetricAndNoneAlgorithmsCanNeverBeAllowed() {
    for (String alg : new String[] {"HS256", "none", "HS512", "dir"}) {
      assertThatThrownBy(() -> CognitoTokenVerifier.builder().algorithms(alg))
          .as(alg)
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void offlineKeySetMustBeAJwkSetWithKeys() {
    assertThatThrownBy(() -> CognitoTokenVerifier.builder().offlineUserPool("https://idp.example/p", "{not json"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> CognitoTokenVerifier.builder().offlineUserPool("https://idp.example/p", "{\"keys\":[]}"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void tokenFromEitherOfTwoPoolsIsVerifiedWithThatPoolsKeys() {
    String otherIssuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other";
    CognitoTokenVerifier verifier =
        CognitoTokenVerifier.builder()
            .offlineUserPool(TokenMinter.ISSUER, TestKeys.jwks(TestKeys.POOL_KEY))
            .offlineUserPool(otherIssuer, TestKeys.jwks(TestKeys.POOL_KEY_2))
            .clientIds(TokenMinter.CLIENT)
            .clock(clock)
            .build();
    Map<String, Object> claims = TokenMinter.accessClaims(now);
    claims.put("iss", otherIssuer);

    assertThat(verifier.verify(TokenMinter.sign(claims, TestKeys.POOL_KEY_2)).issuer()).isEqualTo(otherIssuer);
    // A pool's key does not vouch for the other pool's issuer.
    assertThatThrownBy(() -> verifier.verify(TokenMinter.sign(claims, TestKeys.rsaWithKid(TestKeys.POOL_KEY, "pool-key-2"))))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.BAD_SIGNATURE));
  }

  @Test
  void es256IsAcceptedOnceConfigured() throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").algorithm(JWSAlgorithm.ES256).generate();
    CognitoTokenVerifier verifier =
        CognitoTokenVerifier.builder()
            .offlineUserPool(TokenMinter.ISSUER, TestKeys.jwks(ec))
            .clientIds(TokenMinter.CLIENT)
            .algorithms("RS256", "ES256")
            .clock(clock)
            .build();
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
            new Payload(JSONObjectUtils.toJSONString(TokenMinter.accessClaims(now))));
    jws.sign(new ECDSASigner(ec));

    assertThat(verifier.verify(jws.serialize()).userId()).isEqualTo("0f1e2d3c-user");
  }

  @Test
  void toStringNamesThePoolsAndNothingSecret() {
    assertThat(valid().build().toString()).contains("eu-west-1_Abc");
  }
}

package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import dev.profilekit.TokenRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener hears one call per request to the key endpoint, with its outcome, and nothing else. */
class KeySetFetchListenerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private JwksServer server;

  @BeforeEach
  void start() throws Exception {
    server = new JwksServer(TestKeys.jwks(TestKeys.POOL_KEY));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CognitoTokenVerifier verifier(KeySetFetchListener listener) {
    return CognitoTokenVerifier.builder()
        .userPool(server.issuer(), server.jwksUri())
        .clientIds(TokenMinter.CLIENT)
        .clock(clock)
        .cacheSize(0)
        .keyFetchTimeout(Duration.ofSeconds(5))
        .keySetFetchListener(listener)
        .build();
  }

  private KeySetFetchListener recording() {
    return (issuer, succeeded) -> heard.add(issuer.equals(server.issuer()) ? (succeeded ? "ok" : "failed") : "other issuer");
  }

  private String token(RSAKey key) {
    Map<String, Object> claims = TokenMinter.accessClaims(clock.instant());
    claims.put("iss", server.issuer());
    return TokenMinter.sign(claims, key);
  }

  @Test
  void cachedKeysAndCoolingDownRefetchesAreNotFetches() {
    CognitoTokenVerifier verifier = verifier(recording());
    verifier.verify(token(TestKeys.POOL_KEY));
    verifier.verify(token(TestKeys.POOL_KEY));
    assertThat(heard).containsExactly("ok");

    clock.advance(Duration.ofSeconds(11));
    for (int i = 0; i < 5; i++) {
      String unknown = token(TestKeys.rsaWithKid(TestKeys.OUTSIDER, "random-" + i));
      assertThatThrownBy(() -> verifier.verify(unknown)).isInstanceOf(TokenRejectedException.class);
    }

    assertThat(heard).containsExactly("ok", "ok");
    assertThat(heard).hasSize(server.requests());
  }

  @Test
  void aFailedRefreshIsHeardAsFailedWhileTheCachedKeysKeepVerifying() {
    CognitoTokenVerifier verifier = verifier(recording());
    verifier.prewarm();
    server.mode(JwksServer.Mode.FAIL_500);
    clock.advance(Duration.ofMinutes(6)); // past the refresh interval

    assertThat(verifier.verify(token(TestKeys.POOL_KEY)).userId()).isEqualTo("0f1e2d3c-user");

    assertThat(heard).containsExactly("ok", "failed");
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void aThrowingListenerChangesNothing() {
    CognitoTokenVerifier verifier = verifier((issuer, succeeded) -> {
      heard.add("called");
      throw new IllegalStateException("metrics are down");
    });

    assertThat(verifier.verify(token(TestKeys.POOL_KEY)).userId()).isEqualTo("0f1e2d3c-user");
    server.mode(JwksServer.Mode.FAIL_500);
    clock.advance(Duration.ofMinutes(6));
    assertThat(verifier.verify(token(TestKeys.POOL_KEY)).userId()).isEqualTo("0f1e2d3c-user");

    assertThat(heard).containsExactly("called", "called");
  }

  @Test
  void anOfflinePoolIsNeverFetched() {
    CognitoTokenVerifier verifier = CognitoTokenVerifier.builder()
        .offlineUserPool(server.issuer(), TestKeys.jwks(TestKeys.POOL_KEY))
        .clientIds(TokenMinter.CLIENT)
        .clock(clock)
        .keySetFetchListener(recording())
        .build();

    verifier.prewarm();
    verifier.verify(token(TestKeys.POOL_KEY));

    assertThat(heard).isEmpty();
    assertThat(server.requests()).isZero();
  }
}

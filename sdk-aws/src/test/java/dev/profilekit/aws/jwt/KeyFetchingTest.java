package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import java.time.Duration;
import java.time.Instant;
import dev.profilekit.VerifiedUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyFetchingTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  private JwksServer server;
  private CognitoTokenVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    server = new JwksServer(TestKeys.jwks(TestKeys.POOL_KEY));
    verifier =
        CognitoTokenVerifier.builder()
            .userPool(server.issuer(), server.jwksUri())
            .clientIds(TokenMinter.CLIENT)
            .clock(clock)
            .cacheSize(0)
            // Longer than the 2 s default: on a loaded 2-core machine even 2 s made the first,
            // healthy fetch time out now and then; the hanging-endpoint test waits this long once.
            .keyFetchTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String token(RSAKey key) {
    Map<String, Object> claims = TokenMinter.accessClaims(clock.instant());
    claims.put("iss", server.issuer());
    return TokenMinter.sign(claims, key);
  }

  private Reason reasonOf(String token) {
    try {
      verifier.verify(token);
    } catch (TokenRejectedException e) {
      return e.reason();
    }
    throw new AssertionError("token was accepted");
  }

  @Test
  void keysAreFetchedOnceAndThenServedFromTheCache() {
    verifier.verify(token(TestKeys.POOL_KEY));
    verifier.verify(token(TestKeys.POOL_KEY));
    clock.advance(Duration.ofMinutes(4));
    verifier.verify(token(TestKeys.POOL_KEY));

    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void concurrentFirstVerificationsShareOneFetchAndAllSucceed() throws Exception {
    String token = token(TestKeys.POOL_KEY);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<VerifiedUser>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return verifier.verify(token);
        }));
      }
      start.countDown();
      for (Future<VerifiedUser> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).userId()).isEqualTo("0f1e2d3c-user");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void prewarmFetchesTheKeysBeforeTheFirstToken() {
    verifier.prewarm();
    assertThat(server.requests()).isEqualTo(1);
    verifier.verify(token(TestKeys.POOL_KEY));
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void unknownKidRefetchesAtMostOncePerCooldown() {
    verifier.verify(token(TestKeys.POOL_KEY));
    clock.advance(Duration.ofSeconds(11));

    for (int i = 0; i < 20; i++) {
      assertThat(reasonOf(token(TestKeys.rsaWithKid(TestKeys.OUTSIDER, "random-" + i))))
          .isEqualTo(Reason.UNKNOWN_KEY);
      clock.advance(Duration.ofMillis(400)); // 20 x 0.4 s = 8 s, inside one 10 s cool-down
    }
    assertThat(server.requests()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(2));
    assertThat(reasonOf(token(TestKeys.rsaWithKid(TestKeys.OUTSIDER, "after-cooldown"))))
        .isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(server.requests()).isEqualTo(3);
  }

  @Test
  void cachedKeysKeepVerifyingWhileTheEndpointReturns500() {
    verifier.verify(token(TestKeys.POOL_KEY));
    server.mode(JwksServer.Mode.FAIL_500);

    clock.advance(Duration.ofMinutes(6)); // past the 5 min refresh interval: a refresh is due
    verifier.verify(token(TestKeys.POOL_KEY));
    clock.advance(Duration.ofHours(3));
    verifier.verify(token(TestKeys.POOL_KEY));

    assertThat(server.requests()).isEqualTo(3); // first fetch, then one failed refresh per expiry
  }

  @Test
  void cachedKeysKeepVerifyingWhileTheEndpointTimesOut() {
    verifier.verify(token(TestKeys.POOL_KEY));
    server.mode(JwksServer.Mode.HANG);

    clock.advance(Duration.ofMinutes(6));
    verifier.verify(token(TestKeys.POOL_KEY));

    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void afterTwentyFourHoursOfOutageTheStaleKeysStopVerifying() {
    verifier.verify(token(TestKeys.POOL_KEY));
    server.mode(JwksServer.Mode.FAIL_500);

    clock.advance(Duration.ofHours(23));
    verifier.verify(token(TestKeys.POOL_KEY));
    clock.advance(Duration.ofHours(1).plusMinutes(1));

    assertThat(reasonOf(token(TestKeys.POOL_KEY))).isEqualTo(Reason.KEYS_UNAVAILABLE);
    clock.advance(Duration.ofSeconds(1)); // inside the cool-down: still no stale set
    assertThat(reasonOf(token(TestKeys.POOL_KEY))).isEqualTo(Reason.KEYS_UNAVAILABLE);

    server.mode(JwksServer.Mode.SERVE);
    clock.advance(Duration.ofSeconds(10));
    verifier.verify(token(TestKeys.POOL_KEY));
  }

  @Test
  void endpointDownWithNothingCachedRejectsAsKeysUnavailable() {
    server.mode(JwksServer.Mode.FAIL_500);

    assertThatThrownBy(() -> verifier.verify(token(TestKeys.POOL_KEY)))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.getCause()).as("the endpoint failure, for operators").isNotNull();
            });
  }

  @Test
  void rotatedInKeyIsPickedUpByAnUnknownKidRefetch() {
    verifier.verify(token(TestKeys.POOL_KEY));
    server.serve(TestKeys.jwks(TestKeys.POOL_KEY, TestKeys.POOL_KEY_2));
    clock.advance(Duration.ofSeconds(10));

    assertThat(verifier.verify(token(TestKeys.POOL_KEY_2)).userId()).isEqualTo("0f1e2d3c-user");
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void removedKeyStopsVerifyingAfterTheRefresh() {
    verifier.verify(token(TestKeys.POOL_KEY));
    server.serve(TestKeys.jwks(TestKeys.POOL_KEY_2));

    clock.advance(Duration.ofMinutes(4));
    verifier.verify(token(TestKeys.POOL_KEY)); // still cached: refresh not due yet
    clock.advance(Duration.ofMinutes(2));

    assertThat(reasonOf(token(TestKeys.POOL_KEY))).isEqualTo(Reason.UNKNOWN_KEY);
    verifier.verify(token(TestKeys.POOL_KEY_2));
  }
}

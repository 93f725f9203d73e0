package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.VerifiedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CacheAndRevocationTest {

  private final Instant start = Instant.parse("2026-11-26T12:00:00Z");
  private final MutableClock clock = new MutableClock(start);
  private final Map<String, Instant> signedOut = new ConcurrentHashMap<>();
  private final AtomicInteger revocationLookups = new AtomicInteger();
  private final TokenRevocations revocations =
      userId -> {
        revocationLookups.incrementAndGet();
        return Optional.ofNullable(signedOut.get(userId));
      };

  private CognitoTokenVerifier.Builder verifier() {
    return CognitoTokenVerifier.builder()
        .offlineUserPool(TokenMinter.ISSUER, TestKeys.jwks(TestKeys.POOL_KEY))
        .clientIds(TokenMinter.CLIENT)
        .clock(clock);
  }

  private String tokenIssuedAt(Instant iat) {
    return TokenMinter.sign(TokenMinter.accessClaims(iat), TestKeys.POOL_KEY);
  }

  private static Reason reasonOf(CognitoTokenVerifier verifier, String token) {
    try {
      verifier.verify(token);
    } catch (TokenRejectedException e) {
      return e.reason();
    }
    throw new AssertionError("token was accepted");
  }

  @Test
  void hotTokenIsServedFromTheCache() {
    CognitoTokenVerifier verifier = verifier().build();
    String token = tokenIssuedAt(start);

    VerifiedUser first = verifier.verify(token);
    clock.advance(Duration.ofMinutes(10));

    assertThat(verifier.verify(token)).isSameAs(first);
  }

  @Test
  void withTheCacheOffEveryCallVerifiesAgain() {
    CognitoTokenVerifier verifier = verifier().cacheSize(0).build();
    String token = tokenIssuedAt(start);

    assertThat(verifier.verify(token)).isNotSameAs(verifier.verify(token)).isEqualTo(verifier.verify(token));
  }

  @Test
  void cacheEntryDoesNotOutliveTheTokensExp() {
    CognitoTokenVerifier verifier = verifier().build();
    String token = tokenIssuedAt(start); // exp = start + 1 h
    VerifiedUser first = verifier.verify(token);

    clock.set(start.plusSeconds(3599));
    assertThat(verifier.verify(token)).isSameAs(first);

    clock.set(start.plusSeconds(3600)); // at exp the entry is gone; the 30 s skew still admits it
    VerifiedUser reverified = verifier.verify(token);
    assertThat(reverified).isNotSameAs(first).isEqualTo(first);

    clock.set(start.plusSeconds(3630));
    assertThat(reasonOf(verifier, token)).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void revokedUserIsRejectedEvenWhenTheTokenIsCached() {
    CognitoTokenVerifier verifier = verifier().revocations(revocations).build();
    String token = tokenIssuedAt(start);
    verifier.verify(token);
    verifier.verify(token);

    clock.advance(Duration.ofMinutes(5));
    signedOut.put("0f1e2d3c-user", clock.instant());

    assertThat(reasonOf(verifier, token)).isEqualTo(Reason.REVOKED);
    assertThat(revocationLookups).hasValue(3);
  }

  @Test
  void tokenIssuedAfterTheSignOutIsAccepted() {
    CognitoTokenVerifier verifier = verifier().revocations(revocations).build();
    signedOut.put("0f1e2d3c-user", start);
    clock.advance(Duration.ofSeconds(5));

    assertThat(verifier.verify(tokenIssuedAt(clock.instant())).userId()).isEqualTo("0f1e2d3c-user");
  }

  @Test
  void tokenIssuedInTheSameSecondAsTheSignOutIsRevokedAndOneOfTheNextSecondIsNot() {
    CognitoTokenVerifier verifier = verifier().revocations(revocations).build();
    // The shared rule (SignOutRule): iat at or before the sign-out's second is revoked.
    signedOut.put("0f1e2d3c-user", start.plusMillis(900));
    clock.advance(Duration.ofSeconds(2));

    assertThat(reasonOf(verifier, tokenIssuedAt(start))).isEqualTo(Reason.REVOKED);
    assertThat(reasonOf(verifier, tokenIssuedAt(start.minusSeconds(1)))).isEqualTo(Reason.REVOKED);
    assertThat(verifier.verify(tokenIssuedAt(start.plusSeconds(1))).userId()).isEqualTo("0f1e2d3c-user");
  }

  @Test
  void otherUsersAreNotAffectedByASignOut() {
    CognitoTokenVerifier verifier = verifier().revocations(revocations).build();
    signedOut.put("someone-else", start.plusSeconds(60));
    clock.advance(Duration.ofMinutes(2));

    verifier.verify(tokenIssuedAt(start));
  }

  @Test
  void revocationStoreFailureReachesTheCallerAndAcceptsNothing() {
    CognitoTokenVerifier verifier =
        verifier()
            .revocations(
                userId -> {
                  throw new ServiceUnavailableException("table unavailable", null);
                })
            .build();

    assertThatThrownBy(() -> verifier.verify(tokenIssuedAt(start)))
        .isInstanceOf(ServiceUnavailableException.class);
  }

  @Test
  void customCheckRunsOnCacheHitsToo() {
    AtomicInteger checks = new AtomicInteger();
    CognitoTokenVerifier verifier =
        verifier().customCheck(user -> checks.incrementAndGet() < 3).build();
    String token = tokenIssuedAt(start);

    verifier.verify(token);
    verifier.verify(token);
    assertThat(reasonOf(verifier, token)).isEqualTo(Reason.CUSTOM_CHECK_FAILED);
    assertThat(checks).hasValue(3);
  }

  @Test
  void customCheckThatThrowsRejectsTheToken() {
    CognitoTokenVerifier verifier =
        verifier()
            .customCheck(
                user -> {
                  throw new IllegalStateException("bug in the check");
                })
            .build();

    assertThat(reasonOf(verifier, tokenIssuedAt(start))).isEqualTo(Reason.CUSTOM_CHECK_FAILED);
  }
}

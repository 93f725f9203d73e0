package dev.profilekit.aws.jwt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;

class CooldownJWKSetSourceTest {

  /** A key source that counts calls and can be told to fail. */
  private static final class CountingSource implements JWKSetSource<SecurityContext> {
    int calls;
    boolean failing;

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long time, SecurityContext context)
        throws KeySourceException {
      calls++;
      if (failing) {
        throw new JWKSetUnavailableException("down");
      }
      return new JWKSet();
    }

    @Override
    public void close() {}
  }

  private static int fetchesAt(JWKSetSource<SecurityContext> source, long... times) {
    int failures = 0;
    for (long t : times) {
      try {
        source.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), t, null);
      } catch (KeySourceException e) {
        failures++;
      }
    }
    return failures;
  }

  /** Why we wrap: nimbus's own rate limiter lets two calls through per interval, not one. */
  @Test
  void nimbusRateLimiterAllowsTwoCallsPerInterval() {
    CountingSource counting = new CountingSource();
    RateLimitedJWKSetSource<SecurityContext> nimbus = new RateLimitedJWKSetSource<>(counting, 10_000, null);

    fetchesAt(nimbus, 0, 1_000, 2_000, 3_000, 9_000);

    assertThat(counting.calls).isEqualTo(2);
  }

  @Test
  void cooldownLetsOneCallThroughPerCooldownAndAnswersWithTheLastSetInBetween() throws Exception {
    CountingSource counting = new CountingSource();
    CooldownJWKSetSource source = new CooldownJWKSetSource(counting, 10_000);

    JWKSet first = source.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), 0, null);
    assertThat(fetchesAt(source, 1_000, 5_000, 9_999)).isZero();
    assertThat(source.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), 9_999, null)).isSameAs(first);
    assertThat(counting.calls).isEqualTo(1);

    fetchesAt(source, 10_000, 10_001, 19_999);
    assertThat(counting.calls).isEqualTo(2);
  }

  @Test
  void failedFetchCountsAgainstTheCooldownAndNothingIsServedBeforeAFirstSuccess() {
    CountingSource counting = new CountingSource();
    counting.failing = true;
    CooldownJWKSetSource source = new CooldownJWKSetSource(counting, 10_000);

    assertThat(fetchesAt(source, 0, 3_000, 6_000)).isEqualTo(3);
    assertThat(counting.calls).isEqualTo(1);
    assertThatThrownBy(() -> source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), 7_000, null))
        .isInstanceOf(JWKSetUnavailableException.class);

    counting.failing = false;
    assertThat(fetchesAt(source, 10_000)).isZero();
    assertThat(counting.calls).isEqualTo(2);
  }

  @Test
  void afterAFailedFetchTheCooldownDoesNotServeAnOlderSet() throws Exception {
    CountingSource counting = new CountingSource();
    CooldownJWKSetSource source = new CooldownJWKSetSource(counting, 10_000);
    source.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), 0, null);

    counting.failing = true;
    assertThat(fetchesAt(source, 10_000, 12_000)).isEqualTo(2);
    assertThat(counting.calls).isEqualTo(2);
  }
}

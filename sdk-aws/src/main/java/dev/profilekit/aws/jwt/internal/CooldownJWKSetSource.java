package dev.profilekit.aws.jwt.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;

/**
 * Lets at most one fetch through to the key endpoint per cool-down; in between, answers with the
 * key set the latest fetch obtained.
 *
 * <p>Inside a cool-down the answer is that of the latest attempt: its set, or (when it failed) a
 * failure.
 *
 * <p>Why not nimbus's {@code RateLimitedJWKSetSource}: it allows two calls per interval (and a new
 * interval starts with the first call after the previous one ends), so tokens with random unknown
 * {@code kid}s could cause two fetches per cool-down. This source counts every attempt, successful
 * or not, against the cool-down. Answering with the last set instead of failing keeps a cache
 * refresh that lands inside a cool-down from rejecting tokens whose keys are known.
 *
 * <p>Time is the {@code currentTime} nimbus passes down, which the verifier takes from its {@link
 * java.time.Clock}, so tests can move it.
 */
public final class CooldownJWKSetSource implements JWKSetSource<SecurityContext> {

  private final JWKSetSource<SecurityContext> delegate;
  private final long cooldownMillis;
  private boolean attempted;
  private long lastAttempt;
  private JWKSet lastSet;

  /**
   * Wraps a source.
   *
   * @param delegate the source that fetches
   * @param cooldownMillis the minimum time between two fetches
   */
  public CooldownJWKSetSource(JWKSetSource<SecurityContext> delegate, long cooldownMillis) {
    this.delegate = delegate;
    this.cooldownMillis = cooldownMillis;
  }

  @Override
  public synchronized JWKSet getJWKSet(
      JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
      throws KeySourceException {
    if (attempted && currentTime - lastAttempt < cooldownMillis) {
      if (lastSet != null) {
        return lastSet;
      }
      throw new JWKSetUnavailableException("The key set fetch failed and is cooling down");
    }
    attempted = true;
    lastAttempt = currentTime;
    try {
      lastSet = delegate.getJWKSet(refreshEvaluator, currentTime, context);
      return lastSet;
    } catch (KeySourceException | RuntimeException e) {
      // Only the outcome of the latest attempt is repeated: once the outage tolerance below has
      // given up, the cool-down must not bring an older set back to life.
      lastSet = null;
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}

package dev.profilekit.aws.jwt.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.profilekit.aws.jwt.KeySetFetchListener;
import java.io.IOException;

/**
 * Tells a {@link KeySetFetchListener} about every call that reaches the source it wraps. It sits
 * directly on the HTTP fetch, under the cache, the cool-down and the outage tolerance, so what it
 * reports are requests to the key endpoint and their outcome, not answers from a cache.
 */
public final class ReportingJWKSetSource implements JWKSetSource<SecurityContext> {

  private final JWKSetSource<SecurityContext> fetch;
  private final String issuer;
  private final KeySetFetchListener listener;

  /**
   * Wraps the source that fetches.
   *
   * @param fetch the HTTP fetch
   * @param issuer the pool's issuer, passed to the listener
   * @param listener told about each fetch
   */
  public ReportingJWKSetSource(JWKSetSource<SecurityContext> fetch, String issuer, KeySetFetchListener listener) {
    this.fetch = fetch;
    this.issuer = issuer;
    this.listener = listener;
  }

  @Override
  public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
      throws KeySourceException {
    JWKSet set;
    try {
      set = fetch.getJWKSet(refreshEvaluator, currentTime, context);
    } catch (KeySourceException | RuntimeException e) {
      report(false);
      throw e;
    }
    report(true);
    return set;
  }

  private void report(boolean succeeded) {
    try {
      listener.keySetFetched(issuer, succeeded);
    } catch (RuntimeException ignored) {
      // A metric must not decide whether a token verifies (KeySetFetchListener's contract).
    }
  }

  @Override
  public void close() throws IOException {
    fetch.close();
  }
}

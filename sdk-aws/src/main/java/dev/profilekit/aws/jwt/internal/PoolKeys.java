package dev.profilekit.aws.jwt.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.aws.jwt.KeySetFetchListener;
import dev.profilekit.internal.RequestChecks;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;

/**
 * One user pool's signing keys: fetched from its JWKS URL through nimbus's cache and outage
 * tolerance with {@link CooldownJWKSetSource} in between, or fixed (offline).
 */
public final class PoolKeys {

  /** Larger than any real Cognito key set (2 keys, ~1 KB); stops a hostile endpoint from flooding us. */
  private static final int MAX_JWKS_BYTES = 256 * 1024;

  private final JWKSetSource<SecurityContext> source;
  private final Clock clock;

  private PoolKeys(JWKSetSource<SecurityContext> source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /**
   * Keys fetched from a JWKS URL.
   *
   * <p>Layers, outermost first: nimbus's cache (keys live {@code refreshInterval}, concurrent
   * callers wait for a single refresh), our cool-down (one fetch per {@code cooldown}), nimbus's
   * outage tolerance (the last good set keeps serving for {@code outageTolerance} while fetches
   * fail), then the HTTP fetch with {@code timeout} for connecting and for reading, reported to
   * {@code listener} when there is one.
   *
   * @param jwksUri the key set's URL, already checked to be http(s)
   * @param timeout the connect and read timeout
   * @param refreshInterval how long a fetched set is used before it is fetched again
   * @param cooldown the minimum time between two fetches
   * @param outageTolerance how long the last good set serves while the endpoint fails
   * @param clock the verifier's clock
   * @param issuer the pool's issuer, for the listener
   * @param listener told about each fetch that reaches the endpoint, or null
   * @return the pool's keys
   */
  public static PoolKeys remote(
      URI jwksUri,
      Duration timeout,
      Duration refreshInterval,
      Duration cooldown,
      Duration outageTolerance,
      Clock clock,
      String issuer,
      KeySetFetchListener listener) {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    DefaultResourceRetriever retriever =
        new DefaultResourceRetriever(timeoutMillis, timeoutMillis, MAX_JWKS_BYTES);
    URL jwksUrl;
    try {
      jwksUrl = jwksUri.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new InvalidRequestException("jwksUri", RequestChecks.URL, "must be an http(s) URL");
    }
    JWKSetSource<SecurityContext> fetch = new URLBasedJWKSetSource<>(jwksUrl, retriever);
    if (listener != null) {
      // Right on the HTTP fetch: every layer above it answers from memory without a request.
      fetch = new ReportingJWKSetSource(fetch, issuer, listener);
    }
    JWKSetSource<SecurityContext> tolerant =
        new OutageTolerantJWKSetSource<>(fetch, outageTolerance.toMillis(), null);
    JWKSetSource<SecurityContext> limited = new CooldownJWKSetSource(tolerant, cooldown.toMillis());
    // A refresh waits at most for one fetch (connect + read) plus a margin, then gives up.
    long refreshTimeout = 2 * timeout.toMillis() + 1_000;
    JWKSetBasedJWKSource<SecurityContext> built =
        (JWKSetBasedJWKSource<SecurityContext>)
            JWKSourceBuilder.create(limited)
                .cache(refreshInterval.toMillis(), refreshTimeout)
                // Refresh-ahead runs on a background thread on wall-clock time; a refresh on
                // expiry keeps every decision on the verifier's clock.
                .refreshAheadCache(false)
                .rateLimited(false)
                .retrying(false)
                .outageTolerant(false)
                .build();
    return new PoolKeys(built.getJWKSetSource(), clock);
  }

  /**
   * Keys given up front; never fetched.
   *
   * @param keys the key set (only its public keys are used)
   * @param clock the verifier's clock
   * @return the pool's keys
   */
  public static PoolKeys fixed(JWKSet keys, Clock clock) {
    JWKSet publicKeys = keys.toPublicJWKSet();
    return new PoolKeys(new FixedSource(publicKeys), clock);
  }

  /**
   * Fetches the key set now unless it is cached.
   *
   * @throws KeySourceException if it cannot be fetched
   */
  public void prewarm() throws KeySourceException {
    source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), clock.millis(), null);
  }

  /**
   * Finds the key a token names, refetching the set once (cool-down permitting) when the {@code
   * kid} is unknown.
   *
   * @param kid the token's key id
   * @param alg the token's algorithm, already allowed
   * @return the public key
   * @throws dev.profilekit.TokenRejectedException UNKNOWN_KEY or KEYS_UNAVAILABLE
   */
  public JWK find(String kid, JWSAlgorithm alg) {
    JWKSet set;
    try {
      set = source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), clock.millis(), null);
    } catch (KeySourceException e) {
      // The cause is kept: it describes the key endpoint (URL, HTTP status), never the token.
      throw new TokenRejectedException(
          Reason.KEYS_UNAVAILABLE, "The user pool's key set could not be fetched", e);
    }
    JWK key = select(set, kid, alg);
    if (key != null) {
      return key;
    }
    JWKSet refreshed;
    try {
      refreshed =
          source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(set), clock.millis(), null);
    } catch (KeySourceException e) {
      throw new TokenRejectedException(
          Reason.KEYS_UNAVAILABLE, "The token's key is not cached and the key set could not be fetched", e);
    }
    key = select(refreshed, kid, alg);
    if (key == null) {
      throw Rejections.reject(Reason.UNKNOWN_KEY, "The token's kid is not in the user pool's key set");
    }
    return key;
  }

  private static JWK select(JWKSet set, String kid, JWSAlgorithm alg) {
    KeyType type = KeyType.forAlgorithm(alg);
    for (JWK key : set.getKeys()) {
      if (kid.equals(key.getKeyID())
          && type.equals(key.getKeyType())
          && (key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
          && (key.getAlgorithm() == null || alg.equals(key.getAlgorithm()))) {
        return key;
      }
    }
    return null;
  }

  /** A key set that never changes. */
  private static final class FixedSource implements JWKSetSource<SecurityContext> {
    private final JWKSet keys;

    FixedSource(JWKSet keys) {
      this.keys = keys;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long time, SecurityContext context) {
      return keys;
    }

    @Override
    public void close() {}
  }
}

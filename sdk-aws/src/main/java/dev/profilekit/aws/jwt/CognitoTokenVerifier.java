package dev.profilekit.aws.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.jwt.internal.PoolKeys;
import dev.profilekit.aws.jwt.internal.Rejections;
import dev.profilekit.aws.jwt.internal.SettingChecks;
import dev.profilekit.aws.jwt.internal.TokenChecks;
import dev.profilekit.aws.jwt.internal.UserChecks;
import dev.profilekit.aws.jwt.internal.VerifiedTokenCache;
import dev.profilekit.internal.RequestChecks;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Verifies Amazon Cognito ID and access tokens locally and strictly, and returns the {@link
 * VerifiedUser} a token speaks for.
 *
 * <p>Keys come from each user pool's JWKS and are cached: after the first fetch (or {@link
 * #prewarm()}), verification makes no network call, keeps working while the key endpoint fails,
 * and an unknown {@code kid} refetches the key set at most once per cool-down. Verified tokens are
 * remembered (by their SHA-256, until they expire) so a repeated token costs a hash lookup.
 *
 * <p>Every rejection is a {@link TokenRejectedException} whose {@link
 * TokenRejectedException#reason() reason} says why; messages never contain the token. The checks
 * and their defaults are listed in {@code docs/security.md}.
 *
 * <pre>{@code
 * CognitoTokenVerifier verifier = CognitoTokenVerifier.builder()
 *     .userPool("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123")
 *     .clientIds("4h3k2j1example")
 *     .tokenUses(TokenUse.ACCESS)
 *     .build();
 * VerifiedUser user = verifier.verify(token);
 * }</pre>
 *
 * <p>Instances are thread-safe; build one per application and share it.
 */
public final class CognitoTokenVerifier {

  private final Map<String, PoolKeys> pools;
  private final TokenChecks checks;
  private final Clock clock;
  private final int maxTokenLength;
  private final UserChecks userChecks;
  private final VerifiedTokenCache cache;
  private final Set<TokenUse> tokenUses;

  private CognitoTokenVerifier(Builder b, Map<String, PoolKeys> pools) {
    this.pools = pools;
    this.tokenUses = Set.copyOf(b.tokenUses);
    this.checks =
        new TokenChecks(
            pools,
            b.clientIds,
            b.tokenUses,
            b.algorithms,
            b.clockSkew,
            b.maxLifetime,
            b.requiredGroups,
            b.requiredScopes,
            b.requireStringAudience);
    this.clock = b.clock;
    this.maxTokenLength = b.maxTokenLength;
    this.userChecks = new UserChecks(b.customCheck, b.revocations);
    this.cache = b.cacheSize == 0 ? null : new VerifiedTokenCache(b.cacheSize);
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder; at least one user pool and one client id are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a token and returns the user it speaks for.
   *
   * <p>Costs: no network call once the user pool's keys are cached; with {@link
   * Builder#revocations(TokenRevocations) revocations} configured, one call to
   * it per verification, cache hits included.
   *
   * @param token the raw JWT, without a {@code Bearer } prefix or surrounding whitespace
   * @return the verified user
   * @throws TokenRejectedException with the reason, if the token is not acceptable
   * @throws ProfileKitException whatever the revocation check throws when it cannot answer
   */
  public VerifiedUser verify(String token) {
    VerifiedUser user = checkedToken(token);
    userChecks.apply(user);
    return user;
  }

  /**
   * Verifies a token like {@link #verify(String)}, except that the user's revocation records come
   * from {@code revocationRead} instead of the configured {@link TokenRevocations}: for a caller
   * that reads the records in the same request as the data it needs (the profile item holds both),
   * so that verifying and reading cost one request instead of two.
   *
   * <p>{@code revocationRead} is called only once the signature, the claims and the custom check
   * have passed, with the user the token speaks for; what it returns is judged by the same rule
   * as in {@link #verify(String)}, and a revoked token is rejected with {@link Reason#REVOKED}
   * after it returned. It may also throw: a {@link TokenRejectedException} of its own (a write
   * whose condition found the token revoked) or any failure, which passes through unchanged (fail
   * closed). A rejected token never reaches it.
   *
   * <p>Costs: no network call of the verifier's own once the keys are cached; whatever {@code
   * revocationRead} costs. The configured revocations are not asked.
   *
   * @param token the raw JWT, without a {@code Bearer } prefix or surrounding whitespace
   * @param revocationRead reads the user's revocation records (with whatever else the caller
   *     needs); it must read the same records the configured revocations would
   * @return the verified user
   * @throws TokenRejectedException with the reason, if the token is not acceptable
   */
  public VerifiedUser verify(String token, Function<VerifiedUser, UserRevocations> revocationRead) {
    RequestChecks.required(revocationRead, "revocationRead");
    VerifiedUser user = checkedToken(token);
    userChecks.apply(user, revocationRead);
    return user;
  }

  /** Every check that does not change while the token stays the same (the cached part). */
  private VerifiedUser checkedToken(String token) {
    if (token == null) {
      throw Rejections.reject(Reason.MALFORMED, "The token is null");
    }
    if (token.length() > maxTokenLength) {
      throw Rejections.reject(
          Reason.TOO_LARGE,
          "The token has " + token.length() + " characters, more than the limit of " + maxTokenLength);
    }
    Instant now = clock.instant();
    VerifiedUser user = null;
    VerifiedTokenCache.Key key = null;
    if (cache != null) {
      key = VerifiedTokenCache.keyOf(token);
      user = cache.get(key, now);
    }
    if (user == null) {
      user = checks.verify(token, now);
      if (cache != null) {
        cache.put(key, user, now);
      }
    }
    return user;
  }

  /**
   * Fetches the key set of every user pool that is not offline, so the first {@link
   * #verify(String)} does not wait for it.
   *
   * @throws ServiceUnavailableException if a key set cannot be fetched
   */
  public void prewarm() {
    for (Map.Entry<String, PoolKeys> pool : pools.entrySet()) {
      try {
        pool.getValue().prewarm();
      } catch (KeySourceException e) {
        throw new ServiceUnavailableException(
            "Could not fetch the key set of user pool " + pool.getKey(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "CognitoTokenVerifier{userPools=" + pools.keySet() + ", tokenUses=" + tokenUses + "}";
  }

  /**
   * Builds a {@link CognitoTokenVerifier}. Every setting but the user pools and the client ids has
   * a default; {@link #build()} checks them all and names any that is missing or out of range.
   */
  public static final class Builder {

    /** The last good key set keeps verifying this long while the JWKS endpoint fails. */
    private static final Duration OUTAGE_TOLERANCE = Duration.ofHours(24);

    private final Map<String, Object> pools = new LinkedHashMap<>();
    private final Set<String> clientIds = new LinkedHashSet<>();
    private Set<TokenUse> tokenUses = EnumSet.allOf(TokenUse.class);
    private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256);
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofSeconds(30);
    private Duration maxLifetime = Duration.ofHours(24);
    private int maxTokenLength = 16 * 1024;
    private Duration keyRefetchCooldown = Duration.ofSeconds(10);
    private Duration keyRefreshInterval = Duration.ofMinutes(5);
    private Duration keyFetchTimeout = Duration.ofSeconds(2);
    private Set<String> requiredGroups = Set.of();
    private Set<String> requiredScopes = Set.of();
    private Predicate<VerifiedUser> customCheck;
    private TokenRevocations revocations;
    private KeySetFetchListener keySetFetchListener;
    private int cacheSize = 10_000;
    private boolean requireStringAudience = true;

    private Builder() {}

    /**
     * Adds a user pool by its issuer; its keys are fetched from {@code {issuer}/.well-known/jwks.json}.
     *
     * @param issuer the exact {@code iss} of the pool's tokens, for example {@code
     *     https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123}
     * @return this builder
     */
    public Builder userPool(String issuer) {
      String checked = SettingChecks.requireIssuer(issuer);
      return userPool(checked, URI.create(checked + "/.well-known/jwks.json"));
    }

    /**
     * Adds a user pool whose keys are served at an explicit URL, for emulators and proxies.
     *
     * @param issuer the exact {@code iss} of the pool's tokens
     * @param jwksUri the key set's URL; plain {@code http} is accepted only for loopback hosts
     * @return this builder
     */
    public Builder userPool(String issuer, URI jwksUri) {
      pools.put(SettingChecks.requireIssuer(issuer), SettingChecks.requireHttpUrl("jwksUri", jwksUri));
      return this;
    }

    /**
     * Adds a user pool whose keys are given now and never fetched (offline verification, tests).
     *
     * @param issuer the exact {@code iss} of the pool's tokens
     * @param jwksJson the pool's key set as JSON ({@code {"keys":[...]}}); private parts are ignored
     * @return this builder
     */
    public Builder offlineUserPool(String issuer, String jwksJson) {
      JWKSet keys;
      try {
        keys = JWKSet.parse(jwksJson == null ? "" : jwksJson);
      } catch (ParseException e) {
        throw new InvalidRequestException("jwksJson", RequestChecks.JWK_SET, "must be a JSON Web Key Set");
      }
      if (keys.isEmpty()) {
        throw new InvalidRequestException("jwksJson", RequestChecks.NOT_EMPTY, "must hold at least one key");
      }
      pools.put(SettingChecks.requireIssuer(issuer), keys);
      return this;
    }

    /**
     * Sets the app client ids whose tokens are accepted ({@code aud} of ID tokens, {@code
     * client_id} of access tokens). Required.
     *
     * @param clientIds one or more app client ids
     * @return this builder
     */
    public Builder clientIds(String... clientIds) {
      return clientIds(clientIds == null ? null : Arrays.asList(clientIds));
    }

    /**
     * Sets the app client ids whose tokens are accepted. Required.
     *
     * @param clientIds one or more app client ids
     * @return this builder
     */
    public Builder clientIds(Collection<String> clientIds) {
      this.clientIds.clear();
      this.clientIds.addAll(SettingChecks.nonBlank("clientIds", clientIds));
      return this;
    }

    /**
     * Sets which token uses are accepted. Default: both ID and access tokens, since {@code
     * UserProfileService.verify} takes either; an API that authorises requests should accept
     * {@link TokenUse#ACCESS} only.
     *
     * @param uses one or more token uses
     * @return this builder
     */
    public Builder tokenUses(TokenUse... uses) {
      if (uses == null || uses.length == 0 || Arrays.asList(uses).contains(null)) {
        throw new InvalidRequestException("tokenUses", RequestChecks.REQUIRED, "name at least one token use");
      }
      this.tokenUses = EnumSet.copyOf(Arrays.asList(uses));
      return this;
    }

    /**
     * Sets the allowed signature algorithms by JOSE name. Default: {@code RS256}, the only one
     * Cognito uses. Only asymmetric algorithms (RS*, PS*, ES*) can be allowed; {@code none} and
     * HMAC never can.
     *
     * @param names JOSE algorithm names such as {@code RS256}
     * @return this builder
     */
    public Builder algorithms(String... names) {
      if (names == null || names.length == 0) {
        throw new InvalidRequestException("algorithms", RequestChecks.REQUIRED, "name at least one algorithm");
      }
      Set<JWSAlgorithm> allowed = new LinkedHashSet<>();
      for (String name : names) {
        JWSAlgorithm alg = name == null ? null : JWSAlgorithm.parse(name);
        if (alg == null
            || !(JWSAlgorithm.Family.RSA.contains(alg) || JWSAlgorithm.Family.EC.contains(alg))) {
          throw new InvalidRequestException(
              "algorithms", RequestChecks.ASYMMETRIC, "only RS256/384/512, PS256/384/512 and ES256/384/512 are allowed");
        }
        allowed.add(alg);
      }
      this.algorithms = Set.copyOf(allowed);
      return this;
    }

    /**
     * Sets the clock the verifier reads the time from. Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets whether an ID token's {@code aud} must be a single string, as Cognito issues it. JWT
     * (RFC 7519) also allows an array; with {@code false} an array of exactly one allowed client is
     * accepted. Default: {@code true}, so a token built by another issuer's library in the array
     * form is refused with {@code WRONG_AUDIENCE}.
     *
     * @param requireStringAudience false to accept a one-element {@code aud} array
     * @return this builder
     */
    public Builder requireStringAudience(boolean requireStringAudience) {
      this.requireStringAudience = requireStringAudience;
      return this;
    }

    /**
     * Sets the tolerance for clock differences applied to {@code exp}, {@code nbf} and {@code
     * iat}. Default: 30 seconds; at most 5 minutes.
     *
     * @param skew the tolerance, zero or positive
     * @return this builder
     */
    public Builder clockSkew(Duration skew) {
      this.clockSkew = skew;
      return this;
    }

    /**
     * Sets the longest lifetime ({@code exp - iat}) accepted. Default: 24 hours, Cognito's ceiling.
     *
     * @param maxLifetime the maximum, positive
     * @return this builder
     */
    public Builder maxLifetime(Duration maxLifetime) {
      this.maxLifetime = maxLifetime;
      return this;
    }

    /**
     * Sets the longest token, in characters, accepted; longer tokens are rejected before any
     * parsing. Default: 16384.
     *
     * @param maxTokenLength the limit, at least 256
     * @return this builder
     */
    public Builder maxTokenLength(int maxTokenLength) {
      this.maxTokenLength = maxTokenLength;
      return this;
    }

    /**
     * Sets the minimum time between two fetches of a pool's key set; a token with an unknown
     * {@code kid} refetches at most once per cool-down. Default: 10 seconds.
     *
     * @param cooldown the cool-down, positive
     * @return this builder
     */
    public Builder keyRefetchCooldown(Duration cooldown) {
      this.keyRefetchCooldown = cooldown;
      return this;
    }

    /**
     * Sets how long a fetched key set is used before it is fetched again, which is how a key
     * removed from the pool stops verifying. Default: 5 minutes; not shorter than the cool-down.
     *
     * @param interval the interval, positive
     * @return this builder
     */
    public Builder keyRefreshInterval(Duration interval) {
      this.keyRefreshInterval = interval;
      return this;
    }

    /**
     * Sets the connect and the read timeout of a key set fetch. Default: 2 seconds.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder keyFetchTimeout(Duration timeout) {
      this.keyFetchTimeout = timeout;
      return this;
    }

    /**
     * Requires the user to be in every one of these groups ({@code cognito:groups}). Default: none.
     *
     * @param groups the groups
     * @return this builder
     */
    public Builder requiredGroups(String... groups) {
      this.requiredGroups = Set.copyOf(SettingChecks.nonBlank("requiredGroups", groups == null ? null : Arrays.asList(groups)));
      return this;
    }

    /**
     * Requires the token to carry every one of these scopes ({@code scope}). ID tokens carry no
     * scopes, so requiring one accepts access tokens only. Default: none.
     *
     * @param scopes the scopes
     * @return this builder
     */
    public Builder requiredScopes(String... scopes) {
      this.requiredScopes = Set.copyOf(SettingChecks.nonBlank("requiredScopes", scopes == null ? null : Arrays.asList(scopes)));
      return this;
    }

    /**
     * Adds an application check, run after all others on every {@code verify}, cache hits
     * included (keep it cheap). Returning false, or throwing, rejects
     * the token with {@link Reason#CUSTOM_CHECK_FAILED}; a {@link TokenRejectedException} it
     * throws passes through unchanged.
     *
     * @param check the check
     * @return this builder
     */
    public Builder customCheck(Predicate<VerifiedUser> check) {
      this.customCheck = check;
      return this;
    }

    /**
     * Turns on revocation checking: tokens issued before the user's {@link
     * TokenRevocations#tokensValidAfter(String) tokensValidAfter} are rejected with {@link
     * Reason#REVOKED}. Consulted on every verification, cache hits included. Default: off.
     *
     * @param revocations where sign-outs are recorded
     * @return this builder
     */
    public Builder revocations(TokenRevocations revocations) {
      this.revocations = revocations;
      return this;
    }

    /**
     * Sets who is told about each fetch of a user pool's key set (an HTTP request to its JWKS URL,
     * successful or not), for metrics. Key sets given to {@link #offlineUserPool(String, String)}
     * are never fetched. Default: nobody.
     *
     * @param listener the listener, or null for none
     * @return this builder
     */
    public Builder keySetFetchListener(KeySetFetchListener listener) {
      this.keySetFetchListener = listener;
      return this;
    }

    /**
     * Sets how many verified tokens are remembered (by SHA-256, each until its {@code exp}); 0
     * turns the cache off. Default: 10000.
     *
     * @param size the bound, zero or positive
     * @return this builder
     */
    public Builder cacheSize(int size) {
      this.cacheSize = size;
      return this;
    }

    /**
     * Checks the settings and builds the verifier. Fetches nothing; call {@link
     * CognitoTokenVerifier#prewarm()} to fetch keys at start-up.
     *
     * @return the verifier
     * @throws InvalidRequestException naming the first missing or out-of-range setting
     */
    public CognitoTokenVerifier build() {
      if (pools.isEmpty()) {
        throw new InvalidRequestException("userPool", RequestChecks.REQUIRED, "add at least one user pool");
      }
      if (clientIds.isEmpty()) {
        throw new InvalidRequestException("clientIds", RequestChecks.REQUIRED, "name at least one app client id");
      }
      if (clock == null) {
        throw new InvalidRequestException("clock", RequestChecks.REQUIRED, "must not be null");
      }
      SettingChecks.requireRange("clockSkew", clockSkew, Duration.ZERO, Duration.ofMinutes(5));
      SettingChecks.requireRange("maxLifetime", maxLifetime, Duration.ofSeconds(1), Duration.ofDays(366));
      SettingChecks.requireRange("keyRefetchCooldown", keyRefetchCooldown, Duration.ofMillis(1), Duration.ofHours(1));
      SettingChecks.requireRange("keyRefreshInterval", keyRefreshInterval, keyRefetchCooldown, Duration.ofDays(1));
      SettingChecks.requireRange("keyFetchTimeout", keyFetchTimeout, Duration.ofMillis(1), Duration.ofMinutes(1));
      if (maxTokenLength < 256) {
        throw new InvalidRequestException("maxTokenLength", RequestChecks.MIN, "must be at least 256");
      }
      if (cacheSize < 0) {
        throw new InvalidRequestException("cacheSize", RequestChecks.MIN, "must be zero (off) or positive");
      }
      Map<String, PoolKeys> keys = new LinkedHashMap<>();
      for (Map.Entry<String, Object> pool : pools.entrySet()) {
        if (pool.getValue() instanceof JWKSet set) {
          keys.put(pool.getKey(), PoolKeys.fixed(set, clock));
        } else {
          keys.put(
              pool.getKey(),
              PoolKeys.remote(
                  (URI) pool.getValue(),
                  keyFetchTimeout,
                  keyRefreshInterval,
                  keyRefetchCooldown,
                  OUTAGE_TOLERANCE,
                  clock,
                  pool.getKey(),
                  keySetFetchListener));
        }
      }
      return new CognitoTokenVerifier(this, Map.copyOf(keys));
    }
  }
}

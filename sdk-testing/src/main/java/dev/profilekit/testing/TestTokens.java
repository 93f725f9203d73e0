package dev.profilekit.testing;

import dev.profilekit.TokenUse;
import dev.profilekit.testing.internal.CognitoClaims;
import dev.profilekit.testing.internal.TestKeys;
import dev.profilekit.testing.internal.TokenSubject;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mints Cognito-shaped RS256 tokens signed by the test key, valid or broken on demand, for any
 * verifier that trusts {@link #jwksJson()}: the in-memory service, {@code CognitoTokenVerifier},
 * or an application's own.
 *
 * <pre>{@code
 * TestTokens tokens = TestTokens.forUserPool(issuer, clientId);
 * String expired = tokens.expiredIdToken(ada);
 * String custom = tokens.idToken(ada).groups("admin").lifetime(Duration.ofMinutes(5)).sign();
 * }</pre>
 *
 * <p>The key pair is generated once per JVM and shared by every minter and in-memory service.
 * Instances are immutable and thread-safe.
 */
public final class TestTokens {

  /** The issuer used unless another is given: the URL shape of a real user pool. */
  public static final String DEFAULT_ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_PrOfIlEkT";
  /** The app client id used unless another is given. */
  public static final String DEFAULT_CLIENT_ID = "profilekit-test-client";
  /** The lifetime of minted ID and access tokens unless set otherwise: Cognito's default, one hour. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private final String issuer;
  private final String clientId;
  private final Clock clock;
  private final Duration lifetime;

  private TestTokens(String issuer, String clientId, Clock clock, Duration lifetime) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  /**
   * Returns a minter for the default issuer and client id, on the system clock.
   *
   * @return the minter
   */
  public static TestTokens defaults() {
    return forUserPool(DEFAULT_ISSUER, DEFAULT_CLIENT_ID, Clock.systemUTC());
  }

  /**
   * Returns a minter for a user pool, on the system clock.
   *
   * @param issuer the {@code iss} of valid tokens (the user pool URL)
   * @param clientId the app client id valid tokens are issued to
   * @return the minter
   */
  public static TestTokens forUserPool(String issuer, String clientId) {
    return forUserPool(issuer, clientId, Clock.systemUTC());
  }

  /**
   * Returns a minter for a user pool on the given clock.
   *
   * @param issuer the {@code iss} of valid tokens
   * @param clientId the app client id valid tokens are issued to
   * @param clock the clock that decides "now"
   * @return the minter
   */
  public static TestTokens forUserPool(String issuer, String clientId, Clock clock) {
    return new TestTokens(issuer, clientId, clock, DEFAULT_LIFETIME);
  }

  static TestTokens forUserPool(String issuer, String clientId, Clock clock, Duration lifetime) {
    return new TestTokens(issuer, clientId, clock, lifetime);
  }

  /**
   * Returns the JWKS (public key set) that verifies every valid minted token, as Cognito serves it
   * at {@code <issuer>/.well-known/jwks.json}.
   *
   * @return the JSON
   */
  public static String jwksJson() {
    return TestKeys.jwksJson();
  }

  /**
   * Returns the {@code kid} of the test key.
   *
   * @return the key id
   */
  public static String keyId() {
    return TestKeys.KEY_ID;
  }

  /**
   * Returns the public test key.
   *
   * @return the RSA public key
   */
  public static RSAPublicKey publicKey() {
    return TestKeys.trusted().publicKey();
  }

  /**
   * Returns the issuer of valid tokens.
   *
   * @return the issuer
   */
  public String issuer() {
    return issuer;
  }

  /**
   * Returns the app client id of valid tokens.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Starts an ID token for a seeded user, with their attributes, groups and identities.
   *
   * @param user the user
   * @return a builder of a valid token, to adjust
   */
  public TokenBuilder idToken(SeededUser user) {
    return new TokenBuilder(CognitoClaims.idToken(user.subject(), issuer, clientId), true, clock, lifetime);
  }

  /**
   * Starts an ID token for a bare user id with no attributes.
   *
   * @param userId the {@code sub}
   * @return a builder of a valid token, to adjust
   */
  public TokenBuilder idToken(String userId) {
    return new TokenBuilder(CognitoClaims.idToken(bare(userId), issuer, clientId), true, clock, lifetime);
  }

  /**
   * Starts an access token for a seeded user.
   *
   * @param user the user
   * @return a builder of a valid token, to adjust
   */
  public TokenBuilder accessToken(SeededUser user) {
    return new TokenBuilder(CognitoClaims.accessToken(user.subject(), issuer, clientId), false, clock, lifetime);
  }

  /**
   * Starts an access token for a bare user id.
   *
   * @param userId the {@code sub}
   * @return a builder of a valid token, to adjust
   */
  public TokenBuilder accessToken(String userId) {
    return new TokenBuilder(CognitoClaims.accessToken(bare(userId), issuer, clientId), false, clock, lifetime);
  }

  /**
   * Starts a token of the given kind.
   *
   * @param use ID or access
   * @param user the user
   * @return a builder of a valid token, to adjust
   */
  public TokenBuilder token(TokenUse use, SeededUser user) {
    return use == TokenUse.ID ? idToken(user) : accessToken(user);
  }

  /**
   * Mints a valid ID token.
   *
   * @param user the user
   * @return the token
   */
  public String validIdToken(SeededUser user) {
    return idToken(user).sign();
  }

  /**
   * Mints a valid access token.
   *
   * @param user the user
   * @return the token
   */
  public String validAccessToken(SeededUser user) {
    return accessToken(user).sign();
  }

  /**
   * Mints an ID token that expires exactly now.
   *
   * @param user the user
   * @return the token
   */
  public String expiredIdToken(SeededUser user) {
    return idToken(user).expired().sign();
  }

  /**
   * Mints an ID token issued to another app client.
   *
   * @param user the user
   * @return the token
   */
  public String wrongAudienceIdToken(SeededUser user) {
    return idToken(user).audience("another-app-client").sign();
  }

  /**
   * Mints an ID token from another user pool.
   *
   * @param user the user
   * @return the token
   */
  public String wrongIssuerIdToken(SeededUser user) {
    return idToken(user).issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_SomeoneElse").sign();
  }

  /**
   * Mints an ID token whose {@code token_use} is neither {@code id} nor {@code access}.
   *
   * @param user the user
   * @return the token
   */
  public String wrongTokenUseIdToken(SeededUser user) {
    return idToken(user).tokenUse("refresh").sign();
  }

  /**
   * Mints an ID token signed by a key no verifier trusts (under the trusted {@code kid}).
   *
   * @param user the user
   * @return the token
   */
  public String badSignatureIdToken(SeededUser user) {
    return idToken(user).signedByUntrustedKey().sign();
  }

  /**
   * Mints an ID token whose {@code nbf} is in the future.
   *
   * @param user the user
   * @return the token
   */
  public String notYetValidIdToken(SeededUser user) {
    return idToken(user).notYetValid().sign();
  }

  /**
   * Mints an ID token under a {@code kid} no key set has.
   *
   * @param user the user
   * @return the token
   */
  public String unknownKeyIdToken(SeededUser user) {
    return idToken(user).keyId("unknown-key-id").sign();
  }

  private static TokenSubject bare(String userId) {
    Objects.requireNonNull(userId, "userId");
    return new TokenSubject(userId, userId, Map.of(), List.of(), List.of(), null);
  }
}

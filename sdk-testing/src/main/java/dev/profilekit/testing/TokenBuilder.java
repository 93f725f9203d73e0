package dev.profilekit.testing;

import dev.profilekit.testing.internal.JwtMinter;
import dev.profilekit.testing.internal.JwtMinter.Signing;
import dev.profilekit.testing.internal.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one test token, valid or broken on purpose, starting from a token in Cognito's shape.
 *
 * <p>Obtained from {@link TestTokens}. Times default to the minter's clock: {@code iat} and {@code
 * auth_time} are now and {@code exp} is now plus the lifetime. Not thread-safe; build one token per
 * builder.
 *
 * <pre>{@code
 * String token = tokens.idToken(ada).audience("someone-else").sign();
 * }</pre>
 */
public final class TokenBuilder {

  private final Map<String, Object> claims;
  private final boolean idToken;
  private final Clock clock;
  private Duration lifetime;
  private Instant issuedAt;
  private Instant expiresAt;
  private Instant authTime;
  private String keyId = TestKeys.KEY_ID;
  private Signing signing = Signing.TRUSTED;

  TokenBuilder(Map<String, Object> claims, boolean idToken, Clock clock, Duration lifetime) {
    this.claims = new LinkedHashMap<>(claims);
    this.idToken = idToken;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /**
   * Sets {@code iat} (and {@code auth_time}, unless set separately).
   *
   * @param instant the issue instant
   * @return this builder
   */
  public TokenBuilder issuedAt(Instant instant) {
    this.issuedAt = Objects.requireNonNull(instant, "instant");
    return this;
  }

  /**
   * Sets the lifetime: {@code exp} is {@code iat} plus this.
   *
   * @param lifetime the lifetime
   * @return this builder
   */
  public TokenBuilder lifetime(Duration lifetime) {
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    return this;
  }

  /**
   * Sets {@code exp} directly.
   *
   * @param instant the expiry instant
   * @return this builder
   */
  public TokenBuilder expiresAt(Instant instant) {
    this.expiresAt = Objects.requireNonNull(instant, "instant");
    return this;
  }

  /**
   * Makes the token expire exactly now: a strict verifier rejects it as expired.
   *
   * @return this builder
   */
  public TokenBuilder expired() {
    Instant now = clock.instant();
    this.issuedAt = now.minus(lifetime);
    this.expiresAt = now;
    return this;
  }

  /**
   * Sets {@code nbf} five minutes after now: the token is not valid yet.
   *
   * @return this builder
   */
  public TokenBuilder notYetValid() {
    return notBefore(clock.instant().plus(Duration.ofMinutes(5)));
  }

  /**
   * Sets {@code nbf}.
   *
   * @param instant the not-before instant
   * @return this builder
   */
  public TokenBuilder notBefore(Instant instant) {
    claims.put("nbf", instant.getEpochSecond());
    return this;
  }

  /**
   * Sets {@code iat} five minutes after now: the token claims to be issued in the future.
   *
   * @return this builder
   */
  public TokenBuilder issuedInFuture() {
    this.issuedAt = clock.instant().plus(Duration.ofMinutes(5));
    return this;
  }

  /**
   * Sets the audience: {@code aud} of an ID token, {@code client_id} of an access token.
   *
   * @param clientId the app client id
   * @return this builder
   */
  public TokenBuilder audience(String clientId) {
    claims.put(idToken ? "aud" : "client_id", clientId);
    return this;
  }

  /**
   * Sets {@code iss}.
   *
   * @param issuer the issuer
   * @return this builder
   */
  public TokenBuilder issuer(String issuer) {
    claims.put("iss", issuer);
    return this;
  }

  /**
   * Sets {@code token_use} ({@code id}, {@code access}, or anything else to test rejection).
   *
   * @param tokenUse the value
   * @return this builder
   */
  public TokenBuilder tokenUse(String tokenUse) {
    claims.put("token_use", tokenUse);
    return this;
  }

  /**
   * Sets {@code cognito:groups}.
   *
   * @param groups the groups
   * @return this builder
   */
  public TokenBuilder groups(String... groups) {
    claims.put("cognito:groups", new ArrayList<>(Arrays.asList(groups)));
    return this;
  }

  /**
   * Sets {@code nonce}, as an ID token from a federated sign-in carries it.
   *
   * @param nonce the nonce
   * @return this builder
   */
  public TokenBuilder nonce(String nonce) {
    claims.put("nonce", nonce);
    return this;
  }

  /**
   * Sets any claim; JSON-compatible values only (strings, numbers, booleans, lists, maps).
   *
   * @param name the claim name
   * @param value the value
   * @return this builder
   */
  public TokenBuilder claim(String name, Object value) {
    claims.put(Objects.requireNonNull(name, "name"), value);
    return this;
  }

  /**
   * Removes a claim, including {@code exp} or {@code iat}, to test tokens that lack it.
   *
   * @param name the claim name
   * @return this builder
   */
  public TokenBuilder withoutClaim(String name) {
    claims.put(name, Removed.INSTANCE);
    return this;
  }

  /**
   * Sets the header's {@code kid}; null leaves it out.
   *
   * @param keyId the key id
   * @return this builder
   */
  public TokenBuilder keyId(String keyId) {
    this.keyId = keyId;
    return this;
  }

  /**
   * Signs with a key that is not in the test JWKS but claims the trusted key's {@code kid}.
   *
   * @return this builder
   */
  public TokenBuilder signedByUntrustedKey() {
    this.signing = Signing.UNTRUSTED_KEY;
    return this;
  }

  /**
   * Signs correctly, then alters the signature.
   *
   * @return this builder
   */
  public TokenBuilder tamperedSignature() {
    this.signing = Signing.TAMPERED;
    return this;
  }

  /**
   * Produces an unsigned token ({@code alg: none}).
   *
   * @return this builder
   */
  public TokenBuilder unsigned() {
    this.signing = Signing.UNSIGNED;
    return this;
  }

  /**
   * Signs with HS256, using the trusted public key as the HMAC secret.
   *
   * @return this builder
   */
  public TokenBuilder hmacSignedWithPublicKey() {
    this.signing = Signing.HS256_WITH_PUBLIC_KEY;
    return this;
  }

  /**
   * Builds and signs the token.
   *
   * @return the compact JWT
   */
  public String sign() {
    Instant iat = issuedAt != null ? issuedAt : clock.instant();
    Instant exp = expiresAt != null ? expiresAt : iat.plus(lifetime);
    Map<String, Object> finalClaims = new LinkedHashMap<>();
    finalClaims.put("auth_time", (authTime != null ? authTime : iat).getEpochSecond());
    finalClaims.putAll(claims);
    finalClaims.putIfAbsent("exp", exp.getEpochSecond());
    finalClaims.putIfAbsent("iat", iat.getEpochSecond());
    finalClaims.values().removeIf(value -> value == Removed.INSTANCE);
    return JwtMinter.mint(finalClaims, keyId, signing);
  }

  /**
   * Sets {@code auth_time}.
   *
   * @param instant when the user authenticated
   * @return this builder
   */
  public TokenBuilder authTime(Instant instant) {
    this.authTime = Objects.requireNonNull(instant, "instant");
    return this;
  }

  /** Marks a claim to leave out. */
  private enum Removed {
    INSTANCE
  }
}

package dev.profilekit.aws.jwt.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.internal.ClaimReader;
import dev.profilekit.internal.UserMapper;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The verifier's policy, applied in a fixed order: shape (segments, base64url, strict JSON),
 * algorithm, {@code crit}, issuer, key, signature, times, token use, audience, claims mapping,
 * groups, scopes. The order decides which reason a token with several defects gets; the signature
 * is checked before any claim is trusted.
 */
public final class TokenChecks {

  private final Map<String, PoolKeys> pools;
  private final Set<String> clientIds;
  private final Set<TokenUse> tokenUses;
  private final Set<JWSAlgorithm> algorithms;
  private final Duration clockSkew;
  private final Duration maxLifetime;
  private final Set<String> requiredGroups;
  private final Set<String> requiredScopes;
  private final boolean requireStringAudience;
  private final SignatureCheck signatures = new SignatureCheck();

  /**
   * Creates the checks.
   *
   * @param pools the user pools' keys by issuer
   * @param clientIds the allowed app clients
   * @param tokenUses the accepted token uses
   * @param algorithms the allowed algorithms
   * @param clockSkew the tolerance for exp, nbf and iat
   * @param maxLifetime the longest exp - iat accepted
   * @param requiredGroups groups the user must all be in
   * @param requiredScopes scopes the token must all carry
   * @param requireStringAudience refuse an ID token whose {@code aud} is an array, even of one
   */
  public TokenChecks(
      Map<String, PoolKeys> pools,
      Set<String> clientIds,
      Set<TokenUse> tokenUses,
      Set<JWSAlgorithm> algorithms,
      Duration clockSkew,
      Duration maxLifetime,
      Set<String> requiredGroups,
      Set<String> requiredScopes,
      boolean requireStringAudience) {
    this.pools = Map.copyOf(pools);
    this.clientIds = Set.copyOf(clientIds);
    this.tokenUses = Set.copyOf(tokenUses);
    this.algorithms = Set.copyOf(algorithms);
    this.clockSkew = clockSkew;
    this.maxLifetime = maxLifetime;
    this.requiredGroups = Set.copyOf(requiredGroups);
    this.requiredScopes = Set.copyOf(requiredScopes);
    this.requireStringAudience = requireStringAudience;
  }

  /**
   * Runs every check that depends only on the token and the time, and maps the claims.
   *
   * @param token the token, already within the length limit
   * @param now the current instant
   * @return the verified user
   * @throws TokenRejectedException with the reason
   */
  public VerifiedUser verify(String token, Instant now) {
    TokenParts parts = TokenParts.of(token);
    Map<String, Object> header = parseJson(parts.headerJson(), "header");
    if (!(header.get("alg") instanceof String algName)) {
      throw Rejections.reject(Reason.MALFORMED, "The token's header has no alg");
    }
    JWSAlgorithm alg = JWSAlgorithm.parse(algName);
    if (!algorithms.contains(alg)) {
      throw Rejections.reject(Reason.ALGORITHM_NOT_ALLOWED, "The token's alg is not allowed");
    }
    if (header.containsKey("crit")) {
      // No extension is understood, so any crit names one we cannot honour (RFC 7515 4.1.11).
      throw Rejections.reject(Reason.ALGORITHM_NOT_ALLOWED, "The token has a crit header");
    }
    parts.requireSignature();
    ClaimReader claims = new ClaimReader(parseJson(parts.payloadJson(), "payload"));
    String issuer = claims.string("iss").orElse("");
    PoolKeys pool = pools.get(issuer);
    if (pool == null) {
      throw Rejections.reject(Reason.WRONG_ISSUER, "The token's iss is not a configured user pool");
    }
    Object kidValue = header.get("kid");
    if (kidValue == null) {
      throw Rejections.reject(Reason.UNKNOWN_KEY, "The token's header has no kid");
    }
    if (!(kidValue instanceof String kid)) {
      throw Rejections.reject(Reason.MALFORMED, "The token's kid is not a string");
    }
    if (kid.isEmpty()) {
      throw Rejections.reject(Reason.UNKNOWN_KEY, "The token's kid is empty");
    }
    JWSHeader jwsHeader;
    try {
      jwsHeader = JWSHeader.parse(header, new Base64URL(parts.headerSegment()));
    } catch (ParseException e) {
      throw Rejections.reject(Reason.MALFORMED, "The token's header is not a valid JWS header", e);
    }
    // Only the pool's key set chooses the key: jku, x5u, jwk and x5c headers are never consulted.
    signatures.verify(jwsHeader, parts, pool.find(kid, alg));

    Instant expiresAt =
        claims
            .instant("exp")
            .orElseThrow(() -> Rejections.reject(Reason.MISSING_EXPIRY, "The token has no exp"));
    // now - skew, not exp + skew: an exp near Instant.MAX must not overflow into an exception.
    if (!now.minus(clockSkew).isBefore(expiresAt)) {
      throw Rejections.reject(Reason.EXPIRED, "The token expired at " + expiresAt);
    }
    Optional<Instant> notBefore = claims.instant("nbf");
    if (notBefore.isPresent() && notBefore.get().isAfter(now.plus(clockSkew))) {
      throw Rejections.reject(Reason.NOT_YET_VALID, "The token is not valid before " + notBefore.get());
    }
    Instant issuedAt =
        claims
            .instant("iat")
            .orElseThrow(() -> Rejections.reject(Reason.ISSUED_IN_FUTURE, "The token has no iat"));
    if (issuedAt.isAfter(now.plus(clockSkew))) {
      throw Rejections.reject(Reason.ISSUED_IN_FUTURE, "The token's iat is in the future");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw Rejections.reject(Reason.MALFORMED, "The token's exp is not after its iat");
    }
    if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
      throw Rejections.reject(
          Reason.LIFETIME_TOO_LONG, "The token's lifetime exceeds the maximum of " + maxLifetime);
    }

    TokenUse use = tokenUse(claims);
    String clientId = use == TokenUse.ID ? audience(claims, requireStringAudience) : claims.string("client_id").orElse(null);
    if (clientId == null || !clientIds.contains(clientId)) {
      throw Rejections.reject(
          Reason.WRONG_AUDIENCE,
          "The token's " + (use == TokenUse.ID ? "aud" : "client_id") + " is not an allowed app client");
    }
    VerifiedUser user = UserMapper.map(claims, use, clientId, issuer, issuedAt, expiresAt);
    if (!user.groups().containsAll(requiredGroups)) {
      throw Rejections.reject(Reason.MISSING_GROUP, "The user is not in every required group");
    }
    if (!user.scopes().containsAll(requiredScopes)) {
      throw Rejections.reject(Reason.MISSING_SCOPE, "The token lacks a required scope");
    }
    return user;
  }

  private TokenUse tokenUse(ClaimReader claims) {
    String value = claims.string("token_use").orElse("");
    TokenUse use;
    if (value.equals("id")) {
      use = TokenUse.ID;
    } else if (value.equals("access")) {
      use = TokenUse.ACCESS;
    } else {
      throw Rejections.reject(Reason.WRONG_TOKEN_USE, "The token's token_use is neither id nor access");
    }
    if (!tokenUses.contains(use)) {
      throw Rejections.reject(
          Reason.WRONG_TOKEN_USE, "The token is an " + value + " token, which is not accepted here");
    }
    return use;
  }

  /**
   * Cognito's {@code aud} is one string. An array is refused when a string is required (the
   * default), else accepted only when it holds exactly one.
   */
  private static String audience(ClaimReader claims, boolean requireString) {
    Object aud = claims.all().get("aud");
    if (aud instanceof String s) {
      return s;
    }
    if (aud instanceof List<?> && requireString) {
      throw Rejections.reject(Reason.WRONG_AUDIENCE,
          "The token's aud is an array, not the single string Cognito issues (see requireStringAudience)");
    }
    if (aud instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String s) {
      return s;
    }
    return null;
  }

  private static Map<String, Object> parseJson(String json, String part) {
    try {
      return JSONObjectUtils.parse(json);
    } catch (ParseException e) {
      throw Rejections.reject(Reason.MALFORMED, "The token's " + part + " is not a JSON object", e);
    }
  }

}

package dev.profilekit.testing.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.internal.ClaimReader;
import dev.profilekit.internal.SignOutRule;
import dev.profilekit.internal.UserMapper;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies the in-memory service's tokens as strictly as a real Cognito verifier: RS256 only,
 * known key, valid signature, then {@code exp} (expired at {@code exp}, no clock skew), {@code
 * nbf}, {@code iat}, {@code iss}, {@code token_use}, {@code aud}/{@code client_id}, and finally
 * revocation by "signed out everywhere" instants.
 */
public final class TokenChecker {

  /** Longest token accepted, in characters; longer input is refused before parsing. */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private final String issuer;
  private final String clientId;
  private final Clock clock;
  private final Revocations revocations;

  /** A user's revocation records, as {@link SignOutRule} reads them. */
  public interface Revocations {

    /**
     * Returns the instant of the user's last sign-out everywhere.
     *
     * @param userId the user
     * @return the instant, or null
     */
    Instant tokensValidAfter(String userId);

    /**
     * Returns the user's revoked sessions.
     *
     * @param userId the user
     * @return {@code origin_jti} to record expiry, never null
     */
    Map<String, Instant> revokedSessions(String userId);
  }

  /**
   * Creates a checker.
   *
   * @param issuer the only accepted {@code iss}
   * @param clientId the only accepted audience
   * @param clock the clock expiry is judged by
   * @param revocations the users' revocation records, or null to check none
   */
  public TokenChecker(String issuer, String clientId, Clock clock, Revocations revocations) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.clock = clock;
    this.revocations = revocations;
  }

  /**
   * Verifies a token.
   *
   * @param token the compact JWT
   * @return the user it speaks for
   * @throws TokenRejectedException with the reason when it is not acceptable
   */
  public VerifiedUser verify(String token) {
    JWTClaimsSet claims = verifiedClaims(token);
    return toUser(claims);
  }

  /**
   * Verifies a token and returns its claims.
   *
   * @param token the compact JWT
   * @return the claims
   * @throws TokenRejectedException with the reason when it is not acceptable
   */
  public JWTClaimsSet verifiedClaims(String token) {
    if (token == null || token.isEmpty()) {
      throw reject(Reason.MALFORMED, "the token is empty");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw reject(Reason.TOO_LARGE, "the token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    SignedJWT jwt;
    JWSHeader header;
    try {
      jwt = SignedJWT.parse(token);
      header = jwt.getHeader();
    } catch (ParseException | IllegalArgumentException e) {
      // An alg=none token parses as a PlainJWT, which SignedJWT refuses: tell that case apart.
      if (token.chars().filter(c -> c == '.').count() == 2 && headerNamesNone(token)) {
        throw reject(Reason.ALGORITHM_NOT_ALLOWED, "unsigned tokens are not accepted");
      }
      throw reject(Reason.MALFORMED, "the token is not a well-formed signed JWT");
    }
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      throw reject(Reason.ALGORITHM_NOT_ALLOWED, "only RS256 is accepted");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw reject(Reason.ALGORITHM_NOT_ALLOWED, "critical header parameters are not understood");
    }
    if (!TestKeys.KEY_ID.equals(header.getKeyID())) {
      throw reject(Reason.UNKNOWN_KEY, "the token's key is not in the user pool's key set");
    }
    try {
      if (!jwt.verify(TestKeys.trusted().verifier())) {
        throw reject(Reason.BAD_SIGNATURE, "the signature does not verify");
      }
    } catch (JOSEException | IllegalStateException e) {
      throw reject(Reason.BAD_SIGNATURE, "the signature does not verify");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw reject(Reason.MALFORMED, "the claims are not a JSON object");
    }
    Map<String, Object> written = jwt.getPayload().toJSONObject();
    for (String time : List.of("exp", "iat", "nbf")) {
      // Written as JSON null is not absent, as for the AWS verifier (its ClaimReader).
      if (written != null && written.containsKey(time) && written.get(time) == null) {
        throw reject(Reason.MALFORMED, "the token's " + time + " is null, not an integer number of seconds");
      }
    }
    // Cognito's aud is one string; the AWS verifier refuses an array by default (requireStringAudience).
    if (written != null && written.get("aud") instanceof List<?>) {
      throw reject(Reason.WRONG_AUDIENCE, "the token's aud is an array, not the single string Cognito issues");
    }
    checkClaims(claims);
    return claims;
  }

  private void checkClaims(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date exp;
    Date iat;
    Date nbf;
    try {
      exp = claims.getDateClaim("exp");
      iat = claims.getDateClaim("iat");
      nbf = claims.getDateClaim("nbf");
    } catch (ParseException e) {
      throw reject(Reason.MALFORMED, "a time claim is not a number");
    }
    if (exp == null) {
      throw reject(Reason.MISSING_EXPIRY, "the token has no exp claim");
    }
    if (!now.isBefore(exp.toInstant())) {
      throw reject(Reason.EXPIRED, "the token expired");
    }
    if (nbf != null && now.isBefore(nbf.toInstant())) {
      throw reject(Reason.NOT_YET_VALID, "the token is not valid yet");
    }
    if (iat == null || iat.toInstant().isAfter(now)) {
      throw reject(Reason.ISSUED_IN_FUTURE, "the token's iat is missing or in the future");
    }
    if (!issuer.equals(stringClaim(claims, "iss"))) {
      throw reject(Reason.WRONG_ISSUER, "the token was issued by another user pool");
    }
    String use = stringClaim(claims, "token_use");
    if ("id".equals(use)) {
      // Cognito's aud is one string; the AWS verifier refuses an array by default (requireStringAudience).
      List<String> audience = claims.getAudience();
      if (audience.size() != 1 || !clientId.equals(audience.get(0))) {
        throw reject(Reason.WRONG_AUDIENCE, "the token was issued to another app client");
      }
    } else if ("access".equals(use)) {
      if (!clientId.equals(stringClaim(claims, "client_id"))) {
        throw reject(Reason.WRONG_AUDIENCE, "the token was issued to another app client");
      }
    } else {
      throw reject(Reason.WRONG_TOKEN_USE, "token_use is neither id nor access");
    }
    String subject = stringClaim(claims, "sub");
    if (subject == null || subject.isEmpty()) {
      throw reject(Reason.MALFORMED, "the token has no sub claim");
    }
    checkNotRevoked(subject, iat.toInstant(), Optional.ofNullable(stringClaim(claims, "origin_jti")));
  }

  /**
   * Rejects a user read from a token that is revoked now: issued before the user signed out
   * everywhere, or of a session that was signed out.
   *
   * @param user what the token says
   * @throws TokenRejectedException with {@link Reason#REVOKED}
   */
  public void checkNotRevoked(VerifiedUser user) {
    checkNotRevoked(user.userId(), user.issuedAt(), user.originJti());
  }

  private void checkNotRevoked(String userId, Instant issuedAt, Optional<String> originJti) {
    if (revocations == null) {
      return;
    }
    if (SignOutRule.revokes(revocations.tokensValidAfter(userId), issuedAt)) {
      throw reject(Reason.REVOKED, "the user signed out everywhere after this token was issued");
    }
    if (SignOutRule.revokesSession(revocations.revokedSessions(userId), originJti)) {
      throw reject(Reason.REVOKED, "the token's session was signed out");
    }
  }

  private VerifiedUser toUser(JWTClaimsSet claims) {
    // Signature, times, issuer, audience and token use are checked: the shared mapping does the rest.
    TokenUse use = "id".equals(stringClaim(claims, "token_use")) ? TokenUse.ID : TokenUse.ACCESS;
    String audience = use == TokenUse.ID ? claims.getAudience().get(0) : stringClaim(claims, "client_id");
    Map<String, Object> raw = new java.util.HashMap<>(claims.getClaims());
    // nimbus turns the registered time claims into Dates; they are passed on as instants instead.
    raw.remove("exp");
    raw.remove("iat");
    raw.remove("nbf");
    return UserMapper.map(new ClaimReader(raw), use, audience, claims.getIssuer(),
        claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      throw reject(Reason.MALFORMED, "claim " + name + " is not a string");
    }
  }

  private static boolean headerNamesNone(String token) {
    try {
      String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
          java.nio.charset.StandardCharsets.UTF_8);
      return header.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("\"alg\":\"none\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static TokenRejectedException reject(Reason reason, String message) {
    return new TokenRejectedException(reason, message);
  }
}

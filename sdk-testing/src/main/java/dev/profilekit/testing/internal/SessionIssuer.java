package dev.profilekit.testing.internal;

import dev.profilekit.AuthSession;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.VerifiedUser;
import dev.profilekit.internal.AccountDeletion;
import dev.profilekit.internal.RefreshRotation;
import dev.profilekit.internal.SignOutRule;
import dev.profilekit.testing.internal.JwtMinter.Signing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Issues, refreshes, revokes and verifies the in-memory service's sessions: ID and access JWTs
 * signed by the test key, and opaque refresh tokens of which only a digest is kept. With rotation
 * on, each refresh replaces the refresh token ({@link RefreshRotation}).
 */
public final class SessionIssuer {

  private record RefreshGrant(String userId, Instant authTime, Instant issuedAt, Instant expiresAt, String originJti) {}

  private final String issuer;
  private final String clientId;
  private final Clock clock;
  private final Duration idTokenLifetime;
  private final Duration accessTokenLifetime;
  private final Duration refreshTokenLifetime;
  private final boolean rotateRefreshTokens;
  private final Map<String, RefreshGrant> refreshGrants = new ConcurrentHashMap<>();
  /** Digests of refresh tokens rotation replaced, to when they would have expired (then they may go). */
  private final Map<String, Instant> replacedRefreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Instant> tokensValidAfter = new ConcurrentHashMap<>();
  /** Per user, the revoked sessions: {@code origin_jti} to record expiry (SignOutRule). */
  private final Map<String, Map<String, Instant>> revokedSessions = new ConcurrentHashMap<>();
  private final TokenChecker checker;
  private final TokenChecker ownTokenReader;

  /**
   * Creates an issuer.
   *
   * @param issuer the {@code iss}
   * @param clientId the app client id
   * @param clock the clock
   * @param idTokenLifetime lifetime of ID tokens
   * @param accessTokenLifetime lifetime of access tokens
   * @param refreshTokenLifetime lifetime of refresh tokens
   * @param rotateRefreshTokens whether each refresh replaces the refresh token, as an app client
   *     with refresh token rotation does
   */
  public SessionIssuer(String issuer, String clientId, Clock clock, Duration idTokenLifetime, Duration accessTokenLifetime,
      Duration refreshTokenLifetime, boolean rotateRefreshTokens) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.clock = clock;
    this.idTokenLifetime = idTokenLifetime;
    this.accessTokenLifetime = accessTokenLifetime;
    this.refreshTokenLifetime = refreshTokenLifetime;
    this.rotateRefreshTokens = rotateRefreshTokens;
    this.checker = new TokenChecker(issuer, clientId, clock, new TokenChecker.Revocations() {
      @Override
      public Instant tokensValidAfter(String userId) {
        return tokensValidAfter.get(userId);
      }

      @Override
      public Map<String, Instant> revokedSessions(String userId) {
        return revokedSessions.getOrDefault(userId, Map.of());
      }
    });
    // A session's user is read from the token just minted; revocation cannot apply to it yet.
    this.ownTokenReader = new TokenChecker(issuer, clientId, clock, null);
  }

  /**
   * Issues a session with a refresh token.
   *
   * @param subject whom it is for; a null auth time means now
   * @param nonce the nonce to put into the ID token, or null
   * @return the session
   */
  public AuthSession issue(TokenSubject subject, String nonce) {
    Instant now = clock.instant();
    Instant authTime = subject.authTime() != null ? subject.authTime() : now;
    String refreshToken = Secrets.randomToken(48);
    // As Cognito does, every token minted from one refresh token carries the same origin_jti.
    String originJti = Secrets.randomToken(16);
    refreshGrants.put(Secrets.s256(refreshToken),
        new RefreshGrant(subject.userId(), authTime, now, now.plus(refreshTokenLifetime), originJti));
    return session(subject, authTime, nonce, refreshToken, originJti);
  }

  /**
   * Refreshes a session.
   *
   * @param refreshToken the refresh token
   * @param subjects the current subject of a user id, or null if the user is gone
   * @return the new session, with the same refresh token, or with its replacement when rotating
   */
  public AuthSession refresh(String refreshToken, Function<String, TokenSubject> subjects) {
    String digest = Secrets.s256(refreshToken);
    RefreshGrant grant = refreshGrants.get(digest);
    if (grant == null) {
      if (replacedRefreshTokens.containsKey(digest)) {
        throw RefreshRotation.reused("");
      }
      throw new TokenRejectedException(Reason.REVOKED, "the refresh token was revoked or never issued");
    }
    Instant now = clock.instant();
    if (!now.isBefore(grant.expiresAt())) {
      throw new TokenRejectedException(Reason.EXPIRED, "the refresh token expired");
    }
    if (SignOutRule.revokes(tokensValidAfter.get(grant.userId()), grant.issuedAt())) {
      throw new TokenRejectedException(Reason.REVOKED, "the user signed out everywhere");
    }
    TokenSubject subject = subjects.apply(grant.userId());
    if (subject == null) {
      throw new TokenRejectedException(Reason.REVOKED, "the user no longer exists");
    }
    return session(subject, grant.authTime(), null, RefreshRotation.refreshTokenAfter(refreshToken, rotate(digest, grant)),
        grant.originJti());
  }

  /**
   * Replaces a refresh token when rotating: the new one continues the session (same user, auth
   * time, expiry and origin_jti); the old one is refused from now on. Exactly one of concurrent
   * refreshes with one token wins, as the grant can be removed once.
   */
  private Optional<String> rotate(String digest, RefreshGrant grant) {
    if (!rotateRefreshTokens) {
      return Optional.empty();
    }
    if (!refreshGrants.remove(digest, grant)) {
      throw RefreshRotation.reused("");
    }
    Instant now = clock.instant();
    replacedRefreshTokens.values().removeIf(expiry -> !now.isBefore(expiry));
    replacedRefreshTokens.put(digest, grant.expiresAt());
    String replacement = Secrets.randomToken(48);
    refreshGrants.put(Secrets.s256(replacement), grant);
    return Optional.of(replacement);
  }

  /**
   * Revokes one refresh token.
   *
   * @param refreshToken the token
   */
  public void revoke(String refreshToken) {
    refreshGrants.remove(Secrets.s256(refreshToken));
  }

  /**
   * Signs one session out: its refresh token is revoked and, as the AWS implementation records
   * it, every ID and access token of the session ({@code origin_jti}) is rejected from now on.
   *
   * @param refreshToken the session's refresh token
   * @param accessToken the session's access token, which names the session
   * @throws TokenRejectedException if the access token is refused for another reason than expiry
   *     or revocation
   */
  public void signOut(String refreshToken, String accessToken) {
    Instant now = clock.instant();
    SignOutRule.sessionToRevoke(() -> checker.verify(accessToken)).ifPresent(user -> {
      Map<String, Instant> sessions = revokedSessions.computeIfAbsent(user.userId(), id -> new ConcurrentHashMap<>());
      // Expired records go, as the AWS implementation drops them when it writes the next one.
      sessions.keySet().retainAll(SignOutRule.unexpired(sessions, now).keySet());
      sessions.put(user.originJti().orElseThrow(), SignOutRule.sessionRecordExpiry(now, user));
    });
    revoke(refreshToken);
  }

  /**
   * Makes every token and refresh token of the user issued until now unacceptable.
   *
   * @param userId the user
   */
  public void signOutEverywhere(String userId) {
    tokensValidAfter.put(userId, clock.instant());
    refreshGrants.values().removeIf(grant -> grant.userId().equals(userId));
  }

  /**
   * Forgets a deleted user's refresh tokens and sign-out record, and rejects every token of the
   * user from now on.
   *
   * @param userId the user
   */
  public void forgetDeletedUser(String userId) {
    tokensValidAfter.put(userId, AccountDeletion.NO_TOKEN_VALID);
    // As the tombstone replaces the AWS item: no session record is needed any more.
    revokedSessions.remove(userId);
    refreshGrants.values().removeIf(grant -> grant.userId().equals(userId));
  }

  /**
   * Verifies a token, revocation included.
   *
   * @param token the JWT
   * @return the user
   */
  public VerifiedUser verify(String token) {
    return checker.verify(token);
  }

  /**
   * Returns the checker, for callers that need the claims.
   *
   * @return the checker
   */
  public TokenChecker checker() {
    return checker;
  }

  private AuthSession session(TokenSubject subject, Instant authTime, String nonce, String refreshToken, String originJti) {
    Instant now = clock.instant();
    Map<String, Object> idClaims = CognitoClaims.idToken(subject, issuer, clientId);
    idClaims.put("origin_jti", originJti);
    if (nonce != null) {
      idClaims.put("nonce", nonce);
    }
    String idToken = JwtMinter.mint(timed(idClaims, now, idTokenLifetime, authTime), TestKeys.KEY_ID, Signing.TRUSTED);
    Map<String, Object> accessClaims = CognitoClaims.accessToken(subject, issuer, clientId);
    accessClaims.put("origin_jti", originJti);
    String accessToken = JwtMinter.mint(timed(accessClaims, now, accessTokenLifetime, authTime), TestKeys.KEY_ID, Signing.TRUSTED);
    return AuthSession.builder()
        .idToken(idToken)
        .accessToken(accessToken)
        .refreshToken(refreshToken)
        .expiresAt(Instant.ofEpochSecond(now.getEpochSecond()).plus(idTokenLifetime))
        .user(ownTokenReader.verify(idToken))
        .build();
  }

  private static Map<String, Object> timed(Map<String, Object> claims, Instant now, Duration lifetime, Instant authTime) {
    long iat = now.getEpochSecond();
    claims.put("auth_time", authTime.getEpochSecond());
    claims.put("iat", iat);
    claims.put("exp", iat + lifetime.getSeconds());
    return claims;
  }
}

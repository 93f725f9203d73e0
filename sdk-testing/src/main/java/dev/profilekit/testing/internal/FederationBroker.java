package dev.profilekit.testing.internal;

import dev.profilekit.FederatedSignInException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the hosted UI's authorization server for the in-memory service: issues one-time
 * authorization codes bound to a user, a redirect URI, a nonce and a PKCE S256 challenge, and
 * redeems them only with the matching verifier.
 */
public final class FederationBroker {

  /** How long an authorization code can be redeemed (Cognito: 5 minutes). */
  public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

  /**
   * What a redeemed code stood for.
   *
   * @param userId the user who signed in
   * @param nonce the nonce of the authorization request
   */
  public record Grant(String userId, String nonce) {}

  private record Issued(String userId, String codeChallenge, String redirectUri, String nonce, Instant expiresAt) {}

  private final Map<String, Issued> codes = new ConcurrentHashMap<>();
  private final Clock clock;

  /**
   * Creates a broker.
   *
   * @param clock the clock codes expire by
   */
  public FederationBroker(Clock clock) {
    this.clock = clock;
  }

  /**
   * Issues an authorization code, as the hosted UI does after the provider authenticated the user.
   *
   * @param userId the user
   * @param codeChallenge the S256 challenge of the authorization request
   * @param redirectUri the redirect URI of the request
   * @param nonce the nonce of the request
   * @return the code
   */
  public String issueCode(String userId, String codeChallenge, String redirectUri, String nonce) {
    String code = Secrets.randomToken(32);
    codes.put(Secrets.s256(code), new Issued(userId, codeChallenge, redirectUri, nonce, clock.instant().plus(CODE_LIFETIME)));
    return code;
  }

  /**
   * Redeems a code once, as the token endpoint does.
   *
   * @param code the code
   * @param redirectUri the redirect URI sent with the exchange
   * @param codeVerifier the PKCE verifier
   * @return the grant
   * @throws FederatedSignInException ({@code invalid_grant}) if anything does not match
   */
  public Grant redeem(String code, String redirectUri, String codeVerifier) {
    // A code is consumed by any attempt, right or wrong, as at a real token endpoint.
    Issued issued = codes.remove(Secrets.s256(code));
    if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
      throw new FederatedSignInException("invalid_grant", "The authorization code is unknown, used or expired");
    }
    if (!issued.redirectUri().equals(redirectUri)) {
      throw new FederatedSignInException("invalid_grant", "The redirect URI differs from the authorization request's");
    }
    if (codeVerifier == null || !Secrets.constantTimeEquals(issued.codeChallenge(), Secrets.s256(codeVerifier))) {
      throw new FederatedSignInException("invalid_grant", "The PKCE code verifier does not match the challenge");
    }
    return new Grant(issued.userId(), issued.nonce());
  }
}

package dev.profilekit.testing.internal;

import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.internal.RequestChecks;
import dev.profilekit.testing.TotpCodes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory user pool's authenticator apps (TOTP), as Cognito keeps them: {@link #associate}
 * gives a user a new secret ({@code AssociateSoftwareToken}), {@link #verify} confirms it with
 * the app's code ({@code VerifySoftwareToken}); only a verified secret is the user's app, which
 * {@link MfaDirectory} asks for codes of at sign-in.
 *
 * <p>Codes are RFC 6238 with Cognito's parameters ({@link TotpCodes}: SHA1, 6 digits, 30 s);
 * the code of the step before and after the current one is accepted too, the clock skew
 * authenticator apps are allowed.
 */
public final class AuthenticatorApps implements MfaDirectory.Authenticators {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  /** 20 bytes, 160 bits: RFC 4226's recommended HMAC-SHA1 key length, 32 Base32 characters. */
  private static final int SECRET_BYTES = 20;

  private final ConcurrentHashMap<String, String> associated = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> verified = new ConcurrentHashMap<>();
  private final Clock clock;

  /**
   * Creates an empty set of apps.
   *
   * @param clock the clock codes are checked by
   */
  public AuthenticatorApps(Clock clock) {
    this.clock = clock;
  }

  /**
   * Gives a user a new secret to enrol; a verified app stays the user's until this one is verified.
   *
   * @param userId the user
   * @return the Base32 secret
   */
  @Override
  public String associate(String userId) {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    String secret = base32(key);
    associated.put(userId, secret);
    return secret;
  }

  /**
   * Confirms the secret last associated with a user: it becomes the user's app.
   *
   * @param userId the user
   * @param code the app's code
   * @throws InvalidCodeException for a wrong code (the secret stays unverified)
   * @throws InvalidRequestException if no secret was associated, or the code is not 6 to 8 digits
   */
  @Override
  public void verify(String userId, String code) {
    String checked = MfaChallenges.code(code);
    String secret = associated.get(userId);
    RequestChecks.check(secret != null, "code", RequestChecks.CONSISTENT, "startTotpEnrolment first");
    if (!matches(secret, checked)) {
      throw new InvalidCodeException("The authenticator app's code was not accepted");
    }
    associated.remove(userId, secret);
    verified.put(userId, secret);
  }

  /**
   * Forgets a deleted user's apps.
   *
   * @param userId the user
   */
  public void forget(String userId) {
    associated.remove(userId);
    verified.remove(userId);
  }

  @Override
  public boolean enrolled(String userId) {
    return verified.containsKey(userId);
  }

  @Override
  public boolean verifies(String userId, String code) {
    String secret = verified.get(userId);
    return secret != null && matches(secret, code);
  }

  private boolean matches(String secret, String code) {
    Instant now = clock.instant();
    boolean right = false;
    for (int step = -1; step <= 1; step++) {
      // No early exit: every candidate is compared, in constant time.
      right |= Secrets.constantTimeEquals(TotpCodes.codeAt(secret, now.plusSeconds((long) step * TotpCodes.STEP_SECONDS)), code);
    }
    return right;
  }

  private static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "AuthenticatorApps[" + verified.size() + " enrolled]";
  }
}

package dev.profilekit.testing.internal;

import dev.profilekit.internal.SrpGroup;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Keeps what Cognito keeps of a password: an SRP verifier {@code v = g^x mod N} with {@code x =
 * H(salt | H(poolName | userId | ":" | password))} and a random 16-byte salt per password
 * ({@link SrpGroup}, the math the AWS client uses). The in-memory service never holds a password
 * in clear (a heap dump or a debugger shows only verifiers), and SRP sign-in needs nothing else:
 * the server's half of the exchange is computed from {@code v}.
 *
 * <p>The user id hashed is the user's {@code sub}, which the fake sends as {@code
 * USER_ID_FOR_SRP}, as Cognito does for a pool signing in by email; it never changes, so neither
 * does the verifier when the email does.
 */
public final class PasswordHasher {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Checked against for unknown users, so both failures cost the same. */
  private static final PasswordHash DUMMY = hash("Dummy", "unknown-user", "not-a-real-password");

  private PasswordHasher() {}

  /** A salted SRP verifier; holds no part of the password. */
  public static final class PasswordHash {
    private final String poolName;
    private final String userIdForSrp;
    private final BigInteger salt;
    private final BigInteger verifier;

    private PasswordHash(String poolName, String userIdForSrp, BigInteger salt, BigInteger verifier) {
      this.poolName = poolName;
      this.userIdForSrp = userIdForSrp;
      this.salt = salt;
      this.verifier = verifier;
    }

    /**
     * Returns the user id the verifier was computed over, sent as {@code USER_ID_FOR_SRP}.
     *
     * @return the user id
     */
    public String userIdForSrp() {
      return userIdForSrp;
    }

    /**
     * Returns the salt, as the hex sent in {@code SALT}.
     *
     * @return the salt in hex
     */
    public String saltHex() {
      return salt.toString(16);
    }

    /**
     * Returns the verifier v.
     *
     * @return v
     */
    public BigInteger verifier() {
      return verifier;
    }

    @Override
    public String toString() {
      return "PasswordHash[SRP verifier]";
    }
  }

  /**
   * Computes the verifier of a password with a fresh salt.
   *
   * @param poolName the pool name SRP hashes
   * @param userIdForSrp the user's {@code USER_ID_FOR_SRP}
   * @param password the password
   * @return the verifier
   */
  public static PasswordHash hash(String poolName, String userIdForSrp, String password) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    BigInteger salt = new BigInteger(1, bytes);
    BigInteger verifier = SrpGroup.verifier(SrpGroup.privateKey(poolName, userIdForSrp, password, salt));
    return new PasswordHash(poolName, userIdForSrp, salt, verifier);
  }

  /**
   * Checks a password against a verifier in constant time, as a password sent in clear is checked
   * ({@code changePassword}'s current password); a null verifier (unknown user) still costs one
   * exponentiation and never matches.
   *
   * @param password the candidate password
   * @param expected the stored verifier, or null
   * @return true when the password matches
   */
  public static boolean matches(String password, PasswordHash expected) {
    PasswordHash against = expected == null ? DUMMY : expected;
    BigInteger candidate = SrpGroup.verifier(SrpGroup.privateKey(against.poolName, against.userIdForSrp, password, against.salt));
    boolean equal = MessageDigest.isEqual(candidate.toByteArray(), against.verifier.toByteArray());
    return expected != null && equal;
  }
}

package dev.profilekit.testing.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes passwords with PBKDF2-HMAC-SHA256 and a random salt, so that the in-memory service never
 * holds a password in clear (a heap dump or a debugger shows only hashes).
 *
 * <p>The iteration count is far below what production storage needs on purpose: this is a test
 * double, and sign-ins must stay cheap in suites that sign in hundreds of times.
 */
public final class PasswordHasher {

  private static final int ITERATIONS = 1_000;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Verified against for unknown users, so both failures cost the same. */
  private static final PasswordHash DUMMY = hash("not-a-real-password".toCharArray());

  private PasswordHasher() {}

  /** A salted hash; holds no part of the password. */
  public static final class PasswordHash {
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(byte[] salt, byte[] hash) {
      this.salt = salt;
      this.hash = hash;
    }

    @Override
    public String toString() {
      return "PasswordHash[PBKDF2WithHmacSHA256]";
    }
  }

  /**
   * Hashes a password with a fresh salt.
   *
   * @param password the password
   * @return the hash
   */
  public static PasswordHash hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new PasswordHash(salt, derive(password, salt));
  }

  /**
   * Hashes a password with a fresh salt.
   *
   * @param password the password
   * @return the hash
   */
  public static PasswordHash hash(String password) {
    return hash(password.toCharArray());
  }

  /**
   * Checks a password against a hash in constant time; a null hash (unknown user) still costs one
   * derivation and never matches.
   *
   * @param password the candidate password
   * @param expected the stored hash, or null
   * @return true when the password matches
   */
  public static boolean matches(String password, PasswordHash expected) {
    PasswordHash against = expected == null ? DUMMY : expected;
    boolean equal = MessageDigest.isEqual(derive(password.toCharArray(), against.salt), against.hash);
    return expected != null && equal;
  }

  private static byte[] derive(char[] password, byte[] salt) {
    try {
      KeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, KEY_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
    }
  }
}

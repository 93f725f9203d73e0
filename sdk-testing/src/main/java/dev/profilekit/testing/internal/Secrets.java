package dev.profilekit.testing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random values and digests for codes, states, verifiers and opaque tokens. */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Secrets() {}

  /**
   * Returns {@code bytes} random bytes, base64url-encoded without padding.
   *
   * @param bytes how many random bytes
   * @return the encoded value
   */
  public static String randomToken(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return URL.encodeToString(buffer);
  }

  /**
   * Returns a random string of decimal digits.
   *
   * @param digits how many digits
   * @return the digits
   */
  public static String randomDigits(int digits) {
    StringBuilder code = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      code.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return code.toString();
  }

  /**
   * Returns a random number between 0 (inclusive) and {@code bound} (exclusive).
   *
   * @param bound the bound
   * @return the number
   */
  public static long randomLong(long bound) {
    return (RANDOM.nextLong() & Long.MAX_VALUE) % bound;
  }

  /**
   * Returns the base64url (no padding) SHA-256 of the ASCII text: the PKCE S256 transform.
   *
   * @param text the text
   * @return the encoded digest
   */
  public static String s256(String text) {
    return URL.encodeToString(sha256(text.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Compares two strings in time independent of where they differ.
   *
   * @param a one string, may be null
   * @param b the other, may be null
   * @return true when both are non-null and equal
   */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

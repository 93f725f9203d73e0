package dev.profilekit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values of an authorization request (state, nonce, PKCE verifier) and the S256 code
 * challenge (RFC 7636).
 */
public final class Pkce {

  /** 32 random bytes: 256 bits, twice the 128 the brief asks as a floor for state and nonce. */
  private static final int RANDOM_BYTES = 32;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /**
   * Returns 256 random bits, base64url-encoded without padding (43 characters, all within the
   * PKCE verifier alphabet {@code [A-Za-z0-9-._~]}).
   *
   * @param random the source of randomness
   * @return the value
   */
  public static String randomValue(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /**
   * Computes the S256 code challenge: base64url(SHA-256(ASCII(verifier))), without padding.
   *
   * @param codeVerifier the verifier
   * @return the challenge
   */
  public static String s256Challenge(String codeVerifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException impossible) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Compares two secrets in time independent of where they first differ, so that a forged
   * {@code state} or {@code nonce} cannot be guessed a character at a time.
   *
   * @param expected the value we issued
   * @param actual the value that came back, may be null
   * @return true when both are equal
   */
  public static boolean constantTimeEquals(String expected, String actual) {
    if (actual == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}

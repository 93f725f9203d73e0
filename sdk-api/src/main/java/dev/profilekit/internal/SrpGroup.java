package dev.profilekit.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cognito's SRP-6a: the 3072-bit group, its hashing, the key derivation and the password claim,
 * shared by the client (the AWS implementation) and the server side the in-memory fake plays.
 *
 * <p>Everything here matches {@code amazon-cognito-identity-js} byte for byte (a test pins the
 * library and compares): big integers are hashed as the bytes of their minimal two's-complement
 * encoding (what {@link BigInteger#toByteArray()} returns, so a value whose top bit is set gets a
 * leading zero byte), hashes are SHA-256, and the session key is HKDF-SHA256 with the info
 * {@code "Caldera Derived Key"}, cut to 16 bytes.
 */
public final class SrpGroup {

  /** The RFC 5054 3072-bit prime Cognito uses. */
  public static final BigInteger N = new BigInteger(
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
          + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
          + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
          + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
          + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
          + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
          + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
          + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
      16);
  /** The generator. */
  public static final BigInteger G = BigInteger.TWO;
  /** The multiplier {@code k = H(N | g)}. */
  public static final BigInteger K = hashToInteger(N.toByteArray(), G.toByteArray());

  private static final byte[] KEY_INFO = "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private static final Pattern TIMESTAMP = Pattern.compile(
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12][0-9]|3[01]) "
          + "([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})");

  private SrpGroup() {}

  /**
   * Returns the pool name that SRP hashes: the part of the user pool id after the underscore
   * ({@code AbCdEf123} for {@code eu-west-1_AbCdEf123}).
   *
   * @param userPoolId the user pool id
   * @return the pool name
   * @throws IllegalArgumentException if the id has no underscore
   */
  public static String poolName(String userPoolId) {
    int underscore = userPoolId.indexOf('_');
    if (underscore < 0 || underscore == userPoolId.length() - 1) {
      throw new IllegalArgumentException("a user pool id looks like <region>_<name>");
    }
    return userPoolId.substring(underscore + 1);
  }

  /**
   * Returns the scrambling parameter {@code u = H(A | B)}.
   *
   * @param a the client's public value A
   * @param b the server's public value B
   * @return u
   */
  public static BigInteger scrambler(BigInteger a, BigInteger b) {
    return hashToInteger(a.toByteArray(), b.toByteArray());
  }

  /**
   * Returns the private key {@code x = H(salt | H(poolName | userId | ":" | password))}.
   *
   * @param poolName the pool name ({@link #poolName(String)})
   * @param userId the user id for SRP ({@code USER_ID_FOR_SRP})
   * @param password the password
   * @param salt the user's salt
   * @return x
   */
  public static BigInteger privateKey(String poolName, String userId, String password, BigInteger salt) {
    byte[] identity = sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    return hashToInteger(salt.toByteArray(), identity);
  }

  /**
   * Returns the password verifier {@code v = g^x mod N} the server stores instead of the password.
   *
   * @param privateKey x
   * @return v
   */
  public static BigInteger verifier(BigInteger privateKey) {
    return G.modPow(privateKey, N);
  }

  /**
   * Returns the client's premaster secret {@code S = (B - k * g^x) ^ (a + u * x) mod N}.
   *
   * @param serverValue B
   * @param privateKey x
   * @param clientSecret a
   * @param scrambler u
   * @return S
   */
  public static BigInteger clientPremaster(BigInteger serverValue, BigInteger privateKey, BigInteger clientSecret,
      BigInteger scrambler) {
    BigInteger base = serverValue.subtract(K.multiply(G.modPow(privateKey, N))).mod(N);
    return base.modPow(clientSecret.add(scrambler.multiply(privateKey)), N);
  }

  /**
   * Returns the server's public value {@code B = (k * v + g^b) mod N}.
   *
   * @param verifier v
   * @param serverSecret b
   * @return B
   */
  public static BigInteger serverPublicValue(BigInteger verifier, BigInteger serverSecret) {
    return K.multiply(verifier).add(G.modPow(serverSecret, N)).mod(N);
  }

  /**
   * Returns the server's premaster secret {@code S = (A * v^u) ^ b mod N}, equal to the client's
   * when the client knew the password behind v.
   *
   * @param clientValue A
   * @param verifier v
   * @param serverSecret b
   * @param scrambler u
   * @return S
   */
  public static BigInteger serverPremaster(BigInteger clientValue, BigInteger verifier, BigInteger serverSecret,
      BigInteger scrambler) {
    return clientValue.multiply(verifier.modPow(scrambler, N)).mod(N).modPow(serverSecret, N);
  }

  /**
   * Derives the 16-byte key both sides share from the premaster secret S and u (HKDF-SHA256).
   *
   * @param premasterSecret S
   * @param scrambler u
   * @return the key
   */
  public static byte[] sessionKey(BigInteger premasterSecret, BigInteger scrambler) {
    byte[] pseudoRandomKey = hmac(scrambler.toByteArray(), premasterSecret.toByteArray());
    byte[] okm = hmac(pseudoRandomKey, KEY_INFO);
    byte[] key = new byte[16];
    System.arraycopy(okm, 0, key, 0, key.length);
    return key;
  }

  /**
   * Returns the {@code PASSWORD_CLAIM_SIGNATURE}: base64 of HMAC-SHA256 over the pool name, the
   * user id, the secret block's bytes and the timestamp, keyed with the session key.
   *
   * @param sessionKey the key from {@link #sessionKey(BigInteger, BigInteger)}
   * @param poolName the pool name
   * @param userId the user id for SRP
   * @param secretBlock the {@code SECRET_BLOCK} as Cognito sent it (base64)
   * @param timestamp the {@code TIMESTAMP} sent with the claim ({@link #timestamp(Instant)})
   * @return the signature, base64
   * @throws IllegalArgumentException if the secret block is not base64
   */
  public static String claimSignature(byte[] sessionKey, String poolName, String userId, String secretBlock, String timestamp) {
    byte[] block = Base64.getDecoder().decode(secretBlock);
    byte[] pool = poolName.getBytes(StandardCharsets.UTF_8);
    byte[] user = userId.getBytes(StandardCharsets.UTF_8);
    byte[] time = timestamp.getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[pool.length + user.length + block.length + time.length];
    System.arraycopy(pool, 0, message, 0, pool.length);
    System.arraycopy(user, 0, message, pool.length, user.length);
    System.arraycopy(block, 0, message, pool.length + user.length, block.length);
    System.arraycopy(time, 0, message, pool.length + user.length + block.length, time.length);
    return Base64.getEncoder().encodeToString(hmac(sessionKey, message));
  }

  /**
   * Formats the {@code TIMESTAMP} of a password claim as Cognito requires: English day and month
   * names, the day of month without padding, UTC, for example {@code Tue Dec 1 09:05:03 UTC 2026}.
   * Built by hand, so the JVM's default locale and time zone cannot change it.
   *
   * @param instant the instant
   * @return the timestamp
   */
  public static String timestamp(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    return DAYS[utc.getDayOfWeek().getValue() - 1] + " " + MONTHS[utc.getMonthValue() - 1] + " " + utc.getDayOfMonth() + " "
        + twoDigits(utc.getHour()) + ":" + twoDigits(utc.getMinute()) + ":" + twoDigits(utc.getSecond()) + " UTC " + utc.getYear();
  }

  /**
   * Reads a {@code TIMESTAMP} in exactly the form {@link #timestamp(Instant)} writes: a padded
   * day of month ({@code Dec 01}), a local time zone, another language or a day name that does
   * not match the date are refused, as the server refuses a claim made over them.
   *
   * @param text the timestamp as sent
   * @return the instant, or empty when the text is not in that form
   */
  public static Optional<Instant> parseTimestamp(String text) {
    if (text == null || text.length() > 40) {
      return Optional.empty();
    }
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = List.of(MONTHS).indexOf(m.group(2)) + 1;
    Instant instant;
    try {
      instant = ZonedDateTime.of(Integer.parseInt(m.group(7)), month, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), 0, ZoneOffset.UTC).toInstant();
    } catch (DateTimeException impossible) {
      return Optional.empty();
    }
    // Round trip: catches a day name that does not belong to the date.
    return timestamp(instant).equals(text) ? Optional.of(instant) : Optional.empty();
  }

  /**
   * Hashes the concatenation of byte strings into a non-negative integer.
   *
   * @param parts the bytes
   * @return the SHA-256 as an unsigned integer
   */
  public static BigInteger hashToInteger(byte[]... parts) {
    MessageDigest digest = sha256Digest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return new BigInteger(1, digest.digest());
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  private static byte[] sha256(byte[] input) {
    return sha256Digest().digest(input);
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}

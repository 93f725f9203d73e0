package dev.profilekit.testing;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.SignInStep;
import dev.profilekit.internal.RequestChecks;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the codes an authenticator app shows, so tests can answer TOTP challenges: RFC 6238
 * time-based one-time passwords with the parameters Cognito uses (HMAC-SHA1, 6 digits, 30-second
 * steps counted from the Unix epoch).
 *
 * <pre>{@code
 * SignInStep.TotpSetup setup = ...; // from signIn or an enrolment
 * String code = TotpCodes.codeAt(setup, clock.instant());
 * SignInStep next = profiles.respond(setup, SignInAnswer.code(code));
 * }</pre>
 *
 * <p>The secret is the Base32 text Cognito's {@code AssociateSoftwareToken} returns (the
 * {@code secret} parameter of the {@code otpauth://} URI). Neither the secret nor a code is ever
 * part of an exception message.
 */
public final class TotpCodes {

  /** Seconds per time step, RFC 6238's default and Cognito's. */
  public static final int STEP_SECONDS = 30;

  /** Digits per code, Cognito's. */
  public static final int DIGITS = 6;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private TotpCodes() {}

  /**
   * Returns the code for a Base32 secret at an instant.
   *
   * @param base32Secret the shared secret in Base32 (RFC 4648; case, spaces and padding ignored)
   * @param at the instant the code is for
   * @return six digits, zero-padded
   * @throws InvalidRequestException if the secret is missing, empty or not Base32
   */
  public static String codeAt(String base32Secret, Instant at) {
    return codeAt(decodeBase32(RequestChecks.required(base32Secret, "secret")), at);
  }

  /**
   * Returns the code for the secret of a TOTP setup step at an instant.
   *
   * @param setup the step that carries the secret
   * @param at the instant the code is for
   * @return six digits, zero-padded
   */
  public static String codeAt(SignInStep.TotpSetup setup, Instant at) {
    return codeAt(RequestChecks.required(setup, "setup").secret(), at);
  }

  /**
   * Returns the code for the {@code secret} parameter of an {@code otpauth://totp/} URI.
   *
   * @param otpauthUri the key URI, as authenticator apps read it
   * @param at the instant the code is for
   * @return six digits, zero-padded
   * @throws InvalidRequestException if the URI is not a TOTP key URI with a secret
   */
  public static String codeAt(URI otpauthUri, Instant at) {
    return codeAt(secretOf(otpauthUri), at);
  }

  /**
   * Returns the code for a raw key at an instant (RFC 6238 section 4 with HMAC-SHA1).
   *
   * @param key the shared secret's bytes
   * @param at the instant the code is for
   * @return six digits, zero-padded
   * @throws InvalidRequestException if the key is missing or empty
   */
  public static String codeAt(byte[] key, Instant at) {
    RequestChecks.required(key, "secret");
    RequestChecks.check(key.length > 0, "secret", RequestChecks.NOT_EMPTY, "a TOTP secret has at least one byte");
    RequestChecks.required(at, "at");
    // floorDiv: an instant before the epoch still lands in its own step, as RFC 6238's T is floor((now - T0) / X).
    long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    return hotp(key, step);
  }

  /**
   * Returns the Base32 secret a key URI carries.
   *
   * @param otpauthUri an {@code otpauth://totp/...?secret=...} URI
   * @return the {@code secret} parameter
   * @throws InvalidRequestException if the URI is not a TOTP key URI or has no secret
   */
  public static String secretOf(URI otpauthUri) {
    RequestChecks.required(otpauthUri, "otpauthUri");
    RequestChecks.check("otpauth".equalsIgnoreCase(otpauthUri.getScheme())
        && "totp".equalsIgnoreCase(otpauthUri.getHost()), "otpauthUri", RequestChecks.FORMAT,
        "an otpauth://totp/ key URI");
    String query = otpauthUri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase("secret") && eq < pair.length() - 1) {
          return pair.substring(eq + 1);
        }
      }
    }
    throw new InvalidRequestException("otpauthUri", RequestChecks.REQUIRED, "the URI has a secret parameter");
  }

  /** RFC 4226 HOTP: HMAC-SHA1 over the 8-byte big-endian counter, dynamic truncation, last six digits. */
  private static String hotp(byte[] key, long counter) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    } catch (GeneralSecurityException e) {
      // Every Java platform must offer HmacSHA1, so this is a broken runtime, not bad input.
      throw new IllegalStateException("HmacSHA1 unavailable", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary = ((hash[offset] & 0x7f) << 24)
        | ((hash[offset + 1] & 0xff) << 16)
        | ((hash[offset + 2] & 0xff) << 8)
        | (hash[offset + 3] & 0xff);
    String digits = Integer.toString(binary % 1_000_000);
    return "0".repeat(DIGITS - digits.length()) + digits;
  }

  /** RFC 4648 Base32, lenient about case, spaces and '=' padding as authenticator apps are. */
  static byte[] decodeBase32(String text) {
    Objects.requireNonNull(text, "text");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    int symbols = 0;
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == ' ' || c == '=' || c == '-') {
        continue;
      }
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new InvalidRequestException("secret", RequestChecks.FORMAT, "a Base32 secret (A-Z, 2-7)");
      }
      symbols++;
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    RequestChecks.check(symbols > 0, "secret", RequestChecks.NOT_EMPTY, "a TOTP secret has at least one Base32 symbol");
    return out.toByteArray();
  }
}

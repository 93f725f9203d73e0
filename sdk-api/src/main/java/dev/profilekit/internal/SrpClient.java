package dev.profilekit.internal;

import dev.profilekit.ProfileKitException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The client's half of one SRP exchange with Cognito: a fresh secret {@code a}, the public value
 * {@code A = g^a} sent as {@code SRP_A}, and the password claim computed from what Cognito
 * answers ({@code SALT}, {@code SRP_B}, {@code SECRET_BLOCK}). The password never leaves the
 * client. The group, hashing and key derivation are {@link SrpGroup}'s; the server's half is
 * {@link SrpServer}.
 *
 * <p>Used by the AWS implementation against Cognito, and by the in-memory fake, whose password
 * sign-in runs this same client against its own server half, so both sign in by one code path.
 * One instance serves one exchange; {@code a} is never exposed.
 */
public final class SrpClient {

  /**
   * What the client sends with {@code PASSWORD_VERIFIER}: the timestamp and the signature over it.
   *
   * @param timestamp {@code TIMESTAMP}, as {@link SrpGroup#timestamp} formats it
   * @param signature {@code PASSWORD_CLAIM_SIGNATURE}, base64
   */
  public record PasswordClaim(String timestamp, String signature) {
    @Override
    public String toString() {
      return "PasswordClaim[timestamp=" + timestamp + ", signature=****]";
    }
  }

  private final BigInteger secret;
  private final BigInteger publicValue;

  private SrpClient(BigInteger secret) {
    this.secret = secret;
    this.publicValue = SrpGroup.G.modPow(secret, SrpGroup.N);
  }

  /**
   * Starts an exchange with a random secret of 1024 bits, as {@code amazon-cognito-identity-js}
   * draws it (128 random bytes, reduced mod N).
   *
   * @param random the source of the secret
   * @return the client's half
   */
  public static SrpClient start(SecureRandom random) {
    BigInteger secret;
    do {
      byte[] bytes = new byte[128];
      random.nextBytes(bytes);
      secret = new BigInteger(1, bytes).mod(SrpGroup.N);
    } while (secret.signum() == 0);
    return new SrpClient(secret);
  }

  /**
   * Starts an exchange with a chosen secret: for the byte-for-byte vectors only.
   *
   * @param secret a, in [1, N)
   * @return the client's half
   * @throws IllegalArgumentException if the secret is out of range
   */
  public static SrpClient withSecret(BigInteger secret) {
    if (secret.signum() <= 0 || secret.compareTo(SrpGroup.N) >= 0) {
      throw new IllegalArgumentException("the SRP secret must be in [1, N)");
    }
    return new SrpClient(secret);
  }

  /**
   * Returns the public value A, as the hex Cognito expects in {@code SRP_A}.
   *
   * @return A in hex
   */
  public String publicValueHex() {
    return publicValue.toString(16);
  }

  /**
   * Computes the password claim for Cognito's {@code PASSWORD_VERIFIER} challenge.
   *
   * @param poolName the part of the pool id after the underscore
   * @param userIdForSrp the {@code USER_ID_FOR_SRP} Cognito sent (not necessarily what the user typed)
   * @param password the password
   * @param saltHex {@code SALT}
   * @param serverValueHex {@code SRP_B}
   * @param secretBlock {@code SECRET_BLOCK}
   * @param now the instant the claim is made
   * @return the timestamp and signature to send
   * @throws ProfileKitException if the server's values are unusable (B or u is zero mod N:
   *     a server that sends them is not Cognito, and answering would leak the session key)
   */
  public PasswordClaim claim(String poolName, String userIdForSrp, String password, String saltHex, String serverValueHex,
      String secretBlock, Instant now) {
    BigInteger b = parseHex(serverValueHex, "SRP_B");
    BigInteger salt = parseHex(saltHex, "SALT");
    if (b.mod(SrpGroup.N).signum() == 0) {
      throw new ProfileKitException("Cognito's SRP_B is zero modulo N; refusing to answer the challenge");
    }
    BigInteger u = SrpGroup.scrambler(publicValue, b);
    if (u.signum() == 0) {
      throw new ProfileKitException("The SRP scrambling parameter is zero; refusing to answer the challenge");
    }
    BigInteger x = SrpGroup.privateKey(poolName, userIdForSrp, password, salt);
    BigInteger premaster = SrpGroup.clientPremaster(b, x, secret, u);
    byte[] key = SrpGroup.sessionKey(premaster, u);
    String timestamp = SrpGroup.timestamp(now);
    String signature;
    try {
      signature = SrpGroup.claimSignature(key, poolName, userIdForSrp, secretBlock, timestamp);
    } catch (IllegalArgumentException notBase64) {
      throw new ProfileKitException("Cognito's SECRET_BLOCK is not base64");
    }
    return new PasswordClaim(timestamp, signature);
  }

  private static BigInteger parseHex(String hex, String name) {
    if (hex == null || hex.isEmpty() || hex.length() > 2048) {
      throw new ProfileKitException("Cognito's " + name + " is missing or too long");
    }
    try {
      return new BigInteger(hex, 16);
    } catch (NumberFormatException e) {
      throw new ProfileKitException("Cognito's " + name + " is not hexadecimal");
    }
  }

  @Override
  public String toString() {
    return "SrpClient[****]";
  }
}

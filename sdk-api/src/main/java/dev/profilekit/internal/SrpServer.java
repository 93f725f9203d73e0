package dev.profilekit.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The server's half of one SRP exchange, as Cognito plays it: from the verifier {@code v} stored
 * for the user, a fresh secret {@code b} and the public value {@code B = k * v + g^b} sent as
 * {@code SRP_B}; then the check of the client's {@code PASSWORD_CLAIM_SIGNATURE}, which only a
 * client that knew the password behind {@code v} can have computed.
 *
 * <p>Played by the in-memory fake's user directory and by the loopback stand-in that answers SRP
 * for cognito-local; the client's half is {@link SrpClient}, the math {@link SrpGroup}'s. One
 * instance serves one exchange; {@code b} is never exposed.
 */
public final class SrpServer {

  /** 256 bits: what RFC 5054 asks of SRP secrets at least; the claim's cost is mostly g^b. */
  private static final int SECRET_BYTES = 32;

  private final BigInteger verifier;
  private final BigInteger secret;
  private final BigInteger publicValue;

  private SrpServer(BigInteger verifier, BigInteger secret) {
    this.verifier = verifier;
    this.secret = secret;
    this.publicValue = SrpGroup.serverPublicValue(verifier, secret);
  }

  /**
   * Starts an exchange for a user whose verifier is {@code verifier}.
   *
   * @param verifier v = g^x mod N ({@link SrpGroup#verifier})
   * @param random the source of b
   * @return the server's half
   */
  public static SrpServer start(BigInteger verifier, SecureRandom random) {
    BigInteger secret;
    BigInteger publicValue;
    do {
      byte[] bytes = new byte[SECRET_BYTES];
      random.nextBytes(bytes);
      secret = new BigInteger(1, bytes);
      publicValue = secret.signum() == 0 ? BigInteger.ZERO : SrpGroup.serverPublicValue(verifier, secret);
      // B = 0 mod N would let a client skip the password; draw again (never happens in practice).
    } while (publicValue.signum() == 0);
    return new SrpServer(verifier, secret);
  }

  /**
   * Returns the public value B, as the hex sent in {@code SRP_B}.
   *
   * @return B in hex
   */
  public String publicValueHex() {
    return publicValue.toString(16);
  }

  /**
   * Checks a password claim: the signature must be the HMAC, under the key derived from this
   * exchange, of the pool name, the user id, the secret block and the timestamp as sent, and the
   * timestamp must be in the form Cognito requires ({@link SrpGroup#parseTimestamp}).
   *
   * @param clientValueHex {@code SRP_A} the exchange began with
   * @param poolName the pool name
   * @param userIdForSrp the {@code USER_ID_FOR_SRP} the server sent
   * @param secretBlock the {@code SECRET_BLOCK} the server sent (the caller checks the client
   *     returned the same one)
   * @param timestamp the {@code TIMESTAMP} sent with the claim
   * @param signature the {@code PASSWORD_CLAIM_SIGNATURE}
   * @return true when the claim proves the password; false for a wrong password or any malformed
   *     value (A zero mod N, not hex, not base64), never an exception
   */
  public boolean verifies(String clientValueHex, String poolName, String userIdForSrp, String secretBlock, String timestamp,
      String signature) {
    if (clientValueHex == null || clientValueHex.isEmpty() || clientValueHex.length() > 2048 || signature == null
        || SrpGroup.parseTimestamp(timestamp).isEmpty()) {
      return false;
    }
    BigInteger clientValue;
    try {
      clientValue = new BigInteger(clientValueHex, 16);
    } catch (NumberFormatException notHex) {
      return false;
    }
    // A = 0 mod N makes S = 0 whatever the password: the classic SRP bypass, refused.
    if (clientValue.signum() <= 0 || clientValue.mod(SrpGroup.N).signum() == 0) {
      return false;
    }
    BigInteger u = SrpGroup.scrambler(clientValue, publicValue);
    if (u.signum() == 0) {
      return false;
    }
    byte[] key = SrpGroup.sessionKey(SrpGroup.serverPremaster(clientValue, verifier, secret, u), u);
    String expected;
    try {
      expected = SrpGroup.claimSignature(key, poolName, userIdForSrp, secretBlock, timestamp);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "SrpServer[****]";
  }
}

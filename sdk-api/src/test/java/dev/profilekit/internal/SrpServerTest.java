package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The server's half against the client's: both come from {@link SrpGroup}, so they must agree. */
class SrpServerTest {

  private static final String POOL = "PrOfIlEkT";
  private static final String USER = "8f1c7b2e-1d3a-4c5b-9e6f-0a1b2c3d4e5f";
  private static final String PASSWORD = "Contract-Pa55word!";
  private static final BigInteger SALT = new BigInteger("9a8b7c6d5e4f30211203f4e5d6c7b8a9", 16);
  private static final String BLOCK = Base64.getEncoder().encodeToString("the secret block Cognito sent".getBytes());
  private static final Instant NOW = Instant.parse("2026-12-03T09:05:03Z");

  private final SecureRandom random = new SecureRandom();
  private final BigInteger verifier = SrpGroup.verifier(SrpGroup.privateKey(POOL, USER, PASSWORD, SALT));

  @Test
  void theClaimOfTheRightPasswordVerifies() {
    SrpServer server = SrpServer.start(verifier, random);
    SrpClient client = SrpClient.start(random);
    SrpClient.PasswordClaim claim = claim(client, server, PASSWORD);
    assertThat(claim.timestamp()).isEqualTo("Thu Dec 3 09:05:03 UTC 2026");
    assertThat(server.verifies(client.publicValueHex(), POOL, USER, BLOCK, claim.timestamp(), claim.signature())).isTrue();
  }

  @Test
  void theClaimOfAWrongPasswordDoesNot() {
    SrpServer server = SrpServer.start(verifier, random);
    SrpClient client = SrpClient.start(random);
    SrpClient.PasswordClaim claim = claim(client, server, PASSWORD + "x");
    assertThat(server.verifies(client.publicValueHex(), POOL, USER, BLOCK, claim.timestamp(), claim.signature())).isFalse();
  }

  @Test
  void theSignatureCoversUserBlockAndTimestamp() {
    SrpServer server = SrpServer.start(verifier, random);
    SrpClient client = SrpClient.start(random);
    SrpClient.PasswordClaim claim = claim(client, server, PASSWORD);
    String a = client.publicValueHex();
    assertThat(server.verifies(a, POOL, USER + "x", BLOCK, claim.timestamp(), claim.signature())).isFalse();
    assertThat(server.verifies(a, POOL, USER, Base64.getEncoder().encodeToString("another".getBytes()), claim.timestamp(),
        claim.signature())).isFalse();
    assertThat(server.verifies(a, POOL, USER, BLOCK, "Thu Dec 3 09:05:04 UTC 2026", claim.signature())).isFalse();
    assertThat(server.verifies(a, "OtherPool", USER, BLOCK, claim.timestamp(), claim.signature())).isFalse();
  }

  @Test
  void aTimestampInAnotherFormIsRefusedEvenWhenSignedOverIt() {
    SrpServer server = SrpServer.start(verifier, random);
    SrpClient client = SrpClient.withSecret(new BigInteger("1234567890abcdef1234567890abcdef", 16));
    BigInteger b = new BigInteger(server.publicValueHex(), 16);
    BigInteger bigA = new BigInteger(client.publicValueHex(), 16);
    BigInteger u = SrpGroup.scrambler(bigA, b);
    BigInteger x = SrpGroup.privateKey(POOL, USER, PASSWORD, SALT);
    byte[] key = SrpGroup.sessionKey(
        SrpGroup.clientPremaster(b, x, new BigInteger("1234567890abcdef1234567890abcdef", 16), u), u);
    // Zero-padded day: what a SimpleDateFormat("EEE MMM dd ...") client sends; signed correctly over it.
    String padded = "Thu Dec 03 09:05:03 UTC 2026";
    String signature = SrpGroup.claimSignature(key, POOL, USER, BLOCK, padded);
    assertThat(server.verifies(client.publicValueHex(), POOL, USER, BLOCK, padded, signature)).isFalse();
    String proper = SrpGroup.timestamp(NOW);
    assertThat(server.verifies(client.publicValueHex(), POOL, USER, BLOCK, proper,
        SrpGroup.claimSignature(key, POOL, USER, BLOCK, proper))).isTrue();
  }

  @Test
  void aClientValueOfZeroModuloNCannotSkipThePassword() {
    SrpServer server = SrpServer.start(verifier, random);
    // With A = 0 or A = N, S = 0 whatever the password: a client could sign with the key of S = 0.
    BigInteger u0 = SrpGroup.scrambler(BigInteger.ZERO, new BigInteger(server.publicValueHex(), 16));
    String timestamp = SrpGroup.timestamp(NOW);
    String forged = SrpGroup.claimSignature(SrpGroup.sessionKey(BigInteger.ZERO, u0), POOL, USER, BLOCK, timestamp);
    assertThat(server.verifies("0", POOL, USER, BLOCK, timestamp, forged)).isFalse();
    BigInteger uN = SrpGroup.scrambler(SrpGroup.N, new BigInteger(server.publicValueHex(), 16));
    String forgedN = SrpGroup.claimSignature(SrpGroup.sessionKey(BigInteger.ZERO, uN), POOL, USER, BLOCK, timestamp);
    assertThat(server.verifies(SrpGroup.N.toString(16), POOL, USER, BLOCK, timestamp, forgedN)).isFalse();
    assertThat(server.verifies("not hex", POOL, USER, BLOCK, timestamp, forged)).isFalse();
    assertThat(server.verifies(null, POOL, USER, BLOCK, timestamp, forged)).isFalse();
  }

  @Test
  void theServersPublicValueHidesTheVerifier() {
    SrpServer one = SrpServer.start(verifier, random);
    SrpServer two = SrpServer.start(verifier, random);
    assertThat(one.publicValueHex()).isNotEqualTo(two.publicValueHex());
    assertThat(one.toString()).doesNotContain(one.publicValueHex());
  }

  private static SrpClient.PasswordClaim claim(SrpClient client, SrpServer server, String password) {
    return client.claim(POOL, USER, password, SALT.toString(16), server.publicValueHex(), BLOCK, NOW);
  }
}

package dev.profilekit.aws.cognito.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.internal.SrpClient;
import dev.profilekit.internal.SrpGroup;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * ProfileKit's SRP against AWS's own JavaScript client, byte for byte: for pinned vectors (the
 * secret a, SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP and the clock), {@code
 * amazon-cognito-identity-js} 6.3.21 signs in against a scripted Cognito and ProfileKit computes
 * the same claim; SRP_A, TIMESTAMP and PASSWORD_CLAIM_SIGNATURE must be identical. The JVM runs
 * under {@link Locale#JAPAN} in Tokyo time, where a locale-dependent timestamp would differ.
 */
class SrpOracleIT {

  private static final String POOL_ID = "eu-west-1_PrOfIlEkT";
  private static final String CLIENT_ID = "4h3k2j1example0client";
  private static final String CLIENT_SECRET = "s3cr3t-of-the-app-client";

  private Locale locale;
  private TimeZone zone;

  @BeforeEach
  void japaneseDefaults() {
    locale = Locale.getDefault();
    zone = TimeZone.getDefault();
    Locale.setDefault(Locale.JAPAN);
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
  }

  @AfterEach
  void restoreDefaults() {
    Locale.setDefault(locale);
    TimeZone.setDefault(zone);
  }

  /** One pinned input: what the client holds and what Cognito sent. */
  record Vector(String username, String userIdForSrp, String password, BigInteger a, BigInteger salt, BigInteger b,
      String secretBlock, Instant now) {}

  /**
   * Pinned vectors. Instants cover a one-digit day (unpadded), one-digit hours and minutes, and a
   * leap day; the values cover a B and salt whose top bit is set (hashed with a leading zero
   * byte), short ones, a short secret a, and user ids in UTF-8 beyond ASCII.
   */
  static List<Vector> vectors() {
    // Deterministic: a fixed seed, so these are the same vectors in every run.
    Random seeded = new Random(20261203L);
    String[] instants = {"2026-12-01T09:05:03Z", "2026-01-31T23:59:59Z", "2028-02-29T00:00:00Z", "2026-07-04T12:30:45Z",
        "2027-03-09T01:02:03Z", "2026-10-10T10:10:10Z"};
    String[] users = {"ada@example.com", "grace@example.com", "Zoë@example.com", "linus", "ada@example.com", "user+tag@example.com"};
    String[] ids = {"8f1c7b2e-1d3a-4c5b-9e6f-0a1b2c3d4e5f", "grace@example.com", "Zoë-東京", "linus",
        "00000000-0000-4000-8000-000000000000", "c0ffee00-1234-4abc-8def-56789abcdef0"};
    String[] passwords = {"Contract-Pa55word!", "p", "Pässwörd-日本-1!", "correct horse battery staple", "Contract-Pa55word!", "x".repeat(256)};
    List<Vector> vectors = new ArrayList<>();
    for (int i = 0; i < instants.length; i++) {
      BigInteger a = i == 3 ? BigInteger.valueOf(0x1234567L) : new BigInteger(1024, seeded).mod(SrpGroup.N);
      // i == 1: B with its top bit set at a byte boundary, so the hash sees a leading zero byte.
      BigInteger b = i == 1 ? BigInteger.ONE.shiftLeft(3071).add(new BigInteger(2000, seeded)) : new BigInteger(3070, seeded);
      BigInteger salt = i == 2 ? new BigInteger("80" + "00".repeat(15), 16) : new BigInteger(i == 4 ? 8 : 128, seeded);
      byte[] block = new byte[i == 5 ? 1 : 160];
      seeded.nextBytes(block);
      vectors.add(new Vector(users[i], ids[i], passwords[i], a, salt, b, Base64.getEncoder().encodeToString(block),
          Instant.parse(instants[i])));
    }
    return vectors;
  }

  @Test
  void passwordClaimMatchesAmazonCognitoIdentityJsByteForByte() throws Exception {
    List<Vector> vectors = vectors();
    List<JsonNode> oracle = SrpOracle.run(input(vectors));
    assertThat(oracle).hasSameSizeAs(vectors);
    for (int i = 0; i < vectors.size(); i++) {
      Vector v = vectors.get(i);
      JsonNode js = oracle.get(i);
      SrpClient client = SrpClient.withSecret(v.a());
      SrpClient.PasswordClaim claim = client.claim(SrpGroup.poolName(POOL_ID), v.userIdForSrp(), v.password(),
          v.salt().toString(16), v.b().toString(16), v.secretBlock(), v.now());
      JsonNode responses = js.field("challengeResponses").orElseThrow();
      String vector = "vector " + i;
      assertThat(js.field("authFlow").orElseThrow().text()).as(vector).isEqualTo("USER_SRP_AUTH");
      assertThat(client.publicValueHex()).as(vector + " SRP_A").isEqualTo(js.field("srpA").orElseThrow().text());
      assertThat(claim.timestamp()).as(vector + " TIMESTAMP").isEqualTo(text(responses, "TIMESTAMP"));
      assertThat(claim.signature()).as(vector + " PASSWORD_CLAIM_SIGNATURE").isEqualTo(text(responses, "PASSWORD_CLAIM_SIGNATURE"));
      // The answer names USER_ID_FOR_SRP, not what the user typed, and so does its SECRET_HASH.
      assertThat(text(responses, "USERNAME")).as(vector + " USERNAME").isEqualTo(v.userIdForSrp());
      assertThat(SecretHash.of(CLIENT_SECRET, v.userIdForSrp(), CLIENT_ID)).as(vector + " SECRET_HASH")
          .isEqualTo(js.field("secretHash").orElseThrow().text());
    }
  }

  @Test
  void aWrongPasswordGivesAnotherSignature() throws Exception {
    Vector v = vectors().get(0);
    JsonNode js = SrpOracle.run(input(List.of(v))).get(0);
    SrpClient.PasswordClaim claim = SrpClient.withSecret(v.a()).claim(SrpGroup.poolName(POOL_ID), v.userIdForSrp(),
        v.password() + "x", v.salt().toString(16), v.b().toString(16), v.secretBlock(), v.now());
    assertThat(claim.signature()).isNotEqualTo(text(js.field("challengeResponses").orElseThrow(), "PASSWORD_CLAIM_SIGNATURE"));
  }

  private static String text(JsonNode object, String field) {
    return object.field(field).orElseThrow(() -> new AssertionError("the oracle sent no " + field)).text();
  }

  private static String input(List<Vector> vectors) {
    StringBuilder json = new StringBuilder("{\"userPoolId\":").append(quote(POOL_ID))
        .append(",\"clientId\":").append(quote(CLIENT_ID))
        .append(",\"clientSecret\":").append(quote(CLIENT_SECRET))
        .append(",\"vectors\":[");
    for (int i = 0; i < vectors.size(); i++) {
      Vector v = vectors.get(i);
      json.append(i == 0 ? "" : ",").append('{')
          .append("\"username\":").append(quote(v.username()))
          .append(",\"userIdForSrp\":").append(quote(v.userIdForSrp()))
          .append(",\"password\":").append(quote(v.password()))
          .append(",\"a\":").append(quote(v.a().toString(16)))
          .append(",\"salt\":").append(quote(v.salt().toString(16)))
          .append(",\"b\":").append(quote(v.b().toString(16)))
          .append(",\"secretBlock\":").append(quote(v.secretBlock()))
          .append(",\"epochMillis\":").append(v.now().toEpochMilli())
          .append('}');
    }
    return json.append("]}").toString();
  }

  private static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}

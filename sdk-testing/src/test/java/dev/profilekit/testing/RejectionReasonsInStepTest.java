package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.testing.internal.TestKeys;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fake rejects the tokens the AWS verifier's {@code RejectionMessagesTest} and {@code
 * HostileTokens} cover with the same reasons: a null {@code exp} is MALFORMED, an {@code aud}
 * array (even of one) is WRONG_AUDIENCE, a numeric {@code kid} is MALFORMED.
 */
class RejectionReasonsInStepTest {

  private static final TestClock CLOCK = TestClock.startingNow();
  private static final InMemoryUserProfileService FAKE = InMemoryUserProfileService.builder().clock(CLOCK).build();
  private static final SeededUser ADA = FAKE.seed(TestUsers.email("ada@example.com"));

  @Test
  void aOneElementAudArrayIsWrongAudience() {
    String valid = FAKE.tokens().validIdToken(ADA);
    String token = FAKE.tokens().idToken(ADA).claim("aud", List.of(audienceOf(valid))).sign();

    assertThat(reasonFor(token)).isEqualTo(Reason.WRONG_AUDIENCE);
  }

  @Test
  void aNullExpIsMalformed() throws Exception {
    String json = payloadOf(FAKE.tokens().validIdToken(ADA)).replaceFirst("\"exp\":\\d+", "\"exp\":null");

    assertThat(json).contains("\"exp\":null");
    assertThat(reasonFor(signRaw("{\"kid\":\"" + TestKeys.KEY_ID + "\",\"alg\":\"RS256\"}", json))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void aNumericKidIsMalformed() throws Exception {
    String json = payloadOf(FAKE.tokens().validIdToken(ADA));

    assertThat(reasonFor(signRaw("{\"kid\":12345,\"alg\":\"RS256\"}", json))).isEqualTo(Reason.MALFORMED);
  }

  private static Reason reasonFor(String token) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(() -> FAKE.verify(token)).isInstanceOf(TokenRejectedException.class)
        .satisfies(e -> thrown[0] = e);
    return ((TokenRejectedException) thrown[0]).reason();
  }

  private static String audienceOf(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet().getAudience().get(0);
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static String payloadOf(String token) {
    return new String(Base64URL.from(token.split("\\.")[1]).decode(), StandardCharsets.UTF_8);
  }

  /** Signs header and payload text as they are, with the fake's trusted key. */
  private static String signRaw(String header, String payload) throws JOSEException {
    Base64URL h = Base64URL.encode(header);
    Base64URL p = Base64URL.encode(payload);
    byte[] input = (h + "." + p).getBytes(StandardCharsets.US_ASCII);
    Base64URL signature = TestKeys.trusted().signer().sign(
        new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256), input);
    return h + "." + p + "." + signature;
  }
}

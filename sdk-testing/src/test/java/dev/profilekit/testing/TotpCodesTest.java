package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ChallengeSession;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.SignInStep;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6238 appendix B's SHA1 vectors (seed "12345678901234567890"), cut to Cognito's six digits:
 * the appendix prints eight, and a six-digit code is the same truncated value modulo 10^6, so it is
 * each vector's last six digits.
 */
class TotpCodesTest {

  private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  /** The seed in Base32 (RFC 4648), as Cognito's SecretCode would carry it. */
  private static final String SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @ParameterizedTest(name = "T={0}s -> {1}")
  @CsvSource({
      "59, 287082",          // 94287082
      "1111111109, 081804",  // 07081804
      "1111111111, 050471",  // 14050471
      "1234567890, 005924",  // 89005924
      "2000000000, 279037",  // 69279037
      "20000000000, 353130", // 65353130
  })
  void matchesTheRfc6238Sha1Vectors(long epochSecond, String code) {
    Instant at = Instant.ofEpochSecond(epochSecond);

    assertThat(TotpCodes.codeAt(SEED, at)).isEqualTo(code);
    assertThat(TotpCodes.codeAt(SEED_BASE32, at)).isEqualTo(code);
    assertThat(TotpCodes.codeAt(SEED_BASE32.toLowerCase() + "====", at)).isEqualTo(code);
  }

  @Test
  void aCodeHoldsForItsThirtySecondStepOnly() {
    // 1111111109 and 1111111111 straddle the step boundary at 1111111110 (37037037 * 30).
    assertThat(TotpCodes.codeAt(SEED, Instant.ofEpochSecond(1_111_111_110L)))
        .isEqualTo(TotpCodes.codeAt(SEED, Instant.ofEpochSecond(1_111_111_139L)))
        .isEqualTo("050471")
        .isNotEqualTo(TotpCodes.codeAt(SEED, Instant.ofEpochSecond(1_111_111_140L)));
  }

  @Test
  void readsTheSecretOfAKeyUriAndASetupStep() {
    URI uri = URI.create("otpauth://totp/App:ada?issuer=App&secret=" + SEED_BASE32);
    Instant at = Instant.ofEpochSecond(59);

    assertThat(TotpCodes.secretOf(uri)).isEqualTo(SEED_BASE32);
    assertThat(TotpCodes.codeAt(uri, at)).isEqualTo("287082");
    SignInStep.TotpSetup setup = new SignInStep.TotpSetup(ChallengeSession.of("MFA_SETUP", "user-1", "opaque-session"), uri, SEED_BASE32);
    assertThat(TotpCodes.codeAt(setup, at)).isEqualTo("287082");
  }

  @Test
  void refusesBadSecretsTypedWithoutEchoingThem() {
    Instant at = Instant.EPOCH;

    assertThatThrownBy(() -> TotpCodes.codeAt("NOT-BASE32-189", at))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("secret");
          assertThat(e.rule()).isEqualTo("format");
        })
        .message().doesNotContain("NOT-BASE32-189");
    assertThatThrownBy(() -> TotpCodes.codeAt("===", at))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("not-empty"));
    assertThatThrownBy(() -> TotpCodes.codeAt((String) null, at))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("required"));
    assertThatThrownBy(() -> TotpCodes.secretOf(URI.create("https://example.com/?secret=" + SEED_BASE32)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("otpauthUri"));
    assertThatThrownBy(() -> TotpCodes.secretOf(URI.create("otpauth://totp/App:ada?issuer=App")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("required"));
  }
}

package dev.profilekit.aws.jwt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.TokenRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenPartsTest {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final String PREFIX =
      b64("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "." + b64("{}".getBytes(StandardCharsets.UTF_8)) + ".";

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The reference definition: the text decodes, and encoding the bytes gives the text back. */
  private static boolean canonicalByRoundTrip(String segment) {
    try {
      return b64(Base64.getUrlDecoder().decode(segment)).equals(segment);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean acceptedAsSignature(String segment) {
    try {
      TokenParts.of(PREFIX + segment);
      return true;
    } catch (TokenRejectedException e) {
      return false;
    }
  }

  @Test
  void textualCanonicalCheckAgreesWithDecodeAndReencodeForEveryLastCharacter() {
    Random random = new Random(42);
    int compared = 0;
    for (int length = 1; length <= 40; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String encoded = b64(bytes);
      for (char last : ALPHABET.toCharArray()) {
        String candidate = encoded.substring(0, encoded.length() - 1) + last;
        assertThat(acceptedAsSignature(candidate)).as(candidate).isEqualTo(canonicalByRoundTrip(candidate));
        compared++;
      }
      // A length of 1 modulo 4 is never an encoding, and padding never passes.
      String oneModFour = "A".repeat(4 * length + 1);
      assertThat(acceptedAsSignature(oneModFour)).isFalse();
      assertThat(canonicalByRoundTrip(oneModFour)).isFalse();
      assertThat(acceptedAsSignature(encoded + "=")).isFalse();
    }
    assertThat(compared).isEqualTo(40 * 64);
  }

  @Test
  void signingInputIsTheTextBeforeTheLastDot() {
    TokenParts parts = TokenParts.of(PREFIX + "AAAA");
    assertThat(parts.signingInput()).isEqualTo(PREFIX.substring(0, PREFIX.length() - 1));
    assertThat(parts.signatureSegment()).isEqualTo("AAAA");
    assertThat(parts.headerJson()).isEqualTo("{\"alg\":\"RS256\"}");
  }
}

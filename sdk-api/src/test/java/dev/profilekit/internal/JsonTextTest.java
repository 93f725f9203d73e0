package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON reader of both the Cognito identities text and a token's header and payload. */
class JsonTextTest {

  @Test
  void unicodeEscapesTakeExactlyFourAsciiHexDigits() {
    assertThat(JsonText.parse("\"\\u0061\\u00E9\\uD83D\\uDE00\"")).isEqualTo("a\u00e9\uD83D\uDE00");
    // A sign (which Integer.parseInt accepts) and full-width digits (which Character.digit accepts) are not hex digits.
    for (String bad : List.of("\"\\u+041\"", "\"\\u-041\"", "\"\\u\uFF10\uFF10\uFF14\uFF11\"", "\"\\u004\"", "\"\\u00g1\"")) {
      assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonText.parse(bad))).as(bad).isNotNull();
    }
  }

  @Test
  void repeatedMemberNamesAreRefusedAfterUnescaping() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonText.parse("{\"sub\":\"a\",\"\\u0073ub\":\"b\"}")))
        .hasMessageContaining("repeated").hasMessageNotContaining("sub");
    assertThat(JsonText.parse("{\"a\":{\"a\":1}}")).isEqualTo(Map.of("a", Map.of("a", 1L)));
  }

  @Test
  void numbersAreLongsUpTo18DigitsAndExactDecimalsOtherwise() {
    assertThat(JsonText.parse("[0,-7,123456789012345678,1234567890123456789,1.50,-0.5e-3,2E+2]")).isEqualTo(List.of(
        0L, -7L, 123456789012345678L, new BigDecimal("1234567890123456789"), new BigDecimal("1.50"), new BigDecimal("-0.5e-3"),
        new BigDecimal("2E+2")));
    for (String bad : List.of("-", "1.", ".5", "1e", "1e+", "+1", "--1", "0x10", "1.2.3")) {
      assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonText.parse(bad))).as(bad).isNotNull();
    }
  }

  @Test
  void nestingStopsAtMaxDepth() {
    int depth = JsonText.MAX_DEPTH;
    assertThat(JsonText.parse("[".repeat(depth) + "]".repeat(depth))).isInstanceOf(List.class);
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonText.parse("[".repeat(depth + 2) + "]".repeat(depth + 2))))
        .hasMessageContaining("nested too deeply");
  }
}

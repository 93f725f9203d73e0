package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** InstantText must agree with the JDK's Instant.toString and Instant.parse on every input. */
class InstantTextTest {

  private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  @Test
  void formatsAndParsesLikeTheJdkAcrossYearsZeroToTenThousandAndEveryPrecision() {
    Random random = new Random(20261203L);
    for (int i = 0; i < 200_000; i++) {
      long second = YEAR_0 + Math.floorMod(random.nextLong(), YEAR_10000 - YEAR_0 + 2_000_000L) - 1_000_000L;
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(second, nanos);
      String jdk = instant.toString();
      assertThat(InstantText.format(instant)).as("format of %s", jdk).isEqualTo(jdk);
      assertThat(InstantText.parse(jdk)).as("parse of %s", jdk).isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00Z", "1900-02-28T23:59:59Z",
      "2026-12-03T12:59:14.1Z", "2026-12-03T12:59:14.12Z", "2026-12-03T12:59:14.1234Z", "2026-12-03T12:59:14.12345678Z",
      "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
      // Not the canonical form: left to the JDK, which must still be what answers.
      "2026-12-03T23:59:60Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-12-03T12:59:14+01:00",
      // The JDK is lenient here (24:00 is the next midnight, an empty fraction and lower case are accepted).
      "2026-12-03T24:00:00Z", "2026-12-03T12:59:14.Z", "2026-12-03t12:59:14Z", "2026-12-03T12:59:14z"})
  void everyValidTextParsesToTheJdksInstant(String text) {
    assertThat(InstantText.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
      "2026-12-00T00:00:00Z", "2026-12-03T12:60:00Z", "2026-12-03T12:59:61Z",
      "2026-12-03T12:59:14.1234567890Z", "2026-12-03T12:59:14", "2026-12-03",
      "2026-12-03T12:5a:14Z", "2026-12-03T12:59:14.12a4Z", "2026-12-03T12:59:14,123Z", "", "garbage garbage garbage"})
  void everyInvalidTextFailsAsTheJdkDoes(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> InstantText.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}

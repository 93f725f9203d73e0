package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class SrpGroupTest {

  @Test
  void timestampIsEnglishUnpaddedDayUtcWhateverTheDefaultLocaleAndZone() {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.JAPAN);
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
      assertThat(SrpGroup.timestamp(Instant.parse("2026-12-01T09:05:03Z"))).isEqualTo("Tue Dec 1 09:05:03 UTC 2026");
      assertThat(SrpGroup.timestamp(Instant.parse("2028-02-29T23:00:00Z"))).isEqualTo("Tue Feb 29 23:00:00 UTC 2028");
      assertThat(SrpGroup.timestamp(Instant.parse("2026-11-29T00:00:09Z"))).isEqualTo("Sun Nov 29 00:00:09 UTC 2026");
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void bothSidesDeriveTheSameKey() {
    BigInteger x = SrpGroup.privateKey("PrOfIlEkT", "user-1", "Pa55word!", new BigInteger("c0ffee", 16));
    BigInteger v = SrpGroup.verifier(x);
    BigInteger a = new BigInteger("123456789abcdef", 16);
    BigInteger b = new BigInteger("fedcba987654321", 16);
    BigInteger bigA = SrpGroup.G.modPow(a, SrpGroup.N);
    BigInteger bigB = SrpGroup.K.multiply(v).add(SrpGroup.G.modPow(b, SrpGroup.N)).mod(SrpGroup.N);
    BigInteger u = SrpGroup.scrambler(bigA, bigB);
    BigInteger client = bigB.subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N))).mod(SrpGroup.N)
        .modPow(a.add(u.multiply(x)), SrpGroup.N);
    BigInteger server = bigA.multiply(v.modPow(u, SrpGroup.N)).modPow(b, SrpGroup.N);
    assertThat(client).isEqualTo(server);
    assertThat(SrpGroup.sessionKey(client, u)).hasSize(16).isEqualTo(SrpGroup.sessionKey(server, u));
  }

  @Test
  void parseTimestampReadsExactlyTheFormTimestampWrites() {
    Instant instant = Instant.parse("2026-12-01T09:05:03Z");
    assertThat(SrpGroup.parseTimestamp("Tue Dec 1 09:05:03 UTC 2026")).contains(instant);
    assertThat(SrpGroup.parseTimestamp(SrpGroup.timestamp(Instant.parse("2028-02-29T23:59:59Z"))))
        .contains(Instant.parse("2028-02-29T23:59:59Z"));
    assertThat(SrpGroup.parseTimestamp("Tue Dec 01 09:05:03 UTC 2026")).as("padded day").isEmpty();
    assertThat(SrpGroup.parseTimestamp("Wed Dec 1 09:05:03 UTC 2026")).as("wrong day name").isEmpty();
    assertThat(SrpGroup.parseTimestamp("Tue Dec 1 09:05:03 JST 2026")).as("another zone").isEmpty();
    assertThat(SrpGroup.parseTimestamp("火 12月 1 09:05:03 UTC 2026")).as("Japanese names").isEmpty();
    assertThat(SrpGroup.parseTimestamp("Tue Feb 30 09:05:03 UTC 2026")).as("no such date").isEmpty();
    assertThat(SrpGroup.parseTimestamp("Tue Dec 1 9:05:03 UTC 2026")).as("unpadded hour").isEmpty();
    assertThat(SrpGroup.parseTimestamp(null)).isEmpty();
  }

  @Test
  void poolNameIsThePartAfterTheUnderscore() {
    assertThat(SrpGroup.poolName("eu-west-1_AbCdEf123")).isEqualTo("AbCdEf123");
    assertThatThrownBy(() -> SrpGroup.poolName("no-underscore")).isInstanceOf(IllegalArgumentException.class);
  }
}

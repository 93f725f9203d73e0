package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CBOR subset WebAuthn needs, against RFC 8949's appendix A examples. */
class CborTest {

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b & 0xff));
    }
    return out.toString();
  }

  private static byte[] bytes(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  @Test
  void rfc8949ExamplesEncodeAndDecode() {
    assertThat(hex(Cbor.encode(0L))).isEqualTo("00");
    assertThat(hex(Cbor.encode(23L))).isEqualTo("17");
    assertThat(hex(Cbor.encode(24L))).isEqualTo("1818");
    assertThat(hex(Cbor.encode(1000L))).isEqualTo("1903e8");
    assertThat(hex(Cbor.encode(1000000L))).isEqualTo("1a000f4240");
    assertThat(hex(Cbor.encode(-1L))).isEqualTo("20");
    assertThat(hex(Cbor.encode(-1000L))).isEqualTo("3903e7");
    assertThat(hex(Cbor.encode("IETF"))).isEqualTo("6449455446");
    assertThat(hex(Cbor.encode(List.of(1L, 2L, 3L)))).isEqualTo("83010203");
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("a", 1L);
    map.put("b", List.of(2L, 3L));
    assertThat(hex(Cbor.encode(map))).isEqualTo("a26161016162820203");

    assertThat(Cbor.decode(bytes("3903e7"))).isEqualTo(-1000L);
    assertThat(Cbor.decode(bytes("a26161016162820203"))).isEqualTo(map);
    assertThat((byte[]) Cbor.decode(bytes("4401020304"))).containsExactly(1, 2, 3, 4);
    assertThat(Cbor.decode(bytes("f5"))).isEqualTo(Boolean.TRUE);
    assertThat(Cbor.decode(bytes("f6"))).isNull();
  }

  @Test
  void aPrefixItemSaysWhereItEnds() {
    Cbor.Item item = Cbor.decodePrefix(bytes("ff83010203a0"), 1);

    assertThat(item.value()).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(item.end()).isEqualTo(5);
  }

  @Test
  void truncatedRepeatedIndefiniteOrTrailingInputIsRefused() {
    for (String bad : List.of("", "19 03", "a2616101616102", "9f01ff", "0000", "c11a514b67b0", "fb3ff199999999999a", "62c328")) {
      assertThatThrownBy(() -> Cbor.decode(bytes(bad.replace(" ", "")))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}

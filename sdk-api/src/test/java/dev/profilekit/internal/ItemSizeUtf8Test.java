package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ItemSize counts UTF-8 bytes without encoding; the count must be the encoder's, byte for byte. */
class ItemSizeUtf8Test {

  @Test
  void countsWhatTheUtf8EncoderWritesIncludingPairsAndLoneSurrogates() {
    String[] fixed = {"", "a", "é", "€", "😀", "a😀b", "\uD800", "\uDC00", "\uDC00\uD800", "x\uD800", "\uD83D\uDE00\uD83D", "\u07FF\u0800\uFFFF"};
    for (String text : fixed) {
      assertThat(ItemSize.utf8(text)).as("%s", text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
    Random random = new Random(15L);
    for (int i = 0; i < 100_000; i++) {
      char[] chars = new char[random.nextInt(12)];
      for (int c = 0; c < chars.length; c++) {
        // Mostly the interesting ranges: ASCII edges, 2- and 3-byte edges, surrogates.
        chars[c] = switch (random.nextInt(5)) {
          case 0 -> (char) random.nextInt(0x100);
          case 1 -> (char) (0x700 + random.nextInt(0x200));
          case 2 -> (char) (0xD800 + random.nextInt(0x800));
          default -> (char) random.nextInt(0x10000);
        };
      }
      String text = new String(chars);
      assertThat(ItemSize.utf8(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }
}

package dev.profilekit.aws.jwt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

  private VerifiedUser user(String id, Instant exp) {
    return VerifiedUser.builder()
        .userId(id)
        .username(id)
        .tokenUse(TokenUse.ACCESS)
        .clientId("c")
        .issuer("https://issuer")
        .issuedAt(exp.minusSeconds(3600))
        .expiresAt(exp)
        .build();
  }

  @Test
  void cacheNeverGrowsBeyondItsBound() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10);
    for (int i = 0; i < 1_000; i++) {
      cache.put(VerifiedTokenCache.keyOf("token-" + i), user("u" + i, now.plusSeconds(60)), now);
      assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
    VerifiedTokenCache.Key last = VerifiedTokenCache.keyOf("token-999");
    assertThat(cache.get(last, now)).isNotNull();
  }

  @Test
  void expiredEntriesAreDroppedOnReadAndMakeRoomFirst() {
    VerifiedTokenCache cache = new VerifiedTokenCache(2);
    VerifiedTokenCache.Key old = VerifiedTokenCache.keyOf("old");
    VerifiedTokenCache.Key fresh = VerifiedTokenCache.keyOf("fresh");
    cache.put(old, user("old", now.plusSeconds(1)), now);
    cache.put(fresh, user("fresh", now.plusSeconds(600)), now);

    Instant later = now.plusSeconds(1);
    assertThat(cache.get(old, later)).isNull();
    cache.put(VerifiedTokenCache.keyOf("third"), user("third", now.plusSeconds(600)), later);
    assertThat(cache.get(fresh, later)).isNotNull();
  }

  @Test
  void keyIsTheSha256OfTheTokenNotTheToken() {
    VerifiedTokenCache.Key key = VerifiedTokenCache.keyOf("abc");
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
    assertThat(key)
        .isEqualTo(
            new VerifiedTokenCache.Key(
                0xba7816bf8f01cfeaL, 0x414140de5dae2223L, 0xb00361a396177a9cL, 0xb410ff61f20015adL));
    assertThat(key.toString()).doesNotContain("abc");
  }
}

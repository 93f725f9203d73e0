package dev.profilekit.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.FieldValue;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.internal.ItemSize;
import dev.profilekit.internal.ProfilePatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The fake's store refuses by DynamoDB's item size, to the byte, as sdk-aws's {@code
 * ItemSizeLimitIT} shows DynamoDB (dynalite, and AWS's UTF-8 count) does: the same fixed instant,
 * the same prediction, the same exception.
 */
class ProfileStoreItemSizeTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00.123Z");

  private final ProfileStore store = new ProfileStore(Clock.fixed(NOW, ZoneOffset.UTC), ProfilePolicy.defaults());
  private final UserProfile fallback = UserProfile.builder().userId("u-1").email("size@example.com").source(ProfileSource.FALLBACK).build();

  private UserProfile fill(int length) {
    return store.update("u-1", ProfileUpdate.builder().customField("fill", FieldValue.of("x".repeat(length))).build(), () -> fallback);
  }

  @Test
  void exactlyTheLimitIsStoredAndOneByteMoreIsRefusedUnchanged() {
    UserProfile current = store.update("u-1", ProfileUpdate.builder().build(), () -> fallback);
    int chunk = 0;
    // Values are at most 4,096 characters (the policy, which the store applies to the whole item).
    int room;
    while ((room = ItemSize.MAX_ITEM_BYTES - ItemSize.of(ProfilePatch.apply(current, fillOf(0), NOW))) > 4_096) {
      int length = Math.min(4_096, room - 4_096);
      current = store.update("u-1", ProfileUpdate.builder().customField("c" + chunk++, FieldValue.of("x".repeat(length))).build(), () -> fallback);
    }
    int exact = room;
    UserProfile atLimit = fill(exact);

    assertThat(ItemSize.of(atLimit)).isEqualTo(ItemSize.MAX_ITEM_BYTES);
    InvalidProfileException refused = catchThrowableOfType(InvalidProfileException.class, () -> fill(exact + 1));
    assertThat(refused).hasMessage(ItemSize.tooLarge().getMessage());
    assertThat(refused.rule()).isEqualTo("max-item-size");
    assertThat(store.get("u-1")).isEqualTo(atLimit);
  }

  private static ProfileUpdate fillOf(int length) {
    return ProfileUpdate.builder().customField("fill", FieldValue.of("x".repeat(length))).build();
  }
}

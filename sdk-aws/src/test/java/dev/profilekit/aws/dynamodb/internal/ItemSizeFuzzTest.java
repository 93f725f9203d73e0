package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.emulators.DynamoDbItemSize;
import dev.profilekit.internal.ItemSize;

/**
 * The one item-size rule agrees with the item the codec writes: for any profile, {@link
 * ItemSize#of(UserProfile)} (what the fake refuses by) is AWS's count of {@link
 * ProfileItemCodec#toItem(UserProfile)} (what DynamoDB refuses by), to the byte.
 */
class ItemSizeFuzzTest {

  @FuzzTest
  void itemSizeOfAProfileIsAwssCountOfItsItem(FuzzedDataProvider data) {
    UserProfile profile = FuzzedProfiles.profile(data);

    assertThat(ItemSize.of(profile)).isEqualTo(DynamoDbItemSize.of(ProfileItemCodec.toItem(profile)));
  }
}

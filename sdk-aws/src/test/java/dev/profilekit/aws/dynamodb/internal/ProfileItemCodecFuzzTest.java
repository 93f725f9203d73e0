package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfile;

/**
 * Fuzzes {@link ProfileItemCodec}: every profile the policy accepts comes back equal from {@code
 * fromItem(toItem(profile))}, and re-encoding the decoded profile gives the same item.
 */
class ProfileItemCodecFuzzTest {

  @FuzzTest
  void everyLegalProfileRoundTripsThroughTheItemUnchanged(FuzzedDataProvider data) {
    UserProfile profile = FuzzedProfiles.profile(data);
    try {
      ProfilePolicy.defaults().validateProfile(profile);
    } catch (InvalidProfileException illegal) {
      return;
    }
    var item = ProfileItemCodec.toItem(profile);
    UserProfile decoded = ProfileItemCodec.fromItem(item);

    assertThat(decoded).isEqualTo(profile);
    assertThat(ProfileItemCodec.toItem(decoded)).isEqualTo(item);
  }
}

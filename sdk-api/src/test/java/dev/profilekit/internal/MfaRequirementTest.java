package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.MfaConfiguration;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.ProfileKitException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MfaRequirementTest {

  private static final Set<MfaMethod> ALL = EnumSet.allOf(MfaMethod.class);
  private static final Set<MfaMethod> TOTP_ONLY = Set.of(MfaMethod.TOTP);

  private static MfaRequirement.User user(MfaPreference preference, boolean totp, Set<MfaMethod> messages, boolean first) {
    return new MfaRequirement.User(preference, totp, messages, first);
  }

  private static Optional<String> next(MfaConfiguration pool, Set<MfaMethod> methods, MfaRequirement.User user) {
    return MfaRequirement.afterPassword(pool, methods, user).map(MfaRequirement.Next::challengeName);
  }

  @Test
  void offAsksNothingAndOptionalFollowsThePreference() {
    MfaRequirement.User sms = user(MfaPreference.of(MfaMethod.SMS), false, Set.of(MfaMethod.SMS), false);
    assertThat(next(MfaConfiguration.OFF, ALL, sms)).isEmpty();
    assertThat(next(MfaConfiguration.OPTIONAL, ALL, sms)).contains("SMS_MFA");
    assertThat(next(MfaConfiguration.OPTIONAL, ALL, user(MfaPreference.none(), true, Set.of(MfaMethod.SMS), false))).isEmpty();
  }

  @Test
  void onWithoutAFactorSetsUpAnAppExceptAtTheFirstSignInAfterConfirmation() {
    MfaRequirement.User none = user(MfaPreference.none(), false, Set.of(), false);
    assertThat(next(MfaConfiguration.ON, TOTP_ONLY, none)).contains(MfaRequirement.MFA_SETUP);
    assertThat(next(MfaConfiguration.ON, ALL, none)).contains(MfaRequirement.MFA_SETUP);
    assertThat(next(MfaConfiguration.ON, TOTP_ONLY, user(MfaPreference.none(), false, Set.of(), true))).isEmpty();
    assertThatThrownBy(() -> MfaRequirement.afterPassword(MfaConfiguration.ON, Set.of(MfaMethod.SMS), none))
        .isInstanceOf(ProfileKitException.class).hasMessageContaining("requires MFA");
  }

  @Test
  void onUsesThePreferenceThenARegisteredAppThenAnEligibleAttribute() {
    assertThat(next(MfaConfiguration.ON, ALL, user(MfaPreference.of(MfaMethod.EMAIL), true, Set.of(MfaMethod.SMS), false)))
        .contains("EMAIL_OTP");
    assertThat(next(MfaConfiguration.ON, TOTP_ONLY, user(MfaPreference.none(), true, Set.of(MfaMethod.SMS), false)))
        .contains("SOFTWARE_TOKEN_MFA");
    MfaRequirement.Next choice = MfaRequirement.afterPassword(MfaConfiguration.ON, ALL,
        user(MfaPreference.none(), true, Set.of(MfaMethod.SMS), false)).orElseThrow();
    assertThat(choice.challengeName()).isEqualTo("SELECT_MFA_TYPE");
    assertThat(choice.canChoose()).containsExactlyInAnyOrder(MfaMethod.SMS, MfaMethod.TOTP);
    assertThat(next(MfaConfiguration.ON, ALL, user(MfaPreference.none(), false, Set.of(MfaMethod.SMS), false))).contains("SMS_MFA");
    assertThat(MfaRequirement.afterPassword(MfaConfiguration.ON, ALL,
        user(MfaPreference.none(), false, Set.of(MfaMethod.SMS, MfaMethod.EMAIL), false)).orElseThrow().canChoose())
        .containsExactlyInAnyOrder(MfaMethod.SMS, MfaMethod.EMAIL);
    assertThat(MfaRequirement.canSetupJson(ALL)).isEqualTo("[\"SOFTWARE_TOKEN_MFA\"]");
  }
}

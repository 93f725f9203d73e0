package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ChallengeSession;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.SignInStep;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MfaChallengesTest {

  @Test
  void noMethodNoChallengeOneMethodItsChallengeSeveralThePreferredOrAChoice() {
    assertThat(MfaChallenges.afterPassword(MfaPreference.none())).isEmpty();
    assertThat(MfaChallenges.afterPassword(MfaPreference.of(MfaMethod.SMS))).contains("SMS_MFA");
    assertThat(MfaChallenges.afterPassword(MfaPreference.of(MfaMethod.EMAIL))).contains("EMAIL_OTP");
    assertThat(MfaChallenges.afterPassword(MfaPreference.of(MfaMethod.SMS, MfaMethod.EMAIL))).contains("SELECT_MFA_TYPE");
    assertThat(MfaChallenges.afterPassword(MfaPreference.builder().addMethods(MfaMethod.SMS, MfaMethod.EMAIL)
        .preferred(MfaMethod.EMAIL).build())).contains("EMAIL_OTP");
  }

  @Test
  void eachMfaChallengeIsItsStep() {
    Optional<String> to = Optional.of("+*******0199");
    assertThat(MfaChallenges.step(ChallengeSession.of("SMS_MFA", "u", "s"), to, Set.of())).isInstanceOf(SignInStep.SmsCode.class);
    assertThat(MfaChallenges.step(ChallengeSession.of("EMAIL_OTP", "u", "s"), to, Set.of())).isInstanceOf(SignInStep.EmailCode.class);
    assertThat(MfaChallenges.step(ChallengeSession.of("SOFTWARE_TOKEN_MFA", "u", "s"), to, Set.of()))
        .isInstanceOf(SignInStep.TotpCode.class);
    assertThat(MfaChallenges.step(ChallengeSession.of("SELECT_MFA_TYPE", "u", "s"), to, Set.of(MfaMethod.SMS)))
        .isEqualTo(new SignInStep.SelectMfa(ChallengeSession.of("SELECT_MFA_TYPE", "u", "s"), Set.of(MfaMethod.SMS)));
    assertThatThrownBy(() -> MfaChallenges.step(ChallengeSession.of("NEW_PASSWORD_REQUIRED", "u", "s"), to, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MfaChallenges.isMfa("MFA_SETUP")).isFalse();
    assertThat(MfaChallenges.isMfa("SELECT_MFA_TYPE")).isTrue();
  }

  @Test
  void mfasCanChooseRoundTripsInMethodOrderAndSkipsUnknownNames() {
    String json = MfaChallenges.canChooseJson(EnumSet.of(MfaMethod.EMAIL, MfaMethod.SMS));
    assertThat(json).isEqualTo("[\"SMS_MFA\",\"EMAIL_OTP\"]");
    assertThat(MfaChallenges.parseCanChoose(json)).containsExactlyInAnyOrder(MfaMethod.SMS, MfaMethod.EMAIL);
    assertThat(MfaChallenges.parseCanChoose("[\"WEB_AUTHN\",\"EMAIL_MFA\",\"SOFTWARE_TOKEN_MFA\"]"))
        .containsExactlyInAnyOrder(MfaMethod.EMAIL, MfaMethod.TOTP);
    assertThat(MfaChallenges.parseCanChoose(null)).isEmpty();
    assertThat(MfaChallenges.codeResponseKey("EMAIL_OTP")).isEqualTo("EMAIL_OTP_CODE");
  }

  @Test
  void aCodeIsSixToEightDigitsAndARefusalNeverEchoesIt() {
    assertThat(MfaChallenges.code("123456")).isEqualTo("123456");
    assertThat(MfaChallenges.code("12345678")).isEqualTo("12345678");
    for (String bad : new String[] {"12345", "123456789", "12345a", " 123456", "１２３４５６"}) {
      assertThatThrownBy(() -> MfaChallenges.code(bad)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
        assertThat(e.field()).isEqualTo("code");
        assertThat(e.rule()).isEqualTo("format");
        assertThat(e.getMessage()).doesNotContain(bad);
      });
    }
    assertThatThrownBy(() -> MfaChallenges.code(null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("required"));
  }
}

package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.ChallengeSession;
import dev.profilekit.FirstFactor;
import dev.profilekit.SignInStep;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirstFactorsTest {

  private static final Set<FirstFactor> ALL = EnumSet.allOf(FirstFactor.class);

  @Test
  void aUserIsOfferedTheFactorsTheyHaveAndThePoolAllows() {
    assertThat(FirstFactors.available(ALL, true, true, false, false))
        .containsExactlyInAnyOrder(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP, FirstFactor.EMAIL_OTP);
    assertThat(FirstFactors.available(ALL, false, true, true, true))
        .containsExactlyInAnyOrder(FirstFactor.EMAIL_OTP, FirstFactor.SMS_OTP, FirstFactor.WEB_AUTHN);
    assertThat(FirstFactors.available(EnumSet.of(FirstFactor.PASSWORD), true, true, true, false)).containsExactly(FirstFactor.PASSWORD);
  }

  @Test
  void anAvailablePasswordlessPreferenceIsAskedAtOnceAnythingElseIsAChoice() {
    Set<FirstFactor> available = EnumSet.of(FirstFactor.PASSWORD, FirstFactor.EMAIL_OTP);
    assertThat(FirstFactors.firstChallenge(Optional.of(FirstFactor.EMAIL_OTP), available)).isEqualTo("EMAIL_OTP");
    assertThat(FirstFactors.firstChallenge(Optional.of(FirstFactor.SMS_OTP), available)).isEqualTo("SELECT_CHALLENGE");
    assertThat(FirstFactors.firstChallenge(Optional.of(FirstFactor.PASSWORD), available)).isEqualTo("SELECT_CHALLENGE");
    assertThat(FirstFactors.firstChallenge(Optional.empty(), available)).isEqualTo("SELECT_CHALLENGE");
  }

  @Test
  void eachChallengeIsItsStepAndUnknownNamesAreLeftOut() {
    Optional<String> to = Optional.of("a***@e***");
    assertThat(FirstFactors.step(ChallengeSession.of("SMS_OTP", "u", "s"), to, Set.of(), null)).isInstanceOf(SignInStep.SmsCode.class);
    assertThat(FirstFactors.step(ChallengeSession.of("EMAIL_OTP", "u", "s"), to, Set.of(), null)).isInstanceOf(SignInStep.EmailCode.class);
    assertThat(FirstFactors.step(ChallengeSession.of("WEB_AUTHN", "u", "s"), to, Set.of(), "{}")).isInstanceOf(SignInStep.Passkey.class);
    assertThat(((SignInStep.SelectChallenge) FirstFactors.step(ChallengeSession.of("SELECT_CHALLENGE", "u", "s"), to,
        Set.of(FirstFactor.PASSWORD), null)).options()).containsExactly(FirstFactor.PASSWORD);
    assertThat(FirstFactors.parse(List.of("PASSWORD", "CUSTOM_CHALLENGE", "SMS_OTP")))
        .containsExactlyInAnyOrder(FirstFactor.PASSWORD, FirstFactor.SMS_OTP);
  }
}

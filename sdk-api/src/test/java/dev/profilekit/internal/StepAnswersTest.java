package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ChallengeSession;
import dev.profilekit.FirstFactor;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.MfaMethod;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepAnswersTest {

  private static final ChallengeSession CHALLENGE = ChallengeSession.of("SELECT_MFA_TYPE", "user-1", "session");

  @Test
  void anAnswerOfTheWrongTypeIsRejectedNamingTheRule() {
    SignInStep step = new SignInStep.TotpCode(CHALLENGE);
    assertThatThrownBy(() -> StepAnswers.check(step, SignInAnswer.mfa(MfaMethod.TOTP)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("matches-step"));
    assertThat(StepAnswers.check(step, SignInAnswer.code("123456"))).isSameAs(step);
  }

  @Test
  void aChoiceMustBeOffered() {
    SignInStep step = new SignInStep.SelectMfa(CHALLENGE, Set.of(MfaMethod.SMS));
    assertThatThrownBy(() -> StepAnswers.check(step, SignInAnswer.mfa(MfaMethod.TOTP)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("offered-option"));
    SignInStep.SelectChallenge emailOnly = new SignInStep.SelectChallenge(CHALLENGE, Set.of(FirstFactor.EMAIL_OTP));
    assertThatThrownBy(() -> StepAnswers.check(emailOnly, SignInAnswer.password("Pa55word!")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("offered-option"));
  }

  @Test
  void aPasswordAnswerPrefersSrpWhenOffered() {
    SignInAnswer password = SignInAnswer.password("Pa55word!");
    assertThat(StepAnswers.chosenFactor(new SignInStep.SelectChallenge(CHALLENGE, Set.of(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP)), password))
        .isEqualTo(FirstFactor.PASSWORD_SRP);
    assertThat(StepAnswers.chosenFactor(new SignInStep.SelectChallenge(CHALLENGE, Set.of(FirstFactor.PASSWORD)), password))
        .isEqualTo(FirstFactor.PASSWORD);
  }

  @Test
  void aFinishedSignInCannotBeAnswered() {
    assertThatThrownBy(() -> StepAnswers.check(null, SignInAnswer.code("1")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("step"));
  }
}

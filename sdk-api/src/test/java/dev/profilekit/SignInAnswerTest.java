package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInAnswerTest {

  @Test
  void toStringMasksEverySecret() {
    assertThat(SignInAnswer.code("123456").toString()).doesNotContain("123456");
    assertThat(SignInAnswer.newPassword("Chos3n-Pa55word!", Map.of("name", "Ada")).toString())
        .doesNotContain("Chos3n").doesNotContain("Ada").contains("name");
    assertThat(SignInAnswer.password("Pa55word!").toString()).doesNotContain("Pa55word");
    assertThat(SignInAnswer.passkey("{\"id\":\"cred\"}").toString()).doesNotContain("cred");
  }

  @Test
  void emptyOrMissingValuesAreRejected() {
    assertThatThrownBy(() -> SignInAnswer.code("")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> SignInAnswer.code(null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> SignInAnswer.mfa(null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> SignInAnswer.firstFactor(FirstFactor.PASSWORD_SRP))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("password");
  }

  @Test
  void eachTypeAnswersItsSteps() {
    assertThat(SignInAnswer.Type.CODE.answers(SignInStep.Kind.TOTP_SETUP)).isTrue();
    assertThat(SignInAnswer.Type.CODE.answers(SignInStep.Kind.SELECT_MFA)).isFalse();
    assertThat(SignInAnswer.Type.PASSWORD.answers(SignInStep.Kind.SELECT_CHALLENGE)).isTrue();
    assertThat(SignInAnswer.Type.NEW_PASSWORD.answers(SignInStep.Kind.DONE)).isFalse();
  }
}

package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.PasswordPolicyException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.UserAlreadyExistsException;
import dev.profilekit.UserNotConfirmedException;
import dev.profilekit.testing.ContractCapability;
import dev.profilekit.TokenRejectedException;
import org.junit.jupiter.api.Test;

/** Contract cases: sign-up, confirmation, password sign-in, temporary and changed passwords. */
public interface SignUpAndPasswordCases extends ContractHarness {


  @Test
  default void signUpConfirmAndSignInYieldsASessionOfTheNewUser() {
    String email = uniqueEmail("signup");
    SignUpResult result = signUp(email);
    assertThat(result.confirmed()).isFalse();
    assertThat(result.userId()).isNotBlank();

    service().confirmSignUp(email, confirmationCode(service(), email));
    AuthSession session = service().signIn(email, PASSWORD).sessionOrThrow();

    assertThat(session.user().userId()).isEqualTo(result.userId());
    assertThat(session.user().email()).contains(email);
    assertThat(session.user().emailVerified()).isTrue();
    assertThat(session.refreshToken()).isPresent();
  }

  @Test
  default void signUpWithATakenEmailFailsWithUserAlreadyExists() {
    String email = uniqueEmail("taken");
    signUp(email);

    assertThatThrownBy(() -> signUp(email)).isInstanceOf(UserAlreadyExistsException.class);
  }

  @Test
  default void signUpWithAMalformedEmailIsRejectedAsInvalidRequest() {
    SignUpRequest request = SignUpRequest.builder().email("not-an-email").password(PASSWORD).build();

    InvalidRequestException rejected = thrown(InvalidRequestException.class, () -> service().signUp(request));
    assertThat(rejected.field()).isEqualTo("email");
  }

  @Test
  default void signUpWithAWeakPasswordFailsWithPasswordPolicy() {
    String email = uniqueEmail("weak");
    SignUpRequest weak = SignUpRequest.builder().email(email).password("weakling").build();
    if (!supports(ContractCapability.PASSWORD_POLICY)) {
      assertThat(signUp(uniqueEmail("strong")).userId()).isNotBlank();
      return;
    }
    PasswordPolicyException rejected = thrown(PasswordPolicyException.class, () -> service().signUp(weak));
    assertThat(rejected.getMessage()).doesNotContain("weakling");
    // Nothing was created: the same email can sign up with a good password.
    assertThat(signUp(email).userId()).isNotBlank();
  }

  @Test
  default void confirmWithAWrongCodeFailsAndTheUserStaysUnconfirmed() {
    String email = uniqueEmail("wrongcode");
    signUp(email);
    String wrong = confirmationCode(service(), email).equals("000000") ? "111111" : "000000";

    assertThatThrownBy(() -> service().confirmSignUp(email, wrong)).isInstanceOf(InvalidCodeException.class);
    assertThatThrownBy(() -> service().signIn(email, PASSWORD)).isInstanceOf(UserNotConfirmedException.class);
  }

  @Test
  default void signInBeforeConfirmationFailsWithUserNotConfirmed() {
    String email = uniqueEmail("unconfirmed");
    signUp(email);

    assertThatThrownBy(() -> service().signIn(email, PASSWORD)).isInstanceOf(UserNotConfirmedException.class);
  }

  @Test
  default void signInWithAWrongPasswordFailsWithInvalidCredentials() {
    String email = uniqueEmail("wrongpw");
    signUpAndSignIn(email);

    assertThatThrownBy(() -> service().signIn(email, "Wrong-Pa55word!")).isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  default void signInOfAnUnknownUserFailsWithTheSameInvalidCredentials() {
    assertThatThrownBy(() -> service().signIn(uniqueEmail("nobody"), PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  default void aFailedSignInNeverEchoesThePassword() {
    String email = uniqueEmail("echo");
    signUpAndSignIn(email);
    String secret = "Sup3r-Secret-Guess!";

    Throwable failure = thrown(ProfileKitException.class, () -> service().signIn(email, secret));
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
    }
  }

  @Test
  default void resendConfirmationCodeSendsACodeThatConfirms() {
    String email = uniqueEmail("resend");
    signUp(email);
    if (!supports(ContractCapability.RESEND_CONFIRMATION_CODE)) {
      assertThatThrownBy(() -> service().resendConfirmationCode(email)).isInstanceOf(ProfileKitException.class);
      return;
    }
    service().resendConfirmationCode(email);
    service().confirmSignUp(email, confirmationCode(service(), email));

    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  default void aUserWithATemporaryPasswordMustChooseANewOne() {
    String email = uniqueEmail("temporary");
    String temporary = "Temp-Pa55word!";
    createUserWithTemporaryPassword(service(), email, temporary);

    SignInStep first = service().signIn(email, temporary);
    assertThat(first.isSignedIn()).isFalse();
    assertThat(first.kind()).isEqualTo(SignInStep.Kind.NEW_PASSWORD_REQUIRED);
    SignInStep.NewPasswordRequired step = (SignInStep.NewPasswordRequired) first;
    assertThat(step.toString()).doesNotContain(step.challenge().session());
    assertThatThrownBy(() -> service().respond(step, SignInAnswer.code("123456")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("matches-step"));

    AuthSession session = service().respond(step, SignInAnswer.newPassword(PASSWORD)).sessionOrThrow();
    assertThat(session.user().email()).contains(email);
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
    assertThatThrownBy(() -> service().signIn(email, temporary)).isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  default void forgotPasswordThenConfirmReplacesThePassword() {
    String email = uniqueEmail("forgot");
    signUpAndSignIn(email);
    String newPassword = "N3w-Pa55word!";

    service().forgotPassword(email);
    service().confirmForgotPassword(email, passwordResetCode(service(), email), newPassword);

    assertThat(service().signIn(email, newPassword).isSignedIn()).isTrue();
    assertThatThrownBy(() -> service().signIn(email, PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  default void confirmForgotPasswordWithAWrongCodeKeepsTheOldPassword() {
    String email = uniqueEmail("wrongreset");
    signUpAndSignIn(email);
    service().forgotPassword(email);
    String wrong = passwordResetCode(service(), email).equals("000000") ? "111111" : "000000";

    assertThatThrownBy(() -> service().confirmForgotPassword(email, wrong, "N3w-Pa55word!")).isInstanceOf(InvalidCodeException.class);
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  default void changePasswordWithAWrongCurrentPasswordFailsWithInvalidCredentials() {
    AuthSession session = signUpAndSignIn(uniqueEmail("change-wrong"));

    assertThatThrownBy(() -> service().changePassword(session, "Not-The-Pa55word!", "N3w-Pa55word!"))
        .isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  default void aWeakNewPasswordIsRejectedAndTheCurrentOneKeepsWorking() {
    String email = uniqueEmail("weak-change");
    AuthSession session = signUpAndSignIn(email);
    if (!supports(ContractCapability.PASSWORD_POLICY)) {
      assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
      return;
    }

    assertThatThrownBy(() -> service().changePassword(session, PASSWORD, "short")).isInstanceOf(PasswordPolicyException.class);
    service().forgotPassword(email);
    String code = passwordResetCode(service(), email);
    assertThatThrownBy(() -> service().confirmForgotPassword(email, code, "alllowercase")).isInstanceOf(PasswordPolicyException.class);

    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  default void changePasswordLetsTheUserSignInWithTheNewOneOnly() {
    String email = uniqueEmail("change");
    AuthSession session = signUpAndSignIn(email);
    String newPassword = "Chang3d-Pa55word!";

    service().changePassword(session, PASSWORD, newPassword);

    assertThat(service().signIn(email, newPassword).isSignedIn()).isTrue();
    assertThatThrownBy(() -> service().signIn(email, PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  default void changePasswordNeedsTheSessionsOwnAccessToken() {
    String email = uniqueEmail("change-id-token");
    AuthSession session = signUpAndSignIn(email);
    AuthSession idTokenInstead = AuthSession.builder().from(session).accessToken(session.idToken()).build();

    TokenRejectedException refused = thrown(TokenRejectedException.class,
        () -> service().changePassword(idTokenInstead, PASSWORD, "Chang3d-Pa55word!"));

    assertThat(refused.reason()).isEqualTo(TokenRejectedException.Reason.WRONG_TOKEN_USE);
    assertThat(refused.getMessage()).doesNotContain(session.idToken()).doesNotContain(PASSWORD);
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
  }
}

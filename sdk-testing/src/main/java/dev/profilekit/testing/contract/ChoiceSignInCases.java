package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.FirstFactor;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: choice-based sign-in ({@code USER_AUTH}, {@link
 * dev.profilekit.UserProfileService#signInWith}): a preferred email or text-message code sent at
 * once, an unavailable or password preference met by {@code SELECT_CHALLENGE} with the factors the
 * user has, and the answer that picks one.
 *
 * <p>Needs {@link ContractHarness#signInCode} to read the code the backend sent.
 */
public interface ChoiceSignInCases extends ContractHarness {

  /**
   * Signs a user up and confirms them, with a phone number or without.
   *
   * @param email the email
   * @param phone the phone number, or null
   * @return the user's id
   */
  default String choiceUser(String email, String phone) {
    SignUpRequest.Builder request = SignUpRequest.builder().email(email).password(PASSWORD).givenName(GIVEN_NAME).familyName(FAMILY_NAME);
    if (phone != null) {
      request.putAttribute("phone_number", phone);
    }
    String userId = service().signUp(request.build()).userId();
    service().confirmSignUp(email, confirmationCode(service(), email));
    return userId;
  }

  @Test
  default void aPreferredEmailCodeIsSentAtOnceAndSignsTheUserInWithoutAPassword() {
    String email = uniqueEmail("choice-email");
    String userId = choiceUser(email, null);

    SignInStep step = service().signInWith(email, FirstFactor.EMAIL_OTP);

    assertThat(step).isInstanceOf(SignInStep.EmailCode.class);
    assertThat(((SignInStep.EmailCode) step).challenge().challengeName()).isEqualTo("EMAIL_OTP");
    AuthSession session = service().respond(step, SignInAnswer.code(signInCode(service(), email))).sessionOrThrow();
    assertThat(service().verify(session.idToken()).userId()).isEqualTo(userId);
  }

  @Test
  default void aPreferredTextMessageCodeIsSentAtOnceToAUserWithAPhone() {
    String email = uniqueEmail("choice-sms");
    choiceUser(email, "+15555550142");

    SignInStep step = service().signInWith(email, FirstFactor.SMS_OTP);

    assertThat(step).isInstanceOf(SignInStep.SmsCode.class);
    assertThat(((SignInStep.SmsCode) step).challenge().challengeName()).isEqualTo("SMS_OTP");
    assertThat(((SignInStep.SmsCode) step).destination()).hasValueSatisfying(masked -> assertThat(masked).endsWith("0142"));
    assertThat(service().respond(step, SignInAnswer.code(signInCode(service(), email))).isSignedIn()).isTrue();
  }

  @Test
  default void anUnavailablePreferenceOffersTheUsersFactorsAndTheAnswerPicksOne() {
    String email = uniqueEmail("choice-select");
    choiceUser(email, null);

    SignInStep step = service().signInWith(email, FirstFactor.SMS_OTP);

    assertThat(step).isInstanceOf(SignInStep.SelectChallenge.class);
    assertThat(((SignInStep.SelectChallenge) step).challenge().challengeName()).isEqualTo("SELECT_CHALLENGE");
    assertThat(((SignInStep.SelectChallenge) step).options()).contains(FirstFactor.PASSWORD, FirstFactor.EMAIL_OTP)
        .doesNotContain(FirstFactor.SMS_OTP);
    InvalidRequestException notOffered = thrown(InvalidRequestException.class,
        () -> service().respond(step, SignInAnswer.firstFactor(FirstFactor.SMS_OTP)));
    assertThat(notOffered.rule()).isEqualTo("offered-option");

    SignInStep code = service().respond(step, SignInAnswer.firstFactor(FirstFactor.EMAIL_OTP));

    assertThat(code).isInstanceOf(SignInStep.EmailCode.class);
    assertThat(service().respond(code, SignInAnswer.code(signInCode(service(), email))).isSignedIn()).isTrue();
  }

  @Test
  default void aPasswordPreferenceIsAChoiceAnsweredWithThePassword() {
    String email = uniqueEmail("choice-password");
    String userId = choiceUser(email, null);

    SignInStep step = service().signInWith(email, FirstFactor.PASSWORD);

    assertThat(step).isInstanceOf(SignInStep.SelectChallenge.class);
    thrown(InvalidCredentialsException.class, () -> service().respond(step, SignInAnswer.password("Wrong-Pa55word!")));
    SignInStep again = service().signInWith(email, null);
    assertThat(again).isInstanceOf(SignInStep.SelectChallenge.class);
    AuthSession session = service().respond(again, SignInAnswer.password(PASSWORD)).sessionOrThrow();
    assertThat(session.user().userId()).isEqualTo(userId);
  }

  @Test
  default void aWrongOneTimeCodeIsInvalidCodeAndTheRightOneStillSignsIn() {
    String email = uniqueEmail("choice-wrong");
    choiceUser(email, null);
    SignInStep step = service().signInWith(email, FirstFactor.EMAIL_OTP);
    String code = signInCode(service(), email);

    thrown(InvalidCodeException.class, () -> service().respond(step, SignInAnswer.code(code.equals("000000") ? "111111" : "000000")));

    assertThat(service().respond(step, SignInAnswer.code(code)).isSignedIn()).isTrue();
  }
}

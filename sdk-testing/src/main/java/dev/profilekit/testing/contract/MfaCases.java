package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.ChallengeExpiredException;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import dev.profilekit.TooManyAttemptsException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.testing.ContractCapability;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: second factors sent by text message and email ({@code SMS_MFA}, {@code
 * EMAIL_OTP}), the choice among several ({@code SELECT_MFA_TYPE}), set per user by the user or an
 * administrator, and the typed refusals: a wrong code, an expired challenge, too many wrong codes.
 *
 * <p>Needs {@link ContractHarness#signInCode} to read the code the backend sent.
 */
public interface MfaCases extends ContractHarness {

  /** The phone number of the users these cases sign up (a fictional +1 555 number). */
  String PHONE = "+15555550199";
  /** A well-formed code no backend sends here: {@link #signInCode} never returns it. */
  String NOT_THE_CODE = "000000";

  /**
   * Signs a user up with {@link #PHONE}, confirms them and turns the given second factors on (as
   * an administrator).
   *
   * @param email the email
   * @param preference the MFA preference
   * @return the user's id
   */
  default String mfaUser(String email, MfaPreference preference) {
    String userId = service().signUp(SignUpRequest.builder().email(email).password(PASSWORD).givenName(GIVEN_NAME)
        .familyName(FAMILY_NAME).putAttribute("phone_number", PHONE).build()).userId();
    service().confirmSignUp(email, confirmationCode(service(), email));
    service().admin().setMfaPreference(userId, preference);
    return userId;
  }

  @Test
  default void smsMfaAsksForTheCodeSentByTextMessageAndItSignsTheUserIn() {
    String email = uniqueEmail("mfa-sms");
    String userId = mfaUser(email, MfaPreference.of(MfaMethod.SMS));

    SignInStep step = service().signIn(email, PASSWORD);

    assertThat(step).isInstanceOf(SignInStep.SmsCode.class);
    SignInStep.SmsCode sms = (SignInStep.SmsCode) step;
    assertThat(sms.challenge().challengeName()).isEqualTo("SMS_MFA");
    assertThat(sms.destination()).hasValueSatisfying(masked -> assertThat(masked).endsWith("0199").doesNotContain(PHONE));
    AuthSession session = service().respond(step, SignInAnswer.code(signInCode(service(), email))).sessionOrThrow();
    assertThat(service().verify(session.idToken()).userId()).isEqualTo(userId);
  }

  @Test
  default void emailMfaAsksForTheCodeSentByEmailAndItSignsTheUserIn() {
    String email = uniqueEmail("mfa-email");
    String userId = mfaUser(email, MfaPreference.of(MfaMethod.EMAIL));

    SignInStep step = service().signIn(email, PASSWORD);

    assertThat(step).isInstanceOf(SignInStep.EmailCode.class);
    assertThat(((SignInStep.EmailCode) step).challenge().challengeName()).isEqualTo("EMAIL_OTP");
    assertThat(((SignInStep.EmailCode) step).destination()).hasValueSatisfying(masked -> assertThat(masked).doesNotContain(email));
    AuthSession session = service().respond(step, SignInAnswer.code(signInCode(service(), email))).sessionOrThrow();
    assertThat(service().verify(session.accessToken()).userId()).isEqualTo(userId);
  }

  @Test
  default void twoMethodsAndNonePreferredAskTheUserToChooseAndTheChoiceSendsThatCode() {
    String email = uniqueEmail("mfa-select");
    mfaUser(email, MfaPreference.of(MfaMethod.SMS, MfaMethod.EMAIL));

    SignInStep step = service().signIn(email, PASSWORD);

    assertThat(step).isInstanceOf(SignInStep.SelectMfa.class);
    assertThat(((SignInStep.SelectMfa) step).options()).containsExactlyInAnyOrder(MfaMethod.SMS, MfaMethod.EMAIL);
    assertThat(((SignInStep.SelectMfa) step).challenge().challengeName()).isEqualTo("SELECT_MFA_TYPE");
    assertThat(catchInvalid(() -> service().respond(step, SignInAnswer.mfa(MfaMethod.TOTP))).rule()).isEqualTo("offered-option");

    SignInStep email2 = service().respond(step, SignInAnswer.mfa(MfaMethod.EMAIL));

    assertThat(email2).isInstanceOf(SignInStep.EmailCode.class);
    assertThat(service().respond(email2, SignInAnswer.code(signInCode(service(), email))).isSignedIn()).isTrue();
  }

  @Test
  default void thePreferredMethodIsAskedForWithoutAChoice() {
    String email = uniqueEmail("mfa-preferred");
    mfaUser(email, MfaPreference.builder().addMethod(MfaMethod.SMS).addMethod(MfaMethod.EMAIL).preferred(MfaMethod.SMS).build());

    SignInStep step = service().signIn(email, PASSWORD);

    assertThat(step).isInstanceOf(SignInStep.SmsCode.class);
    assertThat(service().respond(step, SignInAnswer.code(signInCode(service(), email))).isSignedIn()).isTrue();
  }

  @Test
  default void aWrongCodeIsInvalidCodeAndTheStepCanStillBeAnsweredWithTheRightOne() {
    String email = uniqueEmail("mfa-wrong");
    mfaUser(email, MfaPreference.of(MfaMethod.SMS));
    SignInStep step = service().signIn(email, PASSWORD);
    String code = signInCode(service(), email);

    thrown(InvalidCodeException.class, () -> service().respond(step, SignInAnswer.code(wrong(code))));

    assertThat(service().respond(step, SignInAnswer.code(code)).isSignedIn()).isTrue();
  }

  @Test
  default void aCodeThatIsNotDigitsIsRefusedBeforeAnyCallAndNamesTheCode() {
    String email = uniqueEmail("mfa-format");
    mfaUser(email, MfaPreference.of(MfaMethod.EMAIL));
    SignInStep step = service().signIn(email, PASSWORD);

    InvalidRequestException refused = catchInvalid(() -> service().respond(step, SignInAnswer.code("12 34 56")));

    assertThat(refused.field()).isEqualTo("code");
    assertThat(refused.getMessage()).doesNotContain("12 34 56");
    assertThat(service().respond(step, SignInAnswer.code(signInCode(service(), email))).isSignedIn()).isTrue();
  }

  @Test
  default void aStepAnsweredAfterItsChallengeExpiredIsChallengeExpired() {
    String email = uniqueEmail("mfa-expired");
    mfaUser(email, MfaPreference.of(MfaMethod.SMS));
    SignInStep step = service().signIn(email, PASSWORD);
    String code = signInCode(service(), email);
    if (!supports(ContractCapability.CLOCK_CONTROL)) {
      assertThat(service().respond(step, SignInAnswer.code(code)).isSignedIn()).isTrue();
      return;
    }

    advanceClock(service(), Duration.ofMinutes(3).plusSeconds(1));

    thrown(ChallengeExpiredException.class, () -> service().respond(step, SignInAnswer.code(code)));
    assertThat(service().signIn(email, PASSWORD)).isInstanceOf(SignInStep.SmsCode.class);
  }

  @Test
  default void fiveWrongCodesLockTheUserOutSoEvenTheRightCodeIsTooManyAttemptsUntilTheLockoutEnds() {
    String email = uniqueEmail("mfa-lockout");
    mfaUser(email, MfaPreference.of(MfaMethod.SMS));
    SignInStep step = service().signIn(email, PASSWORD);
    String code = signInCode(service(), email);
    for (int attempt = 1; attempt <= 5; attempt++) {
      thrown(InvalidCodeException.class, () -> service().respond(step, SignInAnswer.code(wrong(code))));
    }

    thrown(TooManyAttemptsException.class, () -> service().respond(step, SignInAnswer.code(code)));

    if (supports(ContractCapability.CLOCK_CONTROL)) {
      // Cognito's first lockout lasts one second (2^(5-5)).
      advanceClock(service(), Duration.ofSeconds(2));
      assertThat(service().respond(step, SignInAnswer.code(code)).isSignedIn()).isTrue();
    }
  }

  @Test
  default void theUserTurnsTheirOwnSecondFactorsOnAndOffWithTheirSession() {
    String email = uniqueEmail("mfa-self");
    AuthSession session = signUpAndSignIn(email);

    service().setMfaPreference(session, MfaPreference.of(MfaMethod.EMAIL));
    SignInStep step = service().signIn(email, PASSWORD);
    assertThat(step).isInstanceOf(SignInStep.EmailCode.class);
    AuthSession second = service().respond(step, SignInAnswer.code(signInCode(service(), email))).sessionOrThrow();

    service().setMfaPreference(second, MfaPreference.none());
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  default void aPreferenceForAnUnknownUserIsUserNotFoundAndAPreferredMethodMustBeOn() {
    thrown(UserNotFoundException.class,
        () -> service().admin().setMfaPreference(UUID.randomUUID().toString(), MfaPreference.of(MfaMethod.SMS)));

    InvalidRequestException refused = catchInvalid(() -> MfaPreference.builder().addMethod(MfaMethod.SMS).preferred(MfaMethod.EMAIL).build());

    assertThat(refused.field()).isEqualTo("preferred");
    assertThat(MfaPreference.of(MfaMethod.SMS).methods()).isEqualTo(Set.of(MfaMethod.SMS));
  }

  /**
   * Returns a code of the same shape that is not the given one.
   *
   * @param code the right code
   * @return another code
   */
  private static String wrong(String code) {
    return code.equals(NOT_THE_CODE) ? "111111" : NOT_THE_CODE;
  }

  private InvalidRequestException catchInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return thrown(InvalidRequestException.class, call);
  }
}

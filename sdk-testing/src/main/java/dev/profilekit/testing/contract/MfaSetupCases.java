package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.ChallengeExpiredException;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.ContractCapability;
import dev.profilekit.testing.TotpCodes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: a user pool that requires MFA ({@code MfaConfiguration} {@code ON}, authenticator
 * apps allowed) answers the password sign-in of a user without a second factor with {@link
 * SignInStep.TotpSetup} ({@code MFA_SETUP}); the app's first code completes the sign-in with the
 * app turned on, so the next sign-in asks for its code. The first sign-in after a confirmed
 * sign-up is let through, as Cognito lets it through (the confirmation code was its second factor).
 *
 * <p>Needs {@link ContractHarness#mfaRequiredService}. Codes come from {@link TotpCodes}.
 */
public interface MfaSetupCases extends ContractHarness {

  /**
   * Signs a user up and in once through the MFA-required service, so that the next sign-in is one
   * that must complete MFA.
   *
   * @param service the MFA-required service
   * @param email the user's email
   * @return the user's id
   */
  default String signedUpAndInOnce(UserProfileService service, String email) {
    service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).givenName(GIVEN_NAME).familyName(FAMILY_NAME).build());
    service.confirmSignUp(email, confirmationCode(service, email));
    SignInStep first = service.signIn(email, PASSWORD);
    assertThat(first.isSignedIn()).as("the first sign-in after the confirmed sign-up needs no second factor").isTrue();
    return first.sessionOrThrow().user().userId();
  }

  @Test
  default void aPoolRequiringMfaHasAUserWithoutOneSetUpAnAuthenticatorAppAtSignIn() throws Exception {
    try (UserProfileService mfa = mfaRequiredService(CONTRACT_POLICY)) {
      String email = uniqueEmail("mfa-setup");
      String userId = signedUpAndInOnce(mfa, email);

      SignInStep step = mfa.signIn(email, PASSWORD);

      assertThat(step.kind()).isEqualTo(SignInStep.Kind.TOTP_SETUP);
      SignInStep.TotpSetup setup = (SignInStep.TotpSetup) step;
      assertThat(setup.challenge().challengeName()).isEqualTo("MFA_SETUP");
      assertThat(setup.otpauthUri().getScheme()).isEqualTo("otpauth");
      assertThat(URLDecoder.decode(setup.otpauthUri().getRawPath(), StandardCharsets.UTF_8)).endsWith(":" + email);
      assertThat(setup.otpauthUri().getRawQuery()).contains("secret=" + setup.secret());
      assertThat(setup.toString()).doesNotContain(setup.secret());
      String setupCode = TotpCodes.codeAt(setup, Instant.now());
      SignInStep done = mfa.respond(step, SignInAnswer.code(setupCode));
      assertThat(done.sessionOrThrow().user().userId()).isEqualTo(userId);

      SignInStep next = mfa.signIn(email, PASSWORD);
      assertThat(next.kind()).as("the app set up is asked for from now on").isEqualTo(SignInStep.Kind.TOTP_CODE);
      SignInStep again = mfa.respond(next, SignInAnswer.code(codeOtherThan(setup.secret(), setupCode)));
      assertThat(again.sessionOrThrow().user().userId()).isEqualTo(userId);
    }
  }

  @Test
  default void aWrongCodeAtMfaSetupIsInvalidCodeAndTheStepStaysAnswerable() throws Exception {
    try (UserProfileService mfa = mfaRequiredService(CONTRACT_POLICY)) {
      String email = uniqueEmail("mfa-setup-wrong");
      String userId = signedUpAndInOnce(mfa, email);
      SignInStep.TotpSetup setup = (SignInStep.TotpSetup) mfa.signIn(email, PASSWORD);

      InvalidCodeException refused = thrown(InvalidCodeException.class,
          () -> mfa.respond(setup, SignInAnswer.code(wrongCode(setup.secret()))));

      assertThat(refused.getMessage()).doesNotContain(setup.secret());
      SignInStep done = mfa.respond(setup, SignInAnswer.code(TotpCodes.codeAt(setup, Instant.now())));
      assertThat(done.sessionOrThrow().user().userId()).isEqualTo(userId);
      assertThat(mfa.signIn(email, PASSWORD).kind()).isEqualTo(SignInStep.Kind.TOTP_CODE);
    }
  }

  @Test
  default void aCompletedMfaSetupAnsweredAgainIsInvalidCredentials() throws Exception {
    try (UserProfileService mfa = mfaRequiredService(CONTRACT_POLICY)) {
      String email = uniqueEmail("mfa-setup-again");
      signedUpAndInOnce(mfa, email);
      SignInStep.TotpSetup setup = (SignInStep.TotpSetup) mfa.signIn(email, PASSWORD);
      String code = TotpCodes.codeAt(setup, Instant.now());
      assertThat(mfa.respond(setup, SignInAnswer.code(code)).isSignedIn()).isTrue();

      InvalidCredentialsException refused = thrown(InvalidCredentialsException.class,
          () -> mfa.respond(setup, SignInAnswer.code(code)));

      assertThat(refused).as("used, not expired").isNotInstanceOf(ChallengeExpiredException.class);
      assertThat(refused.getMessage()).doesNotContain(setup.challenge().session()).doesNotContain(setup.secret());
    }
  }

  @Test
  default void anMfaSetupAnsweredAfterItsThreeMinutesIsChallengeExpired() throws Exception {
    try (UserProfileService mfa = mfaRequiredService(CONTRACT_POLICY)) {
      String email = uniqueEmail("mfa-setup-late");
      signedUpAndInOnce(mfa, email);
      SignInStep.TotpSetup setup = (SignInStep.TotpSetup) mfa.signIn(email, PASSWORD);
      if (!supports(ContractCapability.CLOCK_CONTROL)) {
        // Without a clock to move, only the open step is asserted.
        assertThat(setup.challenge().session()).isNotBlank();
        return;
      }

      advanceClock(mfa, Duration.ofMinutes(3).plusSeconds(1));

      thrown(ChallengeExpiredException.class, () -> mfa.respond(setup, SignInAnswer.code(TotpCodes.codeAt(setup, Instant.now()))));
    }
  }

  /**
   * The current code, or the previous step's where the current one was just used: AWS may refuse
   * a code already used as a replay, and every implementation accepts the previous step's as clock
   * skew (the in-memory service's clock may lag the system's, never lead it).
   */
  private static String codeOtherThan(String secret, String used) {
    Instant now = Instant.now();
    String current = TotpCodes.codeAt(secret, now);
    return current.equals(used) ? TotpCodes.codeAt(secret, now.minusSeconds(TotpCodes.STEP_SECONDS)) : current;
  }

  /** A code no neighbouring step of the secret has, so no implementation can accept it. */
  private static String wrongCode(String secret) {
    Instant now = Instant.now();
    List<String> near = new ArrayList<>();
    for (int step = -3; step <= 3; step++) {
      near.add(TotpCodes.codeAt(secret, now.plusSeconds(step * (long) TotpCodes.STEP_SECONDS)));
    }
    for (String candidate : List.of("000000", "111111", "222222", "333333", "444444", "555555", "666666", "777777", "888888")) {
      if (!near.contains(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("nine candidates cannot all be near codes");
  }
}

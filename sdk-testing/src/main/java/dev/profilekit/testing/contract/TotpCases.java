package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TotpEnrolment;
import dev.profilekit.testing.TotpCodes;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: a signed-in user enrols an authenticator app (start, verify with its code, turn
 * TOTP on), and from then on a password sign-in asks for the app's code; wrong codes are {@link
 * InvalidCodeException}. Codes come from {@link TotpCodes} at the current time; both
 * implementations accept the neighbouring 30-second steps, so a case never meets a step boundary.
 */
public interface TotpCases extends ContractHarness {

  @Test
  default void anEnrolledAuthenticatorAppIsAskedForAtEverySignIn() {
    String email = uniqueEmail("totp");
    AuthSession session = signUpAndSignIn(email);

    TotpEnrolment enrolment = service().startTotpEnrolment(session);
    URI uri = enrolment.otpauthUri();
    assertThat(uri.getScheme()).isEqualTo("otpauth");
    assertThat(uri.getHost()).isEqualTo("totp");
    assertThat(URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8)).endsWith(":" + email);
    assertThat(uri.getRawQuery()).contains("secret=" + enrolment.secret()).contains("issuer=");
    assertThat(enrolment.toString()).doesNotContain(enrolment.secret());
    service().verifyTotpEnrolment(session, TotpCodes.codeAt(uri, Instant.now()));
    service().setMfaPreference(session, MfaPreference.builder().addMethod(MfaMethod.TOTP).preferred(MfaMethod.TOTP).build());

    SignInStep step = service().signIn(email, PASSWORD);
    assertThat(step.kind()).isEqualTo(SignInStep.Kind.TOTP_CODE);
    SignInStep done = service().respond(step, SignInAnswer.code(TotpCodes.codeAt(enrolment.secret(), Instant.now())));

    assertThat(done.sessionOrThrow().user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  default void aWrongTotpCodeAtSignInIsInvalidCodeAndTheStepStaysOpen() {
    String email = uniqueEmail("totp-wrong");
    AuthSession session = signUpAndSignIn(email);
    TotpEnrolment enrolment = service().startTotpEnrolment(session);
    service().verifyTotpEnrolment(session, TotpCodes.codeAt(enrolment.secret(), Instant.now()));
    service().setMfaPreference(session, MfaPreference.of(MfaMethod.TOTP));
    SignInStep step = service().signIn(email, PASSWORD);

    thrown(InvalidCodeException.class, () -> service().respond(step, SignInAnswer.code(wrongCode(enrolment.secret()))));

    SignInStep done = service().respond(step, SignInAnswer.code(TotpCodes.codeAt(enrolment.secret(), Instant.now())));
    assertThat(done.sessionOrThrow().user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  default void aWrongCodeAtEnrolmentIsInvalidCodeAndEnrolsNothing() {
    String email = uniqueEmail("totp-enrol");
    AuthSession session = signUpAndSignIn(email);
    TotpEnrolment enrolment = service().startTotpEnrolment(session);

    InvalidCodeException refused = thrown(InvalidCodeException.class,
        () -> service().verifyTotpEnrolment(session, wrongCode(enrolment.secret())));

    assertThat(refused.getMessage()).doesNotContain(enrolment.secret());
    // Nothing is on: the password alone still signs in.
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  default void enrolmentNeedsTheSessionsOwnAccessToken() {
    AuthSession session = signUpAndSignIn(uniqueEmail("totp-token"));
    AuthSession idTokenInstead = AuthSession.builder().from(session).accessToken(session.idToken()).build();

    assertThat(thrown(TokenRejectedException.class, () -> service().startTotpEnrolment(idTokenInstead)).reason())
        .isEqualTo(TokenRejectedException.Reason.WRONG_TOKEN_USE);
    TotpEnrolment enrolment = service().startTotpEnrolment(session);
    assertThat(thrown(TokenRejectedException.class,
        () -> service().verifyTotpEnrolment(idTokenInstead, TotpCodes.codeAt(enrolment.secret(), Instant.now()))).reason())
        .isEqualTo(TokenRejectedException.Reason.WRONG_TOKEN_USE);
  }

  @Test
  default void aSignedOutSessionCannotEnrolAnApp() {
    String email = uniqueEmail("totp-signed-out");
    AuthSession session = signUpAndSignIn(email);
    TotpEnrolment enrolment = service().startTotpEnrolment(session);
    service().signOut(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().startTotpEnrolment(session)).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class,
        () -> service().verifyTotpEnrolment(session, TotpCodes.codeAt(enrolment.secret(), Instant.now()))).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
    // Nothing was enrolled: the password alone still signs in.
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
  }

  /** A code no neighbouring step of the secret has, so no implementation can accept it. */
  private static String wrongCode(String secret) {
    Instant now = Instant.now();
    List<String> near = new java.util.ArrayList<>();
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

  @Test
  default void settingTheMfaPreferenceNeedsTheSessionsOwnAccessToken() {
    String email = uniqueEmail("totp-preference-token");
    AuthSession session = signUpAndSignIn(email);
    TotpEnrolment enrolment = service().startTotpEnrolment(session);
    service().verifyTotpEnrolment(session, TotpCodes.codeAt(enrolment.secret(), Instant.now()));
    AuthSession idTokenInstead = AuthSession.builder().from(session).accessToken(session.idToken()).build();

    MfaPreference totp = MfaPreference.builder().addMethod(MfaMethod.TOTP).preferred(MfaMethod.TOTP).build();

    assertThat(thrown(TokenRejectedException.class, () -> service().setMfaPreference(idTokenInstead, totp)).reason())
        .isEqualTo(TokenRejectedException.Reason.WRONG_TOKEN_USE);
    // The session's own access token sets it, and the app is then asked for.
    service().setMfaPreference(session, totp);
    assertThat(service().signIn(email, PASSWORD)).isInstanceOf(SignInStep.TotpCode.class);
  }
}

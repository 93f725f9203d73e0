package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInStepTest {

  private static final ChallengeSession CHALLENGE = ChallengeSession.of("SOFTWARE_TOKEN_MFA", "user-1", "opaque-session-secret");

  static List<SignInStep> oneOfEach() {
    return List.of(
        new SignInStep.NewPasswordRequired(CHALLENGE, Set.of("name")),
        new SignInStep.SmsCode(CHALLENGE, Optional.of("+*******0199")),
        new SignInStep.TotpCode(CHALLENGE),
        new SignInStep.EmailCode(CHALLENGE, Optional.empty()),
        new SignInStep.SelectMfa(CHALLENGE, Set.of(MfaMethod.SMS, MfaMethod.TOTP)),
        new SignInStep.SelectChallenge(CHALLENGE, Set.of(FirstFactor.EMAIL_OTP, FirstFactor.PASSWORD_SRP)),
        new SignInStep.TotpSetup(CHALLENGE, URI.create("otpauth://totp/App:ada?secret=JBSWY3DPEHPK3PXP&issuer=App"), "JBSWY3DPEHPK3PXP"),
        new SignInStep.Passkey(CHALLENGE, "{\"challenge\":\"abc\"}"));
  }

  /** A Java 17 exhaustive switch over the kind, without default: it compiles only while it covers every kind. */
  private static String describe(SignInStep step) {
    return switch (step.kind()) {
      case DONE -> "done";
      case NEW_PASSWORD_REQUIRED -> "new password";
      case SMS_CODE -> "sms";
      case TOTP_CODE -> "totp";
      case EMAIL_CODE -> "email";
      case SELECT_MFA -> "select mfa";
      case SELECT_CHALLENGE -> "select challenge";
      case TOTP_SETUP -> "totp setup";
      case PASSKEY -> "passkey";
    };
  }

  @Test
  void everyPermittedRecordHasItsOwnKind() {
    List<Class<?>> records = new ArrayList<>();
    collectRecords(SignInStep.class, records);
    assertThat(records).hasSize(SignInStep.Kind.values().length);
    EnumSet<SignInStep.Kind> seen = EnumSet.noneOf(SignInStep.Kind.class);
    for (SignInStep step : oneOfEach()) {
      seen.add(step.kind());
      assertThat(step.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT))
          .as("the record's name matches its kind")
          .isEqualTo(step.kind() == SignInStep.Kind.SMS_CODE ? "SMS_CODE" : step.kind().name());
      assertThat(describe(step)).isNotEqualTo("done");
    }
    seen.add(SignInStep.Kind.DONE);
    assertThat(seen).containsExactlyInAnyOrder(SignInStep.Kind.values());
  }

  private static void collectRecords(Class<?> sealed, List<Class<?>> into) {
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isSealed()) {
        collectRecords(permitted, into);
      } else {
        assertThat(permitted.isRecord()).as(permitted + " is a record").isTrue();
        into.add(permitted);
      }
    }
  }

  @Test
  void pendingStepsAreNotSignedInAndSayWhatTheyWait() {
    for (SignInStep step : oneOfEach()) {
      assertThat(step.isSignedIn()).isFalse();
      assertThatThrownBy(step::sessionOrThrow).isInstanceOf(IllegalStateException.class).hasMessageContaining(step.kind().name());
      assertThat(((SignInStep.Pending) step).challenge()).isEqualTo(CHALLENGE);
    }
  }

  @Test
  void toStringMasksTheSessionAndTheTotpSecret() {
    for (SignInStep step : oneOfEach()) {
      assertThat(step.toString()).doesNotContain("opaque-session-secret").doesNotContain("JBSWY3DPEHPK3PXP");
    }
  }

  @Test
  void collectionsAreCopied() {
    Set<MfaMethod> options = EnumSet.of(MfaMethod.SMS);
    SignInStep.SelectMfa step = new SignInStep.SelectMfa(CHALLENGE, options);
    options.add(MfaMethod.TOTP);
    assertThat(step.options()).containsExactly(MfaMethod.SMS);
  }
}

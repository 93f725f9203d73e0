package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.FieldValue;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.SignUpRequest;
import dev.profilekit.UserAlreadyExistsException;
import dev.profilekit.UserNotConfirmedException;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seeding, codes on the clock, fallbacks by provider, and the builder's checks. */
class SeedingAndProfilesTest {

  private final TestClock clock = TestClock.startingNow();
  private final InMemoryUserProfileService fake = InMemoryUserProfileService.builder().clock(clock).build();

  @Test
  void aSeededEmailUserSignsInWithTheirPassword() {
    SeededUser ada = fake.seed(TestUsers.email("ada@example.com").password("Anoth3r-Pass!"));

    assertThat(fake.signIn("ADA@example.com", "Anoth3r-Pass!").sessionOrThrow().user().userId()).isEqualTo(ada.userId());
    assertThat(ada.password()).contains("Anoth3r-Pass!");
  }

  @Test
  void anUnconfirmedSeededUserMustConfirmWithTheCodeInTheOutbox() {
    fake.seed(TestUsers.email("new@example.com").unconfirmed());

    assertThatThrownBy(() -> fake.signIn("new@example.com", TestUsers.DEFAULT_PASSWORD)).isInstanceOf(UserNotConfirmedException.class);
    fake.confirmSignUp("new@example.com", fake.lastConfirmationCode("new@example.com").orElseThrow());
    assertThat(fake.signIn("new@example.com", TestUsers.DEFAULT_PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  void aConfirmationCodeExpiresAfterADay() {
    fake.signUp(SignUpRequest.builder().email("late@example.com").password(TestUsers.DEFAULT_PASSWORD).build());
    String code = fake.lastConfirmationCode("late@example.com").orElseThrow();
    clock.advance(Duration.ofHours(24));

    assertThatThrownBy(() -> fake.confirmSignUp("late@example.com", code)).isInstanceOf(InvalidCodeException.class);
    fake.resendConfirmationCode("late@example.com");
    fake.confirmSignUp("late@example.com", fake.lastConfirmationCode("late@example.com").orElseThrow());
  }

  @Test
  void aResetCodeExpiresAfterAnHour() {
    fake.seed(TestUsers.email("ada@example.com"));
    fake.forgotPassword("ada@example.com");
    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> fake.confirmForgotPassword("ada@example.com", fake.lastPasswordResetCode("ada@example.com").orElseThrow(),
        "N3w-Pa55word!")).isInstanceOf(InvalidCodeException.class);
  }

  @Test
  void forgotPasswordOfAnUnknownEmailSendsNothingAndSaysNothing() {
    fake.forgotPassword("nobody@example.com");

    assertThat(fake.lastPasswordResetCode("nobody@example.com")).isEmpty();
  }

  @Test
  void aFixedConfirmationCodeIsSentToEveryone() {
    InMemoryUserProfileService fixed = InMemoryUserProfileService.builder().fixedConfirmationCode("123456").build();
    fixed.signUp(SignUpRequest.builder().email("a@example.com").password(TestUsers.DEFAULT_PASSWORD).build());

    fixed.confirmSignUp("a@example.com", "123456");
    assertThat(fixed.settings().fixedConfirmationCode()).contains("123456");
  }

  @Test
  void seedingTheSameEmailTwiceFails() {
    fake.seed(TestUsers.email("twice@example.com"));

    assertThatThrownBy(() -> fake.seed(TestUsers.email("twice@example.com"))).isInstanceOf(UserAlreadyExistsException.class);
  }

  @Test
  void aGoogleUserAndAnEmailUserMayShareAnEmail() {
    SeededUser google = fake.seed(TestUsers.google("shared@example.com"));
    SeededUser email = fake.seed(TestUsers.email("shared@example.com"));

    assertThat(google.userId()).isNotEqualTo(email.userId());
  }

  @Test
  void aTemporaryPasswordUserGetsTheChallengeWithAnOpaqueSession() {
    fake.seed(TestUsers.email("temp@example.com").temporaryPassword("Temp-Pa55word!"));

    SignInStep step = fake.signIn("temp@example.com", "Temp-Pa55word!");

    assertThat(step.kind()).isEqualTo(SignInStep.Kind.NEW_PASSWORD_REQUIRED);
    assertThat(step.toString()).doesNotContain(((SignInStep.Pending) step).challenge().session());
    assertThat(fake.respond(step, SignInAnswer.newPassword("Chos3n-Pa55word!")).isSignedIn()).isTrue();
    assertThatThrownBy(() -> fake.respond(step, SignInAnswer.newPassword("Chos3n-Pa55word!")))
        .isInstanceOf(dev.profilekit.InvalidCredentialsException.class);
  }

  @Test
  void aLateAnswerIsChallengeExpiredAndAForeignSessionIsInvalidCredentials() {
    fake.seed(TestUsers.email("late@example.com").temporaryPassword("Temp-Pa55word!"));
    SignInStep late = fake.signIn("late@example.com", "Temp-Pa55word!");

    clock.advance(Duration.ofMinutes(3)); // Cognito's challenge session lifetime, the fake's too

    assertThatThrownBy(() -> fake.respond(late, SignInAnswer.newPassword("Chos3n-Pa55word!")))
        .isExactlyInstanceOf(dev.profilekit.ChallengeExpiredException.class)
        .hasMessageNotContaining(((SignInStep.Pending) late).challenge().session());
    SignInStep.NewPasswordRequired forged = new SignInStep.NewPasswordRequired(
        dev.profilekit.ChallengeSession.of("NEW_PASSWORD_REQUIRED", "late@example.com", "not-a-session"), java.util.Set.of());
    assertThatThrownBy(() -> fake.respond(forged, SignInAnswer.newPassword("Chos3n-Pa55word!")))
        .isExactlyInstanceOf(dev.profilekit.InvalidCredentialsException.class);
  }

  @Test
  void theFallbackOfAnIdTokenUserNeedsNoStoredUser() {
    VerifiedUser stranger = fake.verify(fake.tokens().idToken("stranger-id").claim("given_name", "Stray").claim("email", "s@example.com").sign());

    UserProfile profile = fake.getProfile(stranger);

    assertThat(profile.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(profile.givenName()).contains("Stray");
    assertThat(profile.email()).contains("s@example.com");
  }

  @Test
  void theFallbackLeavesOutProviderValuesThatBreakThePolicy() {
    SeededUser odd = fake.seed(TestUsers.email("odd@example.com").picture("http://insecure.example.com/me.png").zoneinfo("Nowhere/Land")
        .attribute("custom:referrer", "friend"));

    UserProfile profile = fake.getProfile(odd.verifiedUser());

    assertThat(profile.avatarUrl()).isEmpty();
    assertThat(profile.zoneinfo()).isEmpty();
    assertThat(profile.customFields()).containsEntry("referrer", FieldValue.of("friend"));
  }

  @Test
  void aStoredProfileIsReturnedAsTheSameInstanceWithoutCopying() {
    SeededUser ada = fake.seed(TestUsers.email("ada@example.com"));
    VerifiedUser user = ada.verifiedUser();
    fake.updateProfile(user, ProfileUpdate.builder().displayName("Ada").build());

    assertThat(fake.getProfile(user)).isSameAs(fake.getProfile(user));
  }

  @Test
  void theBuilderNamesTheMissingSetting() {
    assertThatThrownBy(() -> InMemoryUserProfileService.builder().clock(null).build()).hasMessageContaining("clock");
    assertThatThrownBy(() -> InMemoryUserProfileService.builder().issuer(" ").build()).hasMessageContaining("issuer");
    assertThatThrownBy(() -> InMemoryUserProfileService.builder().idTokenLifetime(Duration.ZERO).build()).hasMessageContaining("idTokenLifetime");
    assertThatThrownBy(() -> InMemoryUserProfileService.builder().hostedUiDomain(java.net.URI.create("http://x")).build())
        .hasMessageContaining("hostedUiDomain");
  }
}

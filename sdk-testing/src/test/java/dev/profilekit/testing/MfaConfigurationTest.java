package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.MfaConfiguration;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.ProfileKitException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The in-memory pool's MFA setting beyond the contract's MFA-required pool (MfaSetupCases): the
 * other branches of {@code MfaRequirement}, as the fake wires them (its users' attributes, its
 * preferences, its confirmation codes).
 */
class MfaConfigurationTest {

  private static final String PHONE = "+15555550199";

  @Test
  void offAsksNoSecondFactorEvenOfAUserWhoTurnedOneOn() {
    InMemoryUserProfileService fake = InMemoryUserProfileService.builder().mfaConfiguration(MfaConfiguration.OFF).build();
    SeededUser ada = fake.seed(TestUsers.email("ada@example.com").attribute("phone_number", PHONE));
    fake.admin().setMfaPreference(ada.userId(), MfaPreference.of(MfaMethod.SMS));

    assertThat(fake.signIn("ada@example.com", TestUsers.DEFAULT_PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  void onSendsATextMessageCodeToAUserWithAPhoneNumberInsteadOfSettingUpAnApp() {
    InMemoryUserProfileService fake = InMemoryUserProfileService.builder().mfaConfiguration(MfaConfiguration.ON).build();
    fake.seed(TestUsers.email("ada@example.com").attribute("phone_number", PHONE));

    SignInStep step = fake.signIn("ada@example.com", TestUsers.DEFAULT_PASSWORD);

    assertThat(step.kind()).isEqualTo(SignInStep.Kind.SMS_CODE);
    assertThat(fake.respond(step, SignInAnswer.code(fake.lastSignInCode("ada@example.com").orElseThrow())).isSignedIn()).isTrue();
  }

  @Test
  void onWithoutAuthenticatorAppsRefusesAUserWithNoFactorItAllows() {
    InMemoryUserProfileService fake = InMemoryUserProfileService.builder().mfaConfiguration(MfaConfiguration.ON)
        .mfaMethods(Set.of(MfaMethod.SMS)).build();
    fake.seed(TestUsers.email("ada@example.com"));

    assertThatThrownBy(() -> fake.signIn("ada@example.com", TestUsers.DEFAULT_PASSWORD))
        .isExactlyInstanceOf(ProfileKitException.class).hasMessageContaining("requires MFA");
  }

  @Test
  void onLetsTheFirstSignInAfterAConfirmedSignUpThroughAndOnlyThatOne() {
    InMemoryUserProfileService fake = InMemoryUserProfileService.builder().mfaConfiguration(MfaConfiguration.ON).build();
    fake.signUp(SignUpRequest.builder().email("ada@example.com").password(TestUsers.DEFAULT_PASSWORD).build());
    fake.confirmSignUp("ada@example.com", fake.lastConfirmationCode("ada@example.com").orElseThrow());

    assertThat(fake.signIn("ada@example.com", TestUsers.DEFAULT_PASSWORD).isSignedIn()).isTrue();
    assertThat(fake.signIn("ada@example.com", TestUsers.DEFAULT_PASSWORD).kind()).isEqualTo(SignInStep.Kind.TOTP_SETUP);
    // A seeded user confirmed no code: asked to set up an app at once.
    fake.seed(TestUsers.email("grace@example.com"));
    assertThat(fake.signIn("grace@example.com", TestUsers.DEFAULT_PASSWORD).kind()).isEqualTo(SignInStep.Kind.TOTP_SETUP);
  }

  @Test
  void theSettingsAreRequired() {
    assertThatThrownBy(() -> InMemoryUserProfileService.builder().mfaConfiguration(null).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("mfaConfiguration");
    assertThatThrownBy(() -> InMemoryUserProfileService.builder().mfaMethods(null).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("mfaMethods");
    assertThat(InMemoryUserProfileService.create().settings().mfaConfiguration()).isEqualTo(MfaConfiguration.OPTIONAL);
    assertThat(InMemoryUserProfileService.create().settings().mfaMethods()).containsExactlyInAnyOrder(MfaMethod.values());
  }
}

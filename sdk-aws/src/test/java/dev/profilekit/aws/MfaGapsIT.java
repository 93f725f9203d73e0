package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * The raw gaps in cognito-local's MFA and choice-based sign-in that {@link MfaAsAws} and {@link
 * UserAuthAsAws} cover (docs/emulators.md), kept
 * visible: if a cognito-local upgrade closes one, this test says so, and the stand-in can shrink.
 */
@WithEmulators
class MfaGapsIT {

  private static final String PASSWORD = "Mfa-Gaps-Pa55word!";

  private final EmulatorEnvironment env;

  MfaGapsIT(EmulatorEnvironment env) {
    this.env = env;
  }

  @Test
  void onCognitoLocalAdminSetUserMfaPreferenceIsUnsupported() {
    String email = "admin-mfa+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of("phone_number", "+15555550199"));

    CognitoIdentityProviderException unsupported = catchThrowableOfType(CognitoIdentityProviderException.class,
        () -> env.cognito().adminSetUserMFAPreference(b -> b.userPoolId(env.userPoolId()).username(email).smsMfaSettings(s -> s.enabled(true))));

    assertThat(unsupported.statusCode()).isEqualTo(500);
  }

  @Test
  void onCognitoLocalSmsMfaSetByTheUserBreaksTheirNextSignInWithHttp500AndEmailMfaIsIgnored() {
    CognitoIdentityProviderClient raw = env.cognito();
    // The emulators' pool has MFA OFF (cognito-local's default), under which every preference is
    // ignored; AWS's optional MFA, which the stand-in plays, is OPTIONAL. This class's pool is its own.
    raw.setUserPoolMfaConfig(b -> b.userPoolId(env.userPoolId()).mfaConfiguration(UserPoolMfaType.OPTIONAL));
    String email = "user-mfa+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of("phone_number", "+15555550199"));
    InitiateAuthResponse first = signIn(raw, email);

    raw.setUserMFAPreference(b -> b.accessToken(first.authenticationResult().accessToken()).emailMfaSettings(s -> s.enabled(true)));
    assertThat(signIn(raw, email).authenticationResult()).as("EMAIL_OTP MFA ignored: signed in without a code").isNotNull();

    raw.setUserMFAPreference(b -> b.accessToken(first.authenticationResult().accessToken()).smsMfaSettings(s -> s.enabled(true)));
    CognitoIdentityProviderException broken = catchThrowableOfType(CognitoIdentityProviderException.class, () -> signIn(raw, email));
    assertThat(broken.statusCode()).as("SMS_MFA without the legacy MFAOptions").isEqualTo(500);
  }

  @Test
  void onCognitoLocalAChoiceBasedSignInIsUnsupported() {
    String email = "choice+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());

    CognitoIdentityProviderException unsupported = catchThrowableOfType(CognitoIdentityProviderException.class,
        () -> env.cognito().initiateAuth(b -> b.clientId(env.appClientId()).authFlow(AuthFlowType.USER_AUTH)
            .authParameters(Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "EMAIL_OTP"))));

    assertThat(unsupported.statusCode()).isEqualTo(500);
  }

  private InitiateAuthResponse signIn(CognitoIdentityProviderClient raw, String email) {
    return raw.initiateAuth(b -> b.clientId(env.appClientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
        .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)));
  }
}

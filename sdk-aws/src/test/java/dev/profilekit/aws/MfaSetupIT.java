package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.InvalidCodeException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.testing.TotpCodes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenRequest;

/**
 * {@code SignInStep.TotpSetup} ({@code MFA_SETUP}) on the emulators: the requests the AWS
 * implementation sends to set up an authenticator app during sign-in, and the raw gaps.
 * cognito-local cannot be a pool with MFA required, so AWS's answers come from {@link
 * MfaSetupAsAws} (a loopback stand-in: the answered requests still reach cognito-local, as
 * operations it does not know); the contract's {@code MfaSetupCases} run through it too.
 */
@WithEmulators
class MfaSetupIT {

  private static final String PASSWORD = "Mfa-Setup-Pa55word!";

  private final EmulatorEnvironment env;

  MfaSetupIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private AwsUserProfileService service(CognitoIdentityProviderClient cognito) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(cognito).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(env.appClientId())
        .tableName(env.tableName()).issuer(env.issuer()).jwksUri(env.jwksUri())
        .build();
  }

  @Test
  void aTotpSetupAssociatesVerifiesAndRespondsEachWithTheSessionTheCallBeforeReturned() {
    MfaSetupAsAws mfaSetup = new MfaSetupAsAws(env.cognito(), env.userPoolId());
    AwsAnswers aws = mfaSetup.addTo(new AwsAnswers());
    AwsUserProfileService service = service(env.cognito(aws));
    String email = "mfa-setup+" + UUID.randomUUID() + "@example.com";
    service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build());
    service.confirmSignUp(email, LocalEmulators.CONFIRMATION_CODE);
    String userId = service.signIn(email, PASSWORD).sessionOrThrow().user().userId();

    SignInStep.TotpSetup setup = (SignInStep.TotpSetup) service.signIn(email, PASSWORD);
    InvalidCodeException wrong = catchThrowableOfType(InvalidCodeException.class,
        () -> service.respond(setup, SignInAnswer.code(otherThan(TotpCodes.codeAt(setup, Instant.now())))));
    String code = TotpCodes.codeAt(setup, Instant.now());
    SignInStep done = service.respond(setup, SignInAnswer.code(code));

    assertThat(wrong.getMessage()).doesNotContain(setup.secret()).doesNotContain(setup.challenge().session());
    assertThat(done.sessionOrThrow().user().userId()).isEqualTo(userId);
    List<String> issued = mfaSetup.issuedSessions();
    assertThat(issued).hasSize(3);
    List<SdkRequest> sent = aws.requests().stream().filter(r -> !r.getClass().getSimpleName().startsWith("InitiateAuth")).toList();
    assertThat(sent).hasSize(4);
    // signIn met MFA_SETUP at once: AssociateSoftwareToken with the challenge's session.
    assertThat(sent.get(0)).isInstanceOfSatisfying(AssociateSoftwareTokenRequest.class, r -> {
      assertThat(r.session()).isEqualTo(issued.get(0));
      assertThat(r.accessToken()).isNull();
    });
    assertThat(setup.challenge().session()).isEqualTo(issued.get(1));
    // The wrong code and the right one, both with AssociateSoftwareToken's session.
    assertThat(sent.get(1)).isInstanceOfSatisfying(VerifySoftwareTokenRequest.class, r -> assertThat(r.session()).isEqualTo(issued.get(1)));
    assertThat(sent.get(2)).isInstanceOfSatisfying(VerifySoftwareTokenRequest.class, r -> {
      assertThat(r.session()).isEqualTo(issued.get(1));
      assertThat(r.userCode()).isEqualTo(code);
      assertThat(r.accessToken()).isNull();
    });
    // RespondToAuthChallenge MFA_SETUP with VerifySoftwareToken's session.
    assertThat(sent.get(3)).isInstanceOfSatisfying(RespondToAuthChallengeRequest.class, r -> {
      assertThat(r.challengeNameAsString()).isEqualTo("MFA_SETUP");
      assertThat(r.session()).isEqualTo(issued.get(2));
      assertThat(r.challengeResponses()).containsKey("USERNAME");
    });
  }

  @Test
  void onCognitoLocalAssociateAndVerifySoftwareTokenBySessionAreRefused() {
    // The raw gap, kept visible: the MFA_SETUP flow's session-based calls are InvalidParameterException.
    CognitoIdentityProviderClient raw = env.cognito();
    String session = "mfa-setup-session-" + UUID.randomUUID();

    CognitoIdentityProviderException associate = catchThrowableOfType(CognitoIdentityProviderException.class,
        () -> raw.associateSoftwareToken(b -> b.session(session)));
    CognitoIdentityProviderException verify = catchThrowableOfType(CognitoIdentityProviderException.class,
        () -> raw.verifySoftwareToken(b -> b.session(session).userCode("123456")));

    assertThat(associate.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
    assertThat(associate.awsErrorDetails().errorMessage()).contains("MFA_SETUP");
    assertThat(verify.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
    assertThat(verify.awsErrorDetails().errorMessage()).contains("MFA_SETUP");
  }

  @Test
  void onCognitoLocalAPoolRequiringMfaRefusesTheSignInOfAUserWithoutMfaAsNotAuthorized() {
    // The raw gap: AWS answers MFA_SETUP; cognito-local, finding no MFA method, refuses the right
    // password with NotAuthorizedException, which reads as a wrong password.
    CognitoIdentityProviderClient raw = env.cognito();
    String email = "mfa-on+" + UUID.randomUUID() + "@example.com";
    raw.setUserPoolMfaConfig(b -> b.userPoolId(env.userPoolId()).mfaConfiguration(UserPoolMfaType.ON)
        .softwareTokenMfaConfiguration(t -> t.enabled(true)));
    try {
      env.createConfirmedUser(email, PASSWORD, Map.of());
      CognitoIdentityProviderException failed = catchThrowableOfType(CognitoIdentityProviderException.class,
          () -> raw.initiateAuth(b -> b.clientId(env.appClientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
              .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))));

      assertThat(failed.statusCode()).isEqualTo(400);
      assertThat(failed.awsErrorDetails().errorCode()).isEqualTo("NotAuthorizedException");
    } finally {
      // The stand-in's case checks passwords on this pool, which must not require MFA itself.
      raw.setUserPoolMfaConfig(b -> b.userPoolId(env.userPoolId()).mfaConfiguration(UserPoolMfaType.OFF));
    }
  }

  /** A well-formed code other than the given one. */
  private static String otherThan(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }
}

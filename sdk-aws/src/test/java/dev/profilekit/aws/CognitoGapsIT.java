package dev.profilekit.aws;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.PasswordPolicyException;
import dev.profilekit.PasswordResetRequiredException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.SignUpRequest;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.UserDisabledException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.CognitoLocalParity;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminResetUserPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminUserGlobalSignOutRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GlobalSignOutRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The Cognito behaviour cognito-local lacks or answers differently, covered with AWS's answers
 * ({@link AwsAnswers}) on top of the real emulator: GlobalSignOut, AdminUserGlobalSignOut,
 * ResendConfirmationCode, the wrong-password error, SECRET_HASH (which cognito-local never
 * checks), a disabled user's sign-in and AdminResetUserPassword. See docs/emulators.md.
 */
@WithEmulators
class CognitoGapsIT {

  private static final String PASSWORD = "Gaps-Pa55word!";

  private final EmulatorEnvironment env;

  CognitoGapsIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private AwsUserProfileService service(AwsAnswers aws) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(aws)).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .build();
  }

  private AuthSession signedIn(AwsUserProfileService service) {
    String email = "gaps+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    return service.signIn(email, PASSWORD).sessionOrThrow();
  }

  /** Tokens carry whole seconds: a sign-in is only distinguishable from a sign-out a second later. */
  private static void awaitNextSecond(Instant after) throws InterruptedException {
    Instant next = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    long millis = next.toEpochMilli() - Instant.now().toEpochMilli();
    if (millis > 0) {
      Thread.sleep(millis + 5);
    }
  }

  @Test
  void signOutEverywhereAsAwsAnswersItRevokesEveryEarlierTokenAndAllowsANewSignIn() throws Exception {
    AwsAnswers aws = new AwsAnswers().answer("GlobalSignOut", 200, "{}");
    AwsUserProfileService service = service(aws);
    AuthSession session = signedIn(service);
    String email = session.user().email().orElseThrow();

    service.signOutEverywhere(session);
    Instant signedOut = Instant.now();

    assertThat(aws.requests()).singleElement()
        .isInstanceOfSatisfying(GlobalSignOutRequest.class, r -> assertThat(r.accessToken()).isEqualTo(session.accessToken()));
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.verify(session.idToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.verify(session.accessToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.getProfile(session.user())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(service.admin().findStoredProfile(session.user().userId())).as("a sign-out creates no profile").isEmpty();

    awaitNextSecond(signedOut.plusSeconds(1));
    AuthSession again = service.signIn(email, PASSWORD).sessionOrThrow();
    assertThat(service.verify(again.idToken()).userId()).isEqualTo(session.user().userId());
  }

  @Test
  void afterSignOutEverywhereAsAwsAnswersItEarlierRefreshTokensAreRefusedAndLaterOnesWork() throws Exception {
    AwsAnswers aws = new GlobalSignOutAsAws(Clock.systemUTC()).addTo(new AwsAnswers());
    AwsUserProfileService service = service(aws);
    AuthSession session = signedIn(service);
    String email = session.user().email().orElseThrow();
    service.signOutEverywhere(session);
    Instant signedOut = Instant.now();
    // From the next second on, refreshed tokens would verify: only Cognito's refusal stops the refresh.
    awaitNextSecond(signedOut.plusSeconds(1));

    TokenRejectedException refused = catchThrowableOfType(TokenRejectedException.class, () -> service.refresh(session));

    assertThat(refused.reason()).isEqualTo(Reason.REVOKED);
    assertThat(aws.requests()).filteredOn(InitiateAuthRequest.class::isInstance).singleElement()
        .isInstanceOfSatisfying(InitiateAuthRequest.class, r -> assertThat(r.authParameters()).containsKey("REFRESH_TOKEN"));
    AuthSession again = service.signIn(email, PASSWORD).sessionOrThrow();
    assertThat(service.refresh(again).user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  void aWeakNewPasswordIsRefusedAsAwsRefusesItAndChangesNothingOnTheEmulator() {
    AwsAnswers aws = PasswordPolicyAsAws.addTo(new AwsAnswers());
    // As in the contract run: the parity rewrite must not turn a policy refusal into a wrong password.
    AwsUserProfileService service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(new CognitoLocalParity(), aws)).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .build();
    String email = "policy+" + UUID.randomUUID() + "@example.com";

    assertThatThrownBy(() -> service.signUp(SignUpRequest.builder().email(email).password("nouppercase1!").build()))
        .isInstanceOf(PasswordPolicyException.class);
    // The refused sign-up created nobody: the same email signs up with a strong password.
    service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build());
    service.confirmSignUp(email, LocalEmulators.CONFIRMATION_CODE);
    AuthSession session = service.signIn(email, PASSWORD).sessionOrThrow();
    assertThatThrownBy(() -> service.changePassword(session, PASSWORD, "NoSymbol123"))
        .isInstanceOf(PasswordPolicyException.class);
    service.forgotPassword(email);
    assertThatThrownBy(() -> service.confirmForgotPassword(email, LocalEmulators.CONFIRMATION_CODE, "alllowercase1!"))
        .isInstanceOf(PasswordPolicyException.class);

    assertThat(service.signIn(email, PASSWORD).isSignedIn()).isTrue();
    assertThat(aws.requests()).hasSize(3);
    assertThat(PasswordPolicyAsAws.meetsDefaultPolicy(PASSWORD)).isTrue();
  }

  @Test
  void onCognitoLocalSignOutEverywhereFailsTypedButStillRevokesTheTokens() {
    AwsUserProfileService service = service(new AwsAnswers());
    AuthSession session = signedIn(service);

    // cognito-local answers GlobalSignOut with HTTP 500 Unsupported.
    assertThatThrownBy(() -> service.signOutEverywhere(session)).isInstanceOf(ServiceUnavailableException.class);

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.verify(session.idToken())).reason()).isEqualTo(Reason.REVOKED);
  }

  @Test
  void adminSignOutEverywhereAsAwsAnswersItSignsOutByUsernameAndRevokesTokens() {
    AwsAnswers aws = new AwsAnswers().answer("AdminUserGlobalSignOut", 200, "{}");
    AwsUserProfileService service = service(aws);
    AuthSession session = signedIn(service);

    service.admin().signOutEverywhere(session.user().userId());

    assertThat(aws.requests()).singleElement().isInstanceOfSatisfying(AdminUserGlobalSignOutRequest.class, r -> {
      assertThat(r.userPoolId()).isEqualTo(env.userPoolId());
      // In a pool that signs in by email, the username is the sub.
      assertThat(r.username()).isEqualTo(session.user().userId());
    });
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.verify(session.idToken())).reason()).isEqualTo(Reason.REVOKED);
  }

  @Test
  void resendConfirmationCodeAsAwsAnswersItSucceeds() {
    AwsAnswers aws = new AwsAnswers().answer("ResendConfirmationCode", 200,
        "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\",\"DeliveryMedium\":\"EMAIL\",\"Destination\":\"r***@e***\"}}");
    AwsUserProfileService service = service(aws);
    String email = "resend+" + UUID.randomUUID() + "@example.com";
    service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build());

    service.resendConfirmationCode(email);
    service.confirmSignUp(email, LocalEmulators.CONFIRMATION_CODE);

    assertThat(aws.requests()).singleElement().isInstanceOfSatisfying(ResendConfirmationCodeRequest.class, r -> {
      assertThat(r.username()).isEqualTo(email);
      assertThat(r.clientId()).isEqualTo(env.appClientId());
    });
    assertThat(service.signIn(email, PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  void aWrongPasswordIsTheSameInvalidCredentialsAsAwsAndCognitoLocalAnswerIt() {
    AwsUserProfileService local = service(new AwsAnswers());
    AuthSession session = signedIn(local);
    String email = session.user().email().orElseThrow();
    AwsUserProfileService asAws = service(new AwsAnswers().fail("InitiateAuth", 400, "NotAuthorizedException", "Incorrect username or password."));

    InvalidCredentialsException onEmulator = catchThrowableOfType(InvalidCredentialsException.class, () -> local.signIn(email, "Wrong-Pa55word!"));
    InvalidCredentialsException onAws = catchThrowableOfType(InvalidCredentialsException.class, () -> asAws.signIn(email, "Wrong-Pa55word!"));

    assertThat(onEmulator).isNotNull();
    assertThat(onAws).isNotNull();
    assertThat(onEmulator.getMessage()).doesNotContain("Wrong-Pa55word!");
  }

  @Test
  void withAnAppClientSecretEveryCallThatNeedsItCarriesTheSecretHash() throws Exception {
    UserPoolClientType client = env.createAppClient(true);
    AwsAnswers recorder = new AwsAnswers()
        .answer("RevokeToken", 200, "{}");
    // Records without changing answers: these reach cognito-local, which ignores the hash.
    RequestCounter passthrough = new RequestCounter();
    AwsUserProfileService service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(recorder, passthrough)).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(client.clientId()).appClientSecret(client.clientSecret())
        .tableName(env.tableName()).issuer(env.issuer()).jwksUri(env.jwksUri())
        .build();
    String email = "secret+" + UUID.randomUUID() + "@example.com";

    service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build());
    service.confirmSignUp(email, LocalEmulators.CONFIRMATION_CODE);
    AuthSession session = service.signIn(email, PASSWORD).sessionOrThrow();
    service.refresh(session);
    service.signOut(session);

    String emailHash = hash(client.clientSecret(), email, client.clientId());
    String subHash = hash(client.clientSecret(), session.user().username(), client.clientId());
    assertThat(passthrough.requests()).anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(ConfirmSignUpRequest.class,
        c -> assertThat(c.secretHash()).isEqualTo(emailHash)));
    assertThat(passthrough.requests()).filteredOn(InitiateAuthRequest.class::isInstance).map(InitiateAuthRequest.class::cast)
        .extracting(r -> r.authParameters().get("SECRET_HASH"))
        .containsExactly(emailHash, subHash);
    assertThat(recorder.requests()).singleElement().isInstanceOfSatisfying(RevokeTokenRequest.class,
        r -> assertThat(r.clientSecret()).isEqualTo(client.clientSecret()));
  }

  private static String hash(String secret, String username, String clientId) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void onCognitoLocalADisabledUserStillSignsInAndTheStandInRefusesAsAwsDoes() {
    String email = "gaps-disabled+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    AwsUserProfileService local = service(new AwsAnswers());
    AwsUserProfileService asAws = service(new UserAdministrationAsAws(env.cognito(), env.userPoolId(), env.appClientId())
        .addTo(new AwsAnswers()));
    String userId = local.signIn(email, PASSWORD).sessionOrThrow().user().userId();

    env.cognito().adminDisableUser(b -> b.userPoolId(env.userPoolId()).username(userId));

    assertThat(env.cognito().adminGetUser(b -> b.userPoolId(env.userPoolId()).username(userId)).enabled()).isFalse();
    assertThat(local.signIn(email, PASSWORD).isSignedIn()).as("cognito-local ignores Enabled=false").isTrue();
    assertThatThrownBy(() -> asAws.signIn(email, PASSWORD)).isExactlyInstanceOf(UserDisabledException.class);
    assertThatThrownBy(() -> asAws.signIn(email, "Wrong-Pa55word!")).isExactlyInstanceOf(UserDisabledException.class);
  }

  @Test
  void onCognitoLocalAdminResetUserPasswordIsUnsupportedAndTheStandInResetsAsAwsDoes() {
    String email = "gaps-reset+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    AwsUserProfileService local = service(new AwsAnswers());
    AwsAnswers aws = new UserAdministrationAsAws(env.cognito(), env.userPoolId(), env.appClientId()).addTo(new AwsAnswers());
    AwsUserProfileService asAws = service(aws);
    String userId = local.signIn(email, PASSWORD).sessionOrThrow().user().userId();

    // cognito-local answers AdminResetUserPassword with HTTP 500 Unsupported.
    assertThatThrownBy(() -> local.admin().resetPassword(userId)).isInstanceOf(ServiceUnavailableException.class);
    assertThatThrownBy(() -> asAws.admin().resetPassword(UUID.randomUUID().toString())).isInstanceOf(UserNotFoundException.class);
    asAws.admin().resetPassword(userId);

    assertThatThrownBy(() -> asAws.signIn(email, PASSWORD)).isExactlyInstanceOf(PasswordResetRequiredException.class);
    asAws.confirmForgotPassword(email, LocalEmulators.CONFIRMATION_CODE, "Reset-Pa55word!");
    assertThat(asAws.signIn(email, "Reset-Pa55word!").isSignedIn()).isTrue();
    assertThat(aws.requests()).filteredOn(AdminResetUserPasswordRequest.class::isInstance).hasSize(2);
  }
}

package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.AuthSession;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.SignUpRequest;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * {@code AwsUserProfileService.Builder.refreshTokenRotation(true)} on the emulators: the requests
 * a rotating refresh sends, and the raw gap. cognito-local lacks {@code GetTokensFromRefreshToken},
 * so AWS's answers come from {@link RefreshRotationAsAws} (a loopback stand-in: the request still
 * reaches cognito-local, as its {@code REFRESH_TOKEN_AUTH}); the contract's {@code
 * RefreshRotationCases} run through it too.
 */
@WithEmulators
class RefreshTokenRotationIT {

  private static final String PASSWORD = "Rotation-Pa55word!";

  private final EmulatorEnvironment env;

  RefreshTokenRotationIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private AwsUserProfileService service(CognitoIdentityProviderClient cognito, UserPoolClientType client, boolean rotation) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(cognito).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(client.clientId()).appClientSecret(client.clientSecret())
        .tableName(env.tableName()).issuer(env.issuer()).jwksUri(env.jwksUri())
        .refreshTokenRotation(rotation)
        .build();
  }

  private static AuthSession signedUpAndIn(AwsUserProfileService service) {
    String email = "rotation+" + UUID.randomUUID() + "@example.com";
    service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build());
    service.confirmSignUp(email, LocalEmulators.CONFIRMATION_CODE);
    return service.signIn(email, PASSWORD).sessionOrThrow();
  }

  @Test
  void onCognitoLocalARotatingRefreshFailsTypedBecauseGetTokensFromRefreshTokenIsMissing() {
    // The raw gap, kept visible: cognito-local answers the operation it lacks HTTP 500 Unsupported.
    UserPoolClientType client = env.createAppClient(false);
    AwsUserProfileService service = service(env.cognito(), client, true);
    AuthSession session = signedUpAndIn(service);

    ProfileKitException failed = catchThrowableOfType(ProfileKitException.class, () -> service.refresh(session));

    assertThat(failed).isInstanceOf(ServiceUnavailableException.class);
    assertThat(failed.getMessage()).contains("GetTokensFromRefreshToken").doesNotContain(session.refreshToken().orElseThrow());
  }

  @Test
  void aRotatingRefreshSendsOneGetTokensFromRefreshTokenWithTheClientSecretAndNoInitiateAuth() {
    UserPoolClientType client = env.createAppClient(true);
    RefreshRotationAsAws rotation = new RefreshRotationAsAws(token -> false);
    RequestCounter sent = new RequestCounter();
    AwsUserProfileService service = service(env.cognito(rotation, sent), client, true);
    AuthSession session = signedUpAndIn(service);
    sent.reset();

    AuthSession refreshed = service.refresh(session);

    assertThat(sent.operations()).containsExactly("GetTokensFromRefreshToken");
    assertThat(rotation.requests()).singleElement().satisfies(request -> {
      assertThat(request.clientId()).isEqualTo(client.clientId());
      // The API reference takes the secret itself (no SECRET_HASH, so no username).
      assertThat(request.clientSecret()).isEqualTo(client.clientSecret());
      assertThat(request.refreshToken()).isEqualTo(session.refreshToken().orElseThrow());
    });
    assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(session.refreshToken());
    assertThat(service.verify(refreshed.idToken()).userId()).isEqualTo(session.user().userId());
    assertThat(refreshed.toString()).doesNotContain(client.clientSecret()).doesNotContain(refreshed.refreshToken().orElseThrow());
  }

  @Test
  void aReplacedRefreshTokenIsRevokedAndTheRefusalEchoesNeitherTokenNorSecret() {
    UserPoolClientType client = env.createAppClient(true);
    AwsUserProfileService service = service(env.cognito(new RefreshRotationAsAws(token -> false)), client, true);
    AuthSession session = signedUpAndIn(service);
    AuthSession refreshed = service.refresh(session);

    TokenRejectedException refused = catchThrowableOfType(TokenRejectedException.class, () -> service.refresh(session));

    assertThat(refused.reason()).isEqualTo(Reason.REVOKED);
    assertThat(refused.getMessage()).contains("RefreshTokenReuseException").contains("already used once")
        .doesNotContain(session.refreshToken().orElseThrow()).doesNotContain(client.clientSecret());
    assertThat(service.refresh(refreshed).user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  void withoutRotationRefreshStaysOnRefreshTokenAuthAndKeepsTheRefreshToken() {
    UserPoolClientType client = env.createAppClient(false);
    RequestCounter sent = new RequestCounter();
    AwsUserProfileService service = service(env.cognito(sent), client, false);
    AuthSession session = signedUpAndIn(service);
    sent.reset();

    AuthSession refreshed = service.refresh(session);

    assertThat(sent.requests()).singleElement().isInstanceOfSatisfying(InitiateAuthRequest.class,
        request -> assertThat(request.authFlow()).isEqualTo(AuthFlowType.REFRESH_TOKEN_AUTH));
    assertThat(refreshed.refreshToken()).isEqualTo(session.refreshToken());
  }

  @Test
  void afterSignOutEverywhereARotatedRefreshTokenIsRefusedAsRevoked() {
    UserPoolClientType client = env.createAppClient(false);
    GlobalSignOutAsAws globalSignOut = new GlobalSignOutAsAws(Clock.systemUTC());
    AwsAnswers aws = globalSignOut.addTo(new AwsAnswers());
    AwsUserProfileService service = service(env.cognito(aws, new RefreshRotationAsAws(globalSignOut::revokesRefreshToken)),
        client, true);
    AuthSession session = signedUpAndIn(service);
    AuthSession refreshed = service.refresh(session);

    service.signOutEverywhere(refreshed);

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.refresh(refreshed)).reason())
        .isEqualTo(Reason.REVOKED);
  }
}

package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.SrpAsAws;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.internal.SrpClient;
import dev.profilekit.internal.SrpGroup;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The SRP gap of cognito-local and {@link SrpAsAws}, the stand-in that covers it (the contract
 * runs SRP through it; see docs/emulators.md): raw cognito-local refuses {@code USER_SRP_AUTH},
 * the stand-in answers it as AWS does, including the rules a client can get wrong (the answer's
 * {@code USERNAME} and {@code SECRET_HASH} are over {@code USER_ID_FOR_SRP}, a session answers
 * once).
 */
@WithEmulators
class SrpAsAwsIT {

  private static final String PASSWORD = "Srp-Pa55word!";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EmulatorEnvironment env;

  SrpAsAwsIT(EmulatorEnvironment env) {
    this.env = env;
  }

  @Test
  void cognitoLocalItselfDoesNotAnswerUserSrpAuth() {
    String email = "srp-raw+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());

    // cognito-local 3.x: "Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH", HTTP 500.
    CognitoIdentityProviderException refused = catchThrowableOfType(CognitoIdentityProviderException.class,
        () -> env.cognito().initiateAuth(b -> b.clientId(env.appClientId()).authFlow(AuthFlowType.USER_SRP_AUTH)
            .authParameters(Map.of("USERNAME", email, "SRP_A", SrpClient.start(RANDOM).publicValueHex()))));

    assertThat(refused.statusCode()).isEqualTo(500);
  }

  @Test
  void withAClientSecretTheServiceSignsInBySrpAndEverySecretHashIsChecked() {
    UserPoolClientType app = env.createAppClient(true);
    SrpAsAws srp = new SrpAsAws(env.cognito(), env.userPoolId(), app.clientId(), app.clientSecret(), Clock.systemUTC());
    CognitoIdentityProviderClient cognito = env.cognito(srp.addTo(new AwsAnswers()), srp);
    AwsUserProfileService service = AwsUserProfileService.builder().cognito(cognito).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(app.clientId()).appClientSecret(app.clientSecret())
        .tableName(env.tableName()).issuer(env.issuer()).jwksUri(env.jwksUri()).build();
    String email = "srp-secret+" + UUID.randomUUID() + "@example.com";
    String userId = service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build()).userId();
    service.confirmSignUp(email, LocalEmulators.CONFIRMATION_CODE);

    SignInStep step = service.signIn(email, PASSWORD);

    assertThat(step.sessionOrThrow().user().userId()).isEqualTo(userId);
    assertThat(srp.claimsProven()).isEqualTo(1);
    // A SECRET_HASH over what the user typed, not USER_ID_FOR_SRP, is refused before the claim is checked.
    InitiateAuthResponse challenge = initiate(cognito, app.clientId(), email, secretHash(app, email));
    NotAuthorizedException refused = catchThrowableOfType(NotAuthorizedException.class,
        () -> answer(cognito, app.clientId(), challenge, PASSWORD, secretHash(app, email)));
    assertThat(refused.awsErrorDetails().errorMessage()).startsWith("Unable to verify secret hash");
    assertThat(srp.claimsChecked()).isEqualTo(1);
    assertThat(catchThrowableOfType(NotAuthorizedException.class, () -> initiate(cognito, app.clientId(), email, "bm90LWl0")))
        .isNotNull();
  }

  @Test
  void aChallengeSessionAnswersOnceAndTheClaimIsOverUserIdForSrp() {
    SrpAsAws srp = new SrpAsAws(env.cognito(), env.userPoolId(), env.appClientId(), Clock.systemUTC());
    CognitoIdentityProviderClient cognito = env.cognito(srp.addTo(new AwsAnswers()), srp);
    String email = "srp-once+" + UUID.randomUUID() + "@example.com";
    cognito.signUp(b -> b.clientId(env.appClientId()).username(email).password(PASSWORD));
    env.cognito().adminConfirmSignUp(b -> b.userPoolId(env.userPoolId()).username(email));

    InitiateAuthResponse challenge = initiate(cognito, env.appClientId(), email, null);
    String userIdForSrp = challenge.challengeParameters().get("USER_ID_FOR_SRP");
    assertThat(challenge.challengeNameAsString()).isEqualTo("PASSWORD_VERIFIER");
    assertThat(userIdForSrp).isNotEqualTo(email);
    assertThat(challenge.challengeParameters()).containsKeys("SRP_B", "SALT", "SECRET_BLOCK");
    RespondToAuthChallengeResponse signedIn = answer(cognito, env.appClientId(), challenge, PASSWORD, null);
    assertThat(signedIn.authenticationResult().idToken()).isNotBlank();

    // The same session again: used up.
    NotAuthorizedException replayed = catchThrowableOfType(NotAuthorizedException.class,
        () -> answer(cognito, env.appClientId(), challenge, PASSWORD, null));
    assertThat(replayed.awsErrorDetails().errorMessage()).isEqualTo("Invalid session for the user.");
    // A claim computed over the email the user typed proves nothing.
    SrpClient client = SrpClient.start(RANDOM);
    InitiateAuthResponse third = cognito.initiateAuth(b -> b.clientId(env.appClientId()).authFlow(AuthFlowType.USER_SRP_AUTH)
        .authParameters(Map.of("USERNAME", email, "SRP_A", client.publicValueHex())));
    SrpClient.PasswordClaim overEmail = client.claim(SrpGroup.poolName(env.userPoolId()), email, PASSWORD,
        third.challengeParameters().get("SALT"), third.challengeParameters().get("SRP_B"),
        third.challengeParameters().get("SECRET_BLOCK"), Clock.systemUTC().instant());
    NotAuthorizedException wrongUser = catchThrowableOfType(NotAuthorizedException.class,
        () -> cognito.respondToAuthChallenge(b -> b.clientId(env.appClientId()).challengeName("PASSWORD_VERIFIER")
            .session(third.session()).challengeResponses(Map.of("USERNAME", email,
                "PASSWORD_CLAIM_SECRET_BLOCK", third.challengeParameters().get("SECRET_BLOCK"),
                "TIMESTAMP", overEmail.timestamp(), "PASSWORD_CLAIM_SIGNATURE", overEmail.signature()))));
    assertThat(wrongUser.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password.");
    assertThat(srp.claimsProven()).isEqualTo(1);
    assertThat(srp.claimsChecked()).isEqualTo(2);
  }

  @Test
  void aWrongPasswordAndAnUnknownUserFailAlikeThroughTheService() {
    SrpAsAws srp = new SrpAsAws(env.cognito(), env.userPoolId(), env.appClientId(), Clock.systemUTC());
    AwsUserProfileService service = AwsUserProfileService.builder().cognito(env.cognito(srp.addTo(new AwsAnswers()), srp))
        .dynamoDb(env.dynamoDb()).userPoolId(env.userPoolId()).appClientId(env.appClientId())
        .tableName(env.tableName()).issuer(env.issuer()).jwksUri(env.jwksUri()).build();
    String email = "srp-alike+" + UUID.randomUUID() + "@example.com";
    service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build());
    service.confirmSignUp(email, LocalEmulators.CONFIRMATION_CODE);

    InvalidCredentialsException wrong = catchThrowableOfType(InvalidCredentialsException.class,
        () -> service.signIn(email, "Wrong-Pa55word!"));
    InvalidCredentialsException unknown = catchThrowableOfType(InvalidCredentialsException.class,
        () -> service.signIn("srp-nobody+" + UUID.randomUUID() + "@example.com", PASSWORD));

    assertThat(unknown).isExactlyInstanceOf(wrong.getClass()).hasMessage(wrong.getMessage());
    assertThat(srp.claimsChecked()).isEqualTo(2);
    assertThat(srp.claimsProven()).isZero();
  }

  private static InitiateAuthResponse initiate(CognitoIdentityProviderClient cognito, String clientId, String email, String secretHash) {
    SrpClient client = SrpClient.start(RANDOM);
    Map<String, String> parameters = new java.util.HashMap<>(Map.of("USERNAME", email, "SRP_A", client.publicValueHex()));
    if (secretHash != null) {
      parameters.put("SECRET_HASH", secretHash);
    }
    InitiateAuthResponse response = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
        .authParameters(parameters));
    CLIENTS.put(response.session(), client);
    return response;
  }

  /** The client half of each exchange this test began, by session. */
  private static final Map<String, SrpClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

  private RespondToAuthChallengeResponse answer(CognitoIdentityProviderClient cognito, String clientId, InitiateAuthResponse challenge,
      String password, String secretHash) {
    Map<String, String> parameters = challenge.challengeParameters();
    String userIdForSrp = parameters.get("USER_ID_FOR_SRP");
    SrpClient.PasswordClaim claim = CLIENTS.get(challenge.session()).claim(SrpGroup.poolName(env.userPoolId()), userIdForSrp, password,
        parameters.get("SALT"), parameters.get("SRP_B"), parameters.get("SECRET_BLOCK"), Clock.systemUTC().instant());
    Map<String, String> responses = new java.util.HashMap<>(Map.of("USERNAME", userIdForSrp,
        "PASSWORD_CLAIM_SECRET_BLOCK", parameters.get("SECRET_BLOCK"), "TIMESTAMP", claim.timestamp(),
        "PASSWORD_CLAIM_SIGNATURE", claim.signature()));
    if (secretHash != null) {
      responses.put("SECRET_HASH", secretHash);
    }
    return cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName("PASSWORD_VERIFIER").session(challenge.session())
        .challengeResponses(responses));
  }

  private static String secretHash(UserPoolClientType app, String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(app.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal((username + app.clientId()).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

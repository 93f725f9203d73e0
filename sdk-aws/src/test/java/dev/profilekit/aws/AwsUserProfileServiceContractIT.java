package dev.profilekit.aws;

import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import dev.profilekit.aws.emulators.CognitoLocalParity;
import dev.profilekit.aws.emulators.EmulatorEnvironment;
import dev.profilekit.aws.emulators.LocalEmulators;
import dev.profilekit.aws.emulators.WithEmulators;
import dev.profilekit.testing.ContractCapability;
import dev.profilekit.testing.UserProfileServiceContract;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The contract suite against {@link AwsUserProfileService} on dynalite and cognito-local: one user
 * pool and one table for the class, a fresh service per test.
 */
@WithEmulators
class AwsUserProfileServiceContractIT extends UserProfileServiceContract {

  private static EmulatorEnvironment env;
  private static CognitoIdentityProviderClient cognito;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void clients(EmulatorEnvironment environment) {
    env = environment;
    cognito = environment.cognito(new CognitoLocalParity());
    dynamoDb = environment.dynamoDb();
  }

  @Override
  protected UserProfileService newService(ProfilePolicy policy) {
    return AwsUserProfileService.builder()
        .cognito(cognito)
        .dynamoDb(dynamoDb)
        .userPoolId(env.userPoolId())
        .appClientId(env.appClientId())
        .tableName(env.tableName())
        .issuer(env.issuer())
        .jwksUri(env.jwksUri())
        .policy(policy)
        // No emulator serves a hosted UI; a closed https port makes every code exchange fail.
        .hostedUiDomain(URI.create("https://127.0.0.1:9"))
        .build();
  }

  @Override
  protected String confirmationCode(UserProfileService service, String email) {
    return LocalEmulators.CONFIRMATION_CODE;
  }

  @Override
  protected String passwordResetCode(UserProfileService service, String email) {
    return LocalEmulators.CONFIRMATION_CODE;
  }

  @Override
  protected void createUserWithTemporaryPassword(UserProfileService service, String email, String temporaryPassword) {
    cognito.adminCreateUser(b -> b
        .userPoolId(env.userPoolId())
        .username(email)
        .temporaryPassword(temporaryPassword)
        .messageAction(MessageActionType.SUPPRESS)
        .userAttributes(
            AttributeType.builder().name("email").value(email).build(),
            AttributeType.builder().name("email_verified").value("true").build()));
  }

  @Override
  protected Map<ContractCapability, String> unsupportedCapabilities() {
    return Map.of(
        ContractCapability.RESEND_CONFIRMATION_CODE,
        "cognito-local answers ResendConfirmationCode with HTTP 500 Unsupported; CognitoLocalDifferencesIT covers the AWS answer",
        ContractCapability.GLOBAL_SIGN_OUT,
        "cognito-local lacks GlobalSignOut and AdminUserGlobalSignOut; SignOutEverywhereIT answers them with an "
            + "ExecutionInterceptor and checks the revocation record and REVOKED tokens",
        ContractCapability.PASSWORD_POLICY,
        "cognito-local checks no password policy; CognitoErrorsTest maps AWS's InvalidPasswordException to PasswordPolicyException",
        ContractCapability.FEDERATED_CODE_EXCHANGE,
        "no emulator serves the hosted UI; CognitoHostedUiTest runs the code exchange against LoopbackCognitoDomain");
  }
}

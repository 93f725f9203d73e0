package dev.profilekit.aws;

import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.ContractCapability;
import dev.profilekit.testing.contract.ContractFixture;
import dev.profilekit.testing.contract.FederatedCases;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The federated cases against an {@link AwsUserProfileService} built without {@code
 * hostedUiDomain}, as a consumer whose pool has no domain runs the contract: each case checks that
 * the federated calls fail with {@code ClientConfigurationException} (issue 18 item 6). The refusal
 * comes before any call, so the clients point nowhere and refuse every request;
 * {@code InMemoryWithoutHostedUiContractTest} runs the same cases on the fake.
 */
class AwsWithoutHostedUiContractTest extends ContractFixture implements FederatedCases {

  /** Fails any request the SDK would send: the refusal must come before one. */
  private static final ExecutionInterceptor NO_REQUEST = new ExecutionInterceptor() {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      throw new AssertionError("a federated call without a hosted UI domain sent " + context.request().getClass().getSimpleName());
    }
  };

  @Override
  protected UserProfileService newService(ProfilePolicy policy) {
    URI nowhere = URI.create("http://127.0.0.1:9");
    CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder().region(Region.EU_WEST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create()).endpointOverride(nowhere)
        .overrideConfiguration(c -> c.addExecutionInterceptor(NO_REQUEST)).build();
    DynamoDbClient dynamoDb = DynamoDbClient.builder().region(Region.EU_WEST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create()).endpointOverride(nowhere)
        .overrideConfiguration(c -> c.addExecutionInterceptor(NO_REQUEST)).build();
    return AwsUserProfileService.builder().cognito(cognito).dynamoDb(dynamoDb).userPoolId("eu-west-1_AbCdEf123")
        .appClientId("client123").tableName("profiles").policy(policy).build();
  }

  @Override
  public Map<ContractCapability, String> unsupportedCapabilities() {
    String why = "built without hostedUiDomain: the refusal is what this run checks; AwsUserProfileServiceContractIT runs"
        + " the federated cases with a domain (LoopbackCognitoDomain)";
    return Map.of(ContractCapability.HOSTED_UI_DOMAIN, why, ContractCapability.FEDERATED_CODE_EXCHANGE, why);
  }

  @Override
  public String confirmationCode(UserProfileService service, String email) {
    throw new UnsupportedOperationException("the federated cases sign nobody up");
  }

  @Override
  public String passwordResetCode(UserProfileService service, String email) {
    throw new UnsupportedOperationException("the federated cases reset no password");
  }

  @Override
  public void createUserWithTemporaryPassword(UserProfileService service, String email, String temporaryPassword) {
    throw new UnsupportedOperationException("the federated cases create no user");
  }
}

package dev.profilekit.aws.faults;

import dev.profilekit.emulators.LocalEmulators;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * AWS SDK clients configured as a service in production would be, pointed at a {@link
 * FaultProxy}: an attempt timeout, a call timeout over all attempts, and the SDK's standard retry
 * strategy (3 attempts, exponential backoff with jitter). These timeouts are the bounds the fault
 * tests hold the calls to.
 */
final class FaultClients {

  /** How long one HTTP attempt may take. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1_500);

  /** How long a call may take over all its attempts and backoffs. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);

  /** Attempts per call, the standard strategy's default. */
  static final int MAX_ATTEMPTS = 3;

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("profilekit-test", "profilekit-test-secret"));

  private FaultClients() {}

  static DynamoDbClient dynamoDb(URI endpoint, ExecutionInterceptor... interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(LocalEmulators.REGION)
        .credentialsProvider(CREDENTIALS)
        .overrideConfiguration(configuration(interceptors))
        .build();
  }

  static CognitoIdentityProviderClient cognito(URI endpoint, ExecutionInterceptor... interceptors) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(LocalEmulators.REGION)
        .credentialsProvider(CREDENTIALS)
        .overrideConfiguration(configuration(interceptors))
        .build();
  }

  private static ClientOverrideConfiguration configuration(ExecutionInterceptor... interceptors) {
    ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(CALL_TIMEOUT)
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build());
    for (ExecutionInterceptor interceptor : interceptors) {
      b.addExecutionInterceptor(interceptor);
    }
    return b.build();
  }
}

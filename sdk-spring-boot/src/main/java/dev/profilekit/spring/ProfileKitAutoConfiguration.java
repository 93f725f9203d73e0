package dev.profilekit.spring;

import dev.profilekit.UserProfileService;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.aws.jwt.KeySetFetchListener;
import dev.profilekit.aws.jwt.TokenRevocations;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds {@link AwsUserProfileService} from the {@code profilekit.*} properties, with its AWS
 * clients and {@link CognitoTokenVerifier}; each bean backs off when the application defines its
 * own. Skipped when the in-memory backend is chosen ({@link InMemoryProfileKitAutoConfiguration}).
 *
 * <p>The AWS clients use the SDK's default credentials chain and the region of the user pool.
 * They are closed with the application context; clients the application defines are its own.
 */
@AutoConfiguration(after = InMemoryProfileKitAutoConfiguration.class)
@EnableConfigurationProperties(ProfileKitProperties.class)
@ConditionalOnMissingBean(UserProfileService.class)
@Conditional(AwsBackendCondition.class)
public class ProfileKitAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public ProfileKitAutoConfiguration() {}

  /**
   * The Cognito client, in the pool's region (or at {@code profilekit.cognito-endpoint}).
   *
   * @param properties the settings
   * @return the client, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public CognitoIdentityProviderClient profileKitCognitoClient(ProfileKitProperties properties) {
    var builder = CognitoIdentityProviderClient.builder().region(Region.of(properties.resolvedRegion()));
    URI endpoint = properties.getCognitoEndpoint();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /**
   * The DynamoDB client, in the pool's region (or at {@code profilekit.dynamo-db-endpoint}).
   *
   * @param properties the settings
   * @return the client, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public DynamoDbClient profileKitDynamoDbClient(ProfileKitProperties properties) {
    var builder = DynamoDbClient.builder().region(Region.of(properties.resolvedRegion()));
    URI endpoint = properties.getDynamoDbEndpoint();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /**
   * The "sign out everywhere" records of the profile table, which the verifier consults.
   *
   * @param dynamoDb the DynamoDB client
   * @param properties the settings
   * @return the revocations
   */
  @Bean
  @ConditionalOnMissingBean
  public TokenRevocations profileKitTokenRevocations(DynamoDbClient dynamoDb, ProfileKitProperties properties) {
    return TokenRevocations.profileTable(dynamoDb, ProfileKitProperties.required("table-name", properties.getTableName()));
  }

  /**
   * The verifier of the pool's ID and access tokens, shared by the service and the resource
   * server (which accepts only {@code profilekit.security.token-use}).
   *
   * @param properties the settings
   * @param revocations the sign-out records, if any
   * @param fetchListeners told about each key set fetch (the {@code profilekit.jwks.fetch}
   *     counter when Micrometer is present), if any
   * @return the verifier
   */
  @Bean
  @ConditionalOnMissingBean
  public CognitoTokenVerifier profileKitTokenVerifier(
      ProfileKitProperties properties, ObjectProvider<TokenRevocations> revocations, ObjectProvider<KeySetFetchListener> fetchListeners) {
    String issuer = properties.resolvedIssuer();
    URI keys = properties.getJwksUri() != null ? properties.getJwksUri() : URI.create(issuer + "/.well-known/jwks.json");
    CognitoTokenVerifier.Builder verifier = CognitoTokenVerifier.builder()
        .userPool(issuer, keys)
        .clientIds(ProfileKitProperties.required("client-id", properties.getClientId()));
    revocations.ifAvailable(verifier::revocations);
    List<KeySetFetchListener> listeners = fetchListeners.orderedStream().toList();
    if (!listeners.isEmpty()) {
      verifier.keySetFetchListener((pool, succeeded) -> listeners.forEach(listener -> listener.keySetFetched(pool, succeeded)));
    }
    return verifier.build();
  }

  /**
   * The service.
   *
   * @param cognito the Cognito client
   * @param dynamoDb the DynamoDB client
   * @param verifier the token verifier
   * @param properties the settings
   * @return the service, closed with the context (it leaves the clients to their beans)
   */
  @Bean(destroyMethod = "close")
  public AwsUserProfileService userProfileService(
      CognitoIdentityProviderClient cognito, DynamoDbClient dynamoDb, CognitoTokenVerifier verifier, ProfileKitProperties properties) {
    AwsUserProfileService.Builder service = AwsUserProfileService.builder()
        .cognito(cognito)
        .dynamoDb(dynamoDb)
        .userPoolId(ProfileKitProperties.required("user-pool-id", properties.getUserPoolId()))
        .appClientId(ProfileKitProperties.required("client-id", properties.getClientId()))
        .tableName(ProfileKitProperties.required("table-name", properties.getTableName()))
        .issuer(URI.create(properties.resolvedIssuer()))
        .tokenVerifier(verifier)
        .passwordFlow(properties.getPasswordFlow())
        .refreshTokenRotation(properties.isRefreshTokenRotation());
    if (properties.getClientSecret() != null && !properties.getClientSecret().isEmpty()) {
      service.appClientSecret(properties.getClientSecret());
    }
    if (properties.getDomain() != null) {
      service.hostedUiDomain(properties.getDomain());
    }
    return service.build();
  }
}

package dev.profilekit.spring;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.TokenUse;
import dev.profilekit.aws.UserPoolIds;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code profilekit.*} settings. Three are required on AWS: {@code profilekit.user-pool-id},
 * {@code profilekit.client-id} and {@code profilekit.table-name}; the region is read from the pool
 * id unless {@code profilekit.region} says otherwise.
 *
 * <pre>
 * profilekit.user-pool-id=eu-west-1_AbCdEf123
 * profilekit.client-id=4h3k2j1example
 * profilekit.table-name=profiles
 * </pre>
 */
@ConfigurationProperties("profilekit")
public class ProfileKitProperties {

  /**
   * {@code RequestChecks.REQUIRED}'s value: a missing setting's rule everywhere in ProfileKit. The
   * starter names no internal type; {@code PropertyErrorsTest} holds the two equal.
   */
  static final String REQUIRED = "required";

  /** Which implementation backs the {@code UserProfileService} bean. */
  public enum Backend {
    /**
     * The in-memory service when both {@code profilekit-testing} and {@code spring-boot-test} are on
     * the classpath (that is, in a test), AWS otherwise.
     */
    AUTO,
    /** Always AWS (Cognito and DynamoDB), also in tests: for tests against the emulators. */
    AWS,
    /** Always the in-memory service of {@code profilekit-testing}; it must be on the classpath. */
    IN_MEMORY
  }

  /** Which implementation backs the service: auto (in-memory in tests, AWS otherwise), aws or in-memory. */
  private Backend backend = Backend.AUTO;

  /** The Cognito user pool id, for example eu-west-1_AbCdEf123. */
  private String userPoolId;

  /** The app client id whose tokens the application accepts. */
  private String clientId;

  /** The app client secret, when the app client has one. */
  private String clientSecret;

  /** The DynamoDB table holding the profiles. */
  private String tableName;

  /** The AWS region; default: the prefix of the user pool id. */
  private String region;

  /** The user pool domain of the hosted UI (https://...amazoncognito.com), which enables federated sign-in. */
  private URI domain;

  /**
   * How a password sign-in proves the password: USER_SRP_AUTH (default; the password never leaves the
   * process) or USER_PASSWORD_AUTH (for app clients, or emulators such as cognito-local, without SRP).
   */
  private PasswordAuthFlow passwordFlow = PasswordAuthFlow.USER_SRP_AUTH;

  /**
   * Whether the app client rotates refresh tokens: refresh then uses GetTokensFromRefreshToken and the
   * refreshed session holds the new refresh token (default false: REFRESH_TOKEN_AUTH, the same refresh token).
   */
  private boolean refreshTokenRotation;

  /** The tokens' issuer; default https://cognito-idp.REGION.amazonaws.com/USER_POOL_ID. For emulators and proxies. */
  private URI issuer;

  /** The URL of the user pool's key set; default ISSUER/.well-known/jwks.json. */
  private URI jwksUri;

  /** An endpoint override for the Cognito client (emulators, VPC endpoints). */
  private URI cognitoEndpoint;

  /** An endpoint override for the DynamoDB client (emulators, VPC endpoints). */
  private URI dynamoDbEndpoint;

  /** The resource server's settings. */
  private final Security security = new Security();

  /** The resource server: which requests need a bearer token and which tokens are accepted. */
  public static class Security {

    /** Whether the starter secures the application with a bearer-token resource server. */
    private boolean enabled = true;

    /** The token use the API accepts: access (the OAuth 2.0 rule for APIs) or id. */
    private TokenUse tokenUse = TokenUse.ACCESS;

    /** Paths served without a token by the starter's default security chain. */
    private List<String> publicPaths = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/error"));

    /**
     * Whether the starter secures the application.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the starter secures the application.
     *
     * @param enabled false to leave security to the application
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The token use the API accepts.
     *
     * @return {@link TokenUse#ACCESS} by default
     */
    public TokenUse getTokenUse() {
      return tokenUse;
    }

    /**
     * Sets the token use the API accepts.
     *
     * @param tokenUse access or id
     */
    public void setTokenUse(TokenUse tokenUse) {
      this.tokenUse = tokenUse;
    }

    /**
     * The paths served without a token.
     *
     * @return the Ant-style path patterns
     */
    public List<String> getPublicPaths() {
      return publicPaths;
    }

    /**
     * Sets the paths served without a token.
     *
     * @param publicPaths Ant-style path patterns
     */
    public void setPublicPaths(List<String> publicPaths) {
      this.publicPaths = publicPaths;
    }
  }

  /**
   * The user pool's token issuer: {@code profilekit.issuer}, or the AWS one built from the pool id.
   *
   * @return the issuer
   * @throws InvalidRequestException naming the property to set (its field, such as {@code
   *     profilekit.user-pool-id}) when neither tells it
   */
  public String resolvedIssuer() {
    if (issuer != null) {
      return issuer.toString();
    }
    return UserPoolIds.issuer(resolvedRegion(), required("user-pool-id", userPoolId));
  }

  /**
   * The AWS region: {@code profilekit.region}, or the prefix of the user pool id.
   *
   * @return the region name
   * @throws InvalidRequestException naming the property to set (its field, such as {@code
   *     profilekit.region}) when neither tells it
   */
  public String resolvedRegion() {
    if (region != null && !region.isBlank()) {
      return region;
    }
    String pool = required("user-pool-id", userPoolId);
    return UserPoolIds.region(pool).orElseThrow(() -> new InvalidRequestException("profilekit.region", REQUIRED,
        "the region cannot be read from profilekit.user-pool-id (" + pool + "); set profilekit.region"));
  }

  /**
   * A required property's value.
   *
   * @param property the name after {@code profilekit.}
   * @param value the value, or null
   * @return the value
   * @throws InvalidRequestException whose field is {@code profilekit.<property>} and rule {@code
   *     required}, when the value is missing or blank
   */
  static String required(String property, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException("profilekit." + property, REQUIRED, "set profilekit." + property);
    }
    return value;
  }

  /**
   * The backend.
   *
   * @return the backend
   */
  public Backend getBackend() {
    return backend;
  }

  /**
   * Sets the backend.
   *
   * @param backend the backend
   */
  public void setBackend(Backend backend) {
    this.backend = backend;
  }

  /**
   * The user pool id.
   *
   * @return the id
   */
  public String getUserPoolId() {
    return userPoolId;
  }

  /**
   * Sets the user pool id.
   *
   * @param userPoolId the id
   */
  public void setUserPoolId(String userPoolId) {
    this.userPoolId = userPoolId;
  }

  /**
   * The app client id.
   *
   * @return the id
   */
  public String getClientId() {
    return clientId;
  }

  /**
   * Sets the app client id.
   *
   * @param clientId the id
   */
  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  /**
   * The app client secret.
   *
   * @return the secret, or null
   */
  public String getClientSecret() {
    return clientSecret;
  }

  /**
   * Sets the app client secret.
   *
   * @param clientSecret the secret
   */
  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  /**
   * The profile table.
   *
   * @return the table name
   */
  public String getTableName() {
    return tableName;
  }

  /**
   * Sets the profile table.
   *
   * @param tableName the table name
   */
  public void setTableName(String tableName) {
    this.tableName = tableName;
  }

  /**
   * The region setting as given.
   *
   * @return the region, or null
   */
  public String getRegion() {
    return region;
  }

  /**
   * Sets the region.
   *
   * @param region the region name
   */
  public void setRegion(String region) {
    this.region = region;
  }

  /**
   * The hosted UI domain.
   *
   * @return the domain, or null
   */
  public URI getDomain() {
    return domain;
  }

  /**
   * Sets the hosted UI domain.
   *
   * @param domain the domain
   */
  public void setDomain(URI domain) {
    this.domain = domain;
  }

  /**
   * How a password sign-in proves the password to Cognito.
   *
   * @return the flow; default USER_SRP_AUTH
   */
  public PasswordAuthFlow getPasswordFlow() {
    return passwordFlow;
  }

  /**
   * Sets how a password sign-in proves the password to Cognito.
   *
   * @param passwordFlow the flow
   */
  public void setPasswordFlow(PasswordAuthFlow passwordFlow) {
    this.passwordFlow = passwordFlow;
  }

  /**
   * Whether refresh tokens rotate (the app client's refresh token rotation).
   *
   * @return true to refresh with GetTokensFromRefreshToken; default false
   */
  public boolean isRefreshTokenRotation() {
    return refreshTokenRotation;
  }

  /**
   * Sets whether refresh tokens rotate; on both backends.
   *
   * @param refreshTokenRotation true when the app client has refresh token rotation enabled
   */
  public void setRefreshTokenRotation(boolean refreshTokenRotation) {
    this.refreshTokenRotation = refreshTokenRotation;
  }

  /**
   * The issuer setting as given.
   *
   * @return the issuer, or null
   */
  public URI getIssuer() {
    return issuer;
  }

  /**
   * Sets the issuer.
   *
   * @param issuer the issuer
   */
  public void setIssuer(URI issuer) {
    this.issuer = issuer;
  }

  /**
   * The key set URL.
   *
   * @return the URL, or null
   */
  public URI getJwksUri() {
    return jwksUri;
  }

  /**
   * Sets the key set URL.
   *
   * @param jwksUri the URL
   */
  public void setJwksUri(URI jwksUri) {
    this.jwksUri = jwksUri;
  }

  /**
   * The Cognito endpoint override.
   *
   * @return the endpoint, or null
   */
  public URI getCognitoEndpoint() {
    return cognitoEndpoint;
  }

  /**
   * Sets the Cognito endpoint override.
   *
   * @param cognitoEndpoint the endpoint
   */
  public void setCognitoEndpoint(URI cognitoEndpoint) {
    this.cognitoEndpoint = cognitoEndpoint;
  }

  /**
   * The DynamoDB endpoint override.
   *
   * @return the endpoint, or null
   */
  public URI getDynamoDbEndpoint() {
    return dynamoDbEndpoint;
  }

  /**
   * Sets the DynamoDB endpoint override.
   *
   * @param dynamoDbEndpoint the endpoint
   */
  public void setDynamoDbEndpoint(URI dynamoDbEndpoint) {
    this.dynamoDbEndpoint = dynamoDbEndpoint;
  }

  /**
   * The resource server's settings.
   *
   * @return the settings
   */
  public Security getSecurity() {
    return security;
  }
}

package dev.profilekit.emulators;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * What one test class gets from {@link WithEmulators}: clients for the shared emulators, a fresh
 * user pool with an app client, and a fresh profile table.
 *
 * <p>The user pool signs users in by email ({@code UsernameAttributes=email}, so the Cognito
 * username is the {@code sub}) and keeps an updated email pending until it is verified ({@code
 * AttributesRequireVerificationBeforeUpdate=email}); its app client has no secret and allows {@code
 * USER_PASSWORD_AUTH}, {@code REFRESH_TOKEN_AUTH} and {@code ADMIN_USER_PASSWORD_AUTH}. The table
 * has the partition key {@code userId} (string) and on-demand capacity, as in production.
 */
public final class EmulatorEnvironment implements AutoCloseable {

  /** The partition key of the profile table. */
  public static final String PARTITION_KEY = "userId";

  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final List<ExplicitAuthFlowsType> AUTH_FLOWS = List.of(
      ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
      ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
      ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);

  private final LocalEmulators emulators;
  private final DynamoDbClient dynamoDb;
  private final CognitoIdentityProviderClient cognito;
  private final String userPoolId;
  private final String appClientId;
  private final String tableName;
  private final List<AutoCloseable> extraClients = new ArrayList<>();

  private EmulatorEnvironment(LocalEmulators emulators, String label) {
    this.emulators = emulators;
    this.dynamoDb = emulators.dynamoDbClient();
    this.cognito = emulators.cognitoClient();
    this.userPoolId = cognito.createUserPool(b -> b
            .poolName(label)
            .usernameAttributes(UsernameAttributeType.EMAIL)
            .autoVerifiedAttributesWithStrings("email")
            // As docs/setup.md configures production pools: an updated email waits for its code
            // and the original stays active. cognito-local honours it only when the pool is created
            // with it (its UpdateUserPool drops the setting).
            .userAttributeUpdateSettings(u -> u.attributesRequireVerificationBeforeUpdate(VerifiedAttributeType.EMAIL)))
        .userPool().id();
    this.appClientId = createAppClient(false).clientId();
    this.tableName = createProfileTable(tableNameFor(label));
  }

  /**
   * Creates a user pool, app client and table on the emulators.
   *
   * @param emulators the running emulators
   * @param label a readable name (the test class's simple name), used in the pool and table names
   * @return the environment; close it to close its clients
   */
  public static EmulatorEnvironment create(LocalEmulators emulators, String label) {
    return new EmulatorEnvironment(emulators, label);
  }

  private static String tableNameFor(String label) {
    String safe = label.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (safe.length() > 200) {
      safe = safe.substring(0, 200);
    }
    return "profiles-" + safe + "-" + TABLES.incrementAndGet();
  }

  /**
   * Returns the shared emulators.
   *
   * @return the emulators
   */
  public LocalEmulators emulators() {
    return emulators;
  }

  /**
   * Returns this environment's DynamoDB client (closed with the environment).
   *
   * @return the client
   */
  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /**
   * Returns this environment's Cognito client, without retries (closed with the environment).
   *
   * @return the client
   */
  public CognitoIdentityProviderClient cognito() {
    return cognito;
  }

  /**
   * Builds another DynamoDB client with interceptors, closed with the environment.
   *
   * @param interceptors for example a request counter
   * @return the client
   */
  public DynamoDbClient dynamoDb(ExecutionInterceptor... interceptors) {
    DynamoDbClient client = emulators.dynamoDbClient(interceptors);
    synchronized (extraClients) {
      extraClients.add(client);
    }
    return client;
  }

  /**
   * Builds another Cognito client with interceptors, closed with the environment.
   *
   * @param interceptors for example a request counter
   * @return the client
   */
  public CognitoIdentityProviderClient cognito(ExecutionInterceptor... interceptors) {
    CognitoIdentityProviderClient client = emulators.cognitoClient(interceptors);
    synchronized (extraClients) {
      extraClients.add(client);
    }
    return client;
  }

  /**
   * Returns the user pool's id, {@code local_XXXXXXXX}.
   *
   * @return the pool id
   */
  public String userPoolId() {
    return userPoolId;
  }

  /**
   * Returns the id of the app client (no secret) created with the pool.
   *
   * @return the client id
   */
  public String appClientId() {
    return appClientId;
  }

  /**
   * Returns the name of the profile table created for this environment.
   *
   * @return the table name
   */
  public String tableName() {
    return tableName;
  }

  /**
   * Returns the user pool's issuer, the {@code iss} of its tokens.
   *
   * @return {@code http://127.0.0.1:<port>/<poolId>}
   */
  public URI issuer() {
    return emulators.issuer(userPoolId);
  }

  /**
   * Returns the user pool's JWKS URL ({@code <issuer>/.well-known/jwks.json}).
   *
   * @return the JWKS URL
   */
  public URI jwksUri() {
    return URI.create(issuer() + "/.well-known/jwks.json");
  }

  /**
   * Creates another app client in the pool with the test auth flows.
   *
   * @param withSecret whether Cognito should generate a client secret
   * @return the client, including its secret when generated
   */
  public UserPoolClientType createAppClient(boolean withSecret) {
    return cognito.createUserPoolClient(b -> b
            .userPoolId(userPoolId)
            .clientName("profilekit-test-" + UUID.randomUUID())
            .generateSecret(withSecret)
            .explicitAuthFlows(AUTH_FLOWS))
        .userPoolClient();
  }

  /**
   * Creates another empty profile table (partition key {@code userId}, on-demand) and waits until
   * it is active.
   *
   * @param name the table name
   * @return the name
   */
  public String createProfileTable(String name) {
    dynamoDb.createTable(b -> b
        .tableName(name)
        .attributeDefinitions(AttributeDefinition.builder()
            .attributeName(PARTITION_KEY).attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    // dynalite runs with --createTableMs 0, so this loop ends at once; the SDK waiter's first
    // back-off would cost seconds.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (dynamoDb.describeTable(b -> b.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Table " + name + " did not become ACTIVE on dynalite");
      }
      Thread.onSpinWait();
    }
    return name;
  }

  /**
   * Signs up and confirms an email user in the pool, as a test fixture.
   *
   * @param email the email (also the sign-in name)
   * @param password the password
   * @param attributes extra attributes, for example {@code given_name} or {@code custom:plan}
   * @return the user's {@code sub}
   */
  public String createConfirmedUser(String email, String password, Map<String, String> attributes) {
    List<AttributeType> attrs = new ArrayList<>();
    attrs.add(AttributeType.builder().name("email").value(email).build());
    attributes.forEach((k, v) -> attrs.add(AttributeType.builder().name(k).value(v).build()));
    SignUpResponse response = cognito.signUp(b -> b
        .clientId(appClientId).username(email).password(password).userAttributes(attrs));
    cognito.adminConfirmSignUp(b -> b.userPoolId(userPoolId).username(email));
    return response.userSub();
  }

  /** Closes the clients this environment created; the pool and table are left on the emulators. */
  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>();
    synchronized (extraClients) {
      all.addAll(extraClients);
      extraClients.clear();
    }
    all.add(dynamoDb);
    all.add(cognito);
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing a client only releases connections; nothing to report.
      }
    }
  }

  @Override
  public String toString() {
    return "EmulatorEnvironment[pool=" + userPoolId + ", table=" + tableName + ", " + emulators + "]";
  }
}

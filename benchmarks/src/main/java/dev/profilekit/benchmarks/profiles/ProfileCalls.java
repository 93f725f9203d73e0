package dev.profilekit.benchmarks.profiles;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.FieldValue;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenUse;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.benchmarks.PerformanceReport;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The four calls the profile benchmarks time, on one stored profile: ProfileKit's {@code
 * getProfile} and {@code updateProfile}, and the raw {@code GetItem} and {@code UpdateItem} that do
 * the same DynamoDB work (same key, consistent read, same attributes set, same condition, {@code
 * ALL_NEW}). Each side has its own client with a {@link RequestCounter}, so every call's cost in
 * requests is checked: exactly one request per call, of the expected operation.
 */
final class ProfileCalls implements AutoCloseable {

  static final String USER_ID = "0b6c2c9e-1111-4a4a-9b9b-0123456789ab";

  private final AwsUserProfileService service;
  private final DynamoDbClient profileKitDynamoDb;
  private final DynamoDbClient rawDynamoDb;
  private final RequestCounter profileKitRequests = new RequestCounter();
  private final RequestCounter rawRequests = new RequestCounter();
  private final String table;
  private final VerifiedUser user;
  private final ProfileUpdate patch;
  private final Map<String, AttributeValue> key = Map.of("userId", AttributeValue.fromS(USER_ID));
  private long profileKitGets;
  private long profileKitUpdates;
  private long rawGets;
  private long rawUpdates;

  /**
   * Builds both sides.
   *
   * @param dynamoDbClients builds a DynamoDB client with the given interceptors
   * @param cognito a Cognito client (the profile calls never use it)
   * @param userPoolId the pool id
   * @param appClientId the app client id
   * @param issuer the pool's issuer
   * @param table the profile table
   */
  ProfileCalls(Function<ExecutionInterceptor[], DynamoDbClient> dynamoDbClients, CognitoIdentityProviderClient cognito,
      String userPoolId, String appClientId, URI issuer, String table) {
    this.table = table;
    this.profileKitDynamoDb = dynamoDbClients.apply(new ExecutionInterceptor[] {profileKitRequests});
    this.rawDynamoDb = dynamoDbClients.apply(new ExecutionInterceptor[] {rawRequests});
    this.service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(cognito)
        .dynamoDb(profileKitDynamoDb)
        .userPoolId(userPoolId)
        .appClientId(appClientId)
        .issuer(issuer)
        .tableName(table)
        .build();
    Instant now = Instant.now();
    this.user = VerifiedUser.builder()
        .userId(USER_ID)
        .username(USER_ID)
        .email("ada@example.com")
        .tokenUse(TokenUse.ID)
        .clientId(appClientId)
        .issuer(issuer.toString())
        .issuedAt(now.minusSeconds(60))
        .expiresAt(now.plusSeconds(3600))
        .putAttribute("given_name", "Ada")
        .build();
    this.patch = ProfileUpdate.builder().displayName("Ada L.").preference("theme", FieldValue.of("dark")).build();
  }

  /** Stores the profile (its first write), so that the timed calls read and patch a stored one. */
  void storeProfile() {
    service.updateProfile(user, patch);
    if (!service.getProfile(user).isStored()) {
      throw new IllegalStateException("the benchmark profile was not stored");
    }
  }

  /**
   * Proves the cost claims once: each call sends exactly one request of its operation.
   *
   * @return the profile read, for further checks
   */
  UserProfile proveOneRequestPerCall() {
    resetCounts();
    UserProfile read = getProfile();
    updateProfile();
    rawGetItem();
    rawUpdateItem();
    checkOneRequestPerCall();
    if (!profileKitRequests.operations().equals(List.of("GetItem", "UpdateItem"))
        || !rawRequests.operations().equals(List.of("GetItem", "UpdateItem"))) {
      throw new IllegalStateException("expected GetItem then UpdateItem on each side, got ProfileKit "
          + profileKitRequests.operations() + " and raw " + rawRequests.operations());
    }
    resetCounts();
    return read;
  }

  /**
   * Runs the four calls round-robin for a while and forgets the counts: warms up this JVM and,
   * on dynalite, the emulator's own JIT, so that whichever benchmark a fork runs meets an emulator
   * in the same, warm state (a fresh dynalite was measured still getting faster after 8 s of JMH
   * warm-up with one call only).
   *
   * @param millis how long; nothing in a smoke run
   */
  void warmUp(long millis) {
    if (Boolean.getBoolean(PerformanceReport.SMOKE_PROPERTY)) {
      return;
    }
    long end = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < end) {
      getProfile();
      rawGetItem();
      updateProfile();
      rawUpdateItem();
    }
    checkOneRequestPerCall();
    resetCounts();
  }

  UserProfile getProfile() {
    profileKitGets++;
    return service.getProfile(user);
  }

  UserProfile updateProfile() {
    profileKitUpdates++;
    return service.updateProfile(user, patch);
  }

  Map<String, AttributeValue> rawGetItem() {
    rawGets++;
    return rawDynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
  }

  Map<String, AttributeValue> rawUpdateItem() {
    rawUpdates++;
    return rawDynamoDb.updateItem(b -> b
            .tableName(table)
            .key(key)
            .updateExpression("SET #v = #v + :one, #u = :now, #d = :d, #p.#theme = :theme")
            .conditionExpression("attribute_exists(#v)")
            .expressionAttributeNames(Map.of(
                "#v", "version", "#u", "updatedAt", "#d", "displayName", "#p", "preferences", "#theme", "theme"))
            .expressionAttributeValues(Map.of(
                ":one", AttributeValue.fromN("1"),
                ":now", AttributeValue.fromS(Instant.now().toString()),
                ":d", AttributeValue.fromS("Ada L."),
                ":theme", AttributeValue.fromS("dark")))
            .returnValues(ReturnValue.ALL_NEW))
        .attributes();
  }

  /** Forgets the calls and requests counted so far. */
  void resetCounts() {
    profileKitRequests.reset();
    rawRequests.reset();
    profileKitGets = 0;
    profileKitUpdates = 0;
    rawGets = 0;
    rawUpdates = 0;
  }

  /**
   * Checks that every call since the last reset sent exactly one request of its own operation.
   *
   * @throws IllegalStateException naming the side and the counts otherwise
   */
  void checkOneRequestPerCall() {
    check("ProfileKit", profileKitRequests, profileKitGets, profileKitUpdates);
    check("raw DynamoDbClient", rawRequests, rawGets, rawUpdates);
  }

  private static void check(String side, RequestCounter requests, long gets, long updates) {
    List<String> operations = requests.operations();
    long getItems = operations.stream().filter("GetItem"::equals).count();
    long updateItems = operations.stream().filter("UpdateItem"::equals).count();
    if (getItems != gets || updateItems != updates || operations.size() != gets + updates) {
      throw new IllegalStateException(side + ": " + gets + " reads and " + updates + " updates sent " + getItems
          + " GetItem, " + updateItems + " UpdateItem and " + (operations.size() - getItems - updateItems) + " other requests");
    }
  }

  @Override
  public void close() {
    service.close();
    profileKitDynamoDb.close();
    rawDynamoDb.close();
  }
}

package dev.profilekit.benchmarks.profiles;

import dev.profilekit.AuthSession;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.FieldValue;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenUse;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.benchmarks.PerformanceReport;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 *
 * <p>With {@link #signInTokenUser}, two more: {@code verifyAndUpdateProfile} with a real ID token
 * of a signed-in user, and the raw {@code UpdateItem} of the same patch under the same condition
 * clause ProfileKit adds for the token (not deleted, not signed out since the token's {@code iat}).
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
  private String idToken;
  private VerifiedUser tokenUser;
  private Map<String, AttributeValue> tokenUserKey;

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
   * Signs up and signs in a user (cognito-local), stores their profile and keeps their ID token,
   * so that {@link #verifyAndUpdateProfile} and {@link #rawConditionalUpdateItem} can run. The
   * token is verified once here, which fetches the pool's keys; later verifications answer from
   * the verified-token cache, as for a client sending its token again.
   *
   * @param env the environment whose pool the user joins
   */
  void signInTokenUser(EmulatorEnvironment env) {
    String email = "bench+" + UUID.randomUUID() + "@example.com";
    String password = "Bench-Pa55word!";
    env.createConfirmedUser(email, password, Map.of("given_name", "Ada"));
    AuthSession session = service.signIn(email, password).sessionOrThrow();
    idToken = session.idToken();
    tokenUser = service.verify(idToken);
    tokenUserKey = Map.of("userId", AttributeValue.fromS(tokenUser.userId()));
    service.updateProfile(tokenUser, patch);
    if (!service.getProfile(tokenUser).isStored()) {
      throw new IllegalStateException("the token user's profile was not stored");
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
    List<String> expected = List.of("GetItem", "UpdateItem");
    if (idToken != null) {
      verifyAndUpdateProfile();
      rawConditionalUpdateItem();
      expected = List.of("GetItem", "UpdateItem", "UpdateItem");
    }
    checkOneRequestPerCall();
    if (!profileKitRequests.operations().equals(expected) || !rawRequests.operations().equals(expected)) {
      throw new IllegalStateException("expected " + expected + " on each side, got ProfileKit "
          + profileKitRequests.operations() + " and raw " + rawRequests.operations());
    }
    resetCounts();
    return read;
  }

  /**
   * Runs every call round-robin for a while and forgets the counts: warms up this JVM and,
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
      if (idToken != null) {
        verifyAndUpdateProfile();
        rawConditionalUpdateItem();
      }
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

  UserProfile verifyAndUpdateProfile() {
    profileKitUpdates++;
    return service.verifyAndUpdateProfile(idToken, patch);
  }

  /**
   * The raw UpdateItem of {@link #rawUpdateItem} on the token user's item, with the condition
   * ProfileKit's {@code verifyAndUpdateProfile} adds for a token without {@code origin_jti} (as
   * cognito-local issues them): no deletion tombstone, no sign-out at or after the token's issue.
   */
  Map<String, AttributeValue> rawConditionalUpdateItem() {
    rawUpdates++;
    return rawDynamoDb.updateItem(b -> b
            .tableName(table)
            .key(tokenUserKey)
            .updateExpression("SET #v = #v + :one, #u = :now, #d = :d, #p.#theme = :theme")
            .conditionExpression("attribute_exists(#v) AND attribute_not_exists(#del) AND (attribute_not_exists(#tva) OR #tva < :iat)")
            .expressionAttributeNames(Map.of(
                "#v", "version", "#u", "updatedAt", "#d", "displayName", "#p", "preferences", "#theme", "theme",
                "#del", "accountDeletedAt", "#tva", "tokensValidAfter"))
            .expressionAttributeValues(Map.of(
                ":one", AttributeValue.fromN("1"),
                ":now", AttributeValue.fromS(Instant.now().toString()),
                ":d", AttributeValue.fromS("Ada L."),
                ":theme", AttributeValue.fromS("dark"),
                ":iat", AttributeValue.fromN(Long.toString(tokenUser.issuedAt().getEpochSecond() * 1000L))))
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

package dev.profilekit.aws.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.IdentityProvider;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.dynamodb.ProfileStore;
import dev.profilekit.aws.emulators.EmulatorEnvironment;
import dev.profilekit.aws.emulators.WithEmulators;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The backfill against cognito-local and dynalite with 2,000 users. The users are written in bulk
 * into a cognito-local of this class's own before it starts ({@link SeededCognitoLocal}: creating
 * them one by one through the API is quadratic in cognito-local). cognito-local returns every user
 * in one {@code ListUsers} answer, so the Cognito client here carries {@link
 * CognitoListUsersPaging}, which pages that answer exactly as Cognito does (60 per page).
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileBackfillIT {

  private static final int USERS = 2_000;
  private static final int PAGES = (USERS + 59) / 60;

  private static final String POOL_ID = "local_backfill2k";

  private EmulatorEnvironment env;
  private SeededCognitoLocal cognitoLocal;
  private List<String> subs;
  private int tables;

  @BeforeAll
  void createUsers(EmulatorEnvironment env) throws Exception {
    this.env = env;
    List<SeededCognitoLocal.SeedUser> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String sub = UUID.nameUUIDFromBytes(("backfill-user-" + i).getBytes(StandardCharsets.UTF_8)).toString();
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("email_verified", "true");
      attributes.put("given_name", "Given" + i);
      attributes.put("family_name", "Family" + i);
      // Every tenth user signed in with Google.
      if (i % 10 == 0) {
        attributes.put("identities", PoolFixture.GOOGLE_IDENTITIES);
      }
      users.add(new SeededCognitoLocal.SeedUser(sub, "user" + i + "@example.com", i % 10 == 0 ? "EXTERNAL_PROVIDER" : "CONFIRMED", attributes));
    }
    this.subs = users.stream().map(SeededCognitoLocal.SeedUser::sub).toList();
    this.cognitoLocal = SeededCognitoLocal.start(POOL_ID, users);
  }

  @AfterAll
  void stopCognito() {
    if (cognitoLocal != null) {
      cognitoLocal.close();
    }
  }

  private String freshTable() {
    return env.createProfileTable(env.tableName() + "-" + (++tables));
  }

  private final List<CognitoIdentityProviderClient> clients = new ArrayList<>();

  private CognitoIdentityProviderClient pagedCognito(ExecutionInterceptor... more) {
    List<ExecutionInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new CognitoListUsersPaging());
    interceptors.addAll(List.of(more));
    CognitoIdentityProviderClient client = cognitoLocal.client(interceptors.toArray(ExecutionInterceptor[]::new));
    clients.add(client);
    return client;
  }

  @AfterAll
  void closeClients() {
    clients.forEach(CognitoIdentityProviderClient::close);
  }

  private ProfileBackfill.Builder backfill(CognitoIdentityProviderClient cognito, DynamoDbClient dynamoDb, String table) {
    return ProfileBackfill.builder()
        .cognito(cognito)
        .userPoolId(POOL_ID)
        .dynamoDb(dynamoDb)
        .tableName(table)
        .requestsPerSecond(1000)
        .writeConcurrency(16);
  }

  @Test
  void backfillCopiesEveryUserExactlyOnce() {
    String table = freshTable();
    CognitoListUsersPaging paging = new CognitoListUsersPaging();
    CognitoIdentityProviderClient cognito = cognitoLocal.client(paging);
    clients.add(cognito);
    List<BackfillProgress> progress = new ArrayList<>();

    BackfillSummary summary = backfill(cognito, env.dynamoDb(), table).progressListener(progress::add).build().run();

    List<String> ids = PoolFixture.profileIds(env.dynamoDb(), table);
    assertThat(ids).hasSize(USERS).containsExactlyInAnyOrderElementsOf(subs);
    assertThat(summary.seen()).isEqualTo(USERS);
    assertThat(summary.created()).isEqualTo(USERS);
    assertThat(summary.alreadyPresent() + summary.skipped() + summary.failed()).isZero();
    assertThat(summary.pages()).isEqualTo(PAGES);
    assertThat(paging.pagesServed()).isEqualTo(PAGES);
    assertThat(progress).hasSize(PAGES);
    assertThat(progress.get(PAGES - 1).usersDone()).isEqualTo(USERS);
    // Stored in the service's own item format: the service reads back what the backfill wrote.
    UserProfile google = ProfileStore.builder().dynamoDb(env.dynamoDb()).tableName(table).build()
        .read(subs.get(0)).profile().orElseThrow();
    assertThat(google.givenName()).contains("Given0");
    assertThat(google.displayName()).contains("Given0 Family0");
    assertThat(google.emailVerified()).isTrue();
    assertThat(google.version()).isEqualTo(1);
    assertThat(google.linkedIdentities()).singleElement()
        .satisfies(identity -> assertThat(identity.provider()).isEqualTo(IdentityProvider.GOOGLE));
  }

  @Test
  void editedProfilesAreLeftByteForByteUnchanged() {
    String table = freshTable();
    Map<String, Map<String, AttributeValue>> edited = new HashMap<>();
    for (String sub : subs.subList(0, 50)) {
      Map<String, AttributeValue> item = Map.of(
          "userId", AttributeValue.fromS(sub),
          "displayName", AttributeValue.fromS("Edited by the user"),
          "version", AttributeValue.fromN("7"),
          "preferences", AttributeValue.fromM(Map.of("theme", AttributeValue.fromS("dark"))));
      env.dynamoDb().putItem(b -> b.tableName(table).item(item));
      edited.put(sub, item);
    }

    BackfillSummary summary = backfill(pagedCognito(), env.dynamoDb(), table).build().run();

    edited.forEach((sub, item) -> assertThat(PoolFixture.item(env.dynamoDb(), table, sub)).isEqualTo(item));
    assertThat(summary.alreadyPresent()).isEqualTo(50);
    assertThat(summary.created()).isEqualTo(USERS - 50);
    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(USERS);
  }

  @Test
  void failureAfterSomePagesThenResumeCopiesEveryUserExactlyOnce() {
    String table = freshTable();
    ProfileBackfill failing = backfill(pagedCognito(new FailOnCall("ListUsers", 6)), env.dynamoDb(), table).build();

    assertThatThrownBy(failing::run).isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("ListUsers");
    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(5 * 60);

    BackfillSummary summary = backfill(pagedCognito(), env.dynamoDb(), table).build().resume();

    List<String> ids = PoolFixture.profileIds(env.dynamoDb(), table);
    assertThat(ids).hasSize(USERS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subs);
    assertThat(summary.seen()).isEqualTo(USERS);
    assertThat(summary.created()).isEqualTo(USERS);
    assertThat(summary.pages()).isEqualTo(PAGES);
    assertThat(summary.completed()).isTrue();
  }

  @Test
  void writeFailureMidPageThenResumeCountsEachUserOnce() {
    String table = freshTable();
    DynamoDbClient failingDynamo = env.dynamoDb(new FailOnCall("UpdateItem", 150));
    ProfileBackfill failing = backfill(pagedCognito(), failingDynamo, table).build();

    assertThatThrownBy(failing::run).isInstanceOf(ProfileKitException.class).hasMessageContaining("UpdateItem");

    BackfillSummary summary = backfill(pagedCognito(), env.dynamoDb(), table).build().resume();

    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(USERS).doesNotHaveDuplicates();
    assertThat(summary.seen()).isEqualTo(USERS);
    assertThat(summary.created() + summary.alreadyPresent()).isEqualTo(USERS);
    assertThat(summary.failed()).isZero();
  }

  @Test
  void secondFullRunCreatesNothingAndFindsEveryoneAlreadyPresent() {
    String table = freshTable();
    backfill(pagedCognito(), env.dynamoDb(), table).build().run();

    BackfillSummary second = backfill(pagedCognito(), env.dynamoDb(), table).build().run();

    assertThat(second.created()).isZero();
    assertThat(second.alreadyPresent()).isEqualTo(USERS);
    assertThat(second.seen()).isEqualTo(USERS);
    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(USERS);
  }
}

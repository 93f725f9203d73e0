package dev.profilekit.aws.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.IdentityProvider;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The backfill against cognito-local and dynalite with 2,000 users, 50 of whom already have a
 * profile they edited. The users are written in bulk into a cognito-local of this class's own
 * before it starts ({@link SeededCognitoLocal}: creating them one by one through the API is
 * quadratic in cognito-local). cognito-local returns every user in one {@code ListUsers} answer,
 * so the Cognito clients here carry {@link CognitoListUsersPaging}, which pages that answer
 * exactly as Cognito does (60 per page, 34 pages).
 *
 * <p>One backfill runs before the tests, into a table shared by the tests that only read it; the
 * tests that run the job again use a table of their own. Smaller-pool behaviour (filter, dry run,
 * a write failing mid-page, file checkpoints) is in {@link BackfillOptionsIT}.
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileBackfillIT {

  private static final int USERS = 2_000;
  private static final int EDITED = 50;
  private static final int PAGES = (USERS + 59) / 60;
  private static final String POOL_ID = "local_backfill2k";

  private final List<CognitoIdentityProviderClient> clients = new ArrayList<>();
  private final Map<String, Map<String, AttributeValue>> editedItems = new HashMap<>();
  private final List<BackfillProgress> progress = new ArrayList<>();
  private EmulatorEnvironment env;
  private SeededCognitoLocal cognitoLocal;
  private List<String> subs;
  private String sharedTable;
  private BackfillSummary firstRun;
  private CognitoListUsersPaging firstRunPaging;
  private int tables;

  @BeforeAll
  void createUsersAndRunTheBackfillOnce(EmulatorEnvironment env) throws Exception {
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

    sharedTable = freshTable();
    // Users 1000 to 1049 edited their profile (through the service) before the backfill ran.
    for (String sub : subs.subList(1000, 1000 + EDITED)) {
      Map<String, AttributeValue> item = Map.of(
          "userId", AttributeValue.fromS(sub),
          "displayName", AttributeValue.fromS("Edited by the user"),
          "version", AttributeValue.fromN("7"),
          "preferences", AttributeValue.fromM(Map.of("theme", AttributeValue.fromS("dark"))));
      env.dynamoDb().putItem(b -> b.tableName(sharedTable).item(item));
      editedItems.put(sub, item);
    }
    firstRunPaging = new CognitoListUsersPaging();
    CognitoIdentityProviderClient cognito = cognitoLocal.client(firstRunPaging);
    clients.add(cognito);
    firstRun = backfill(cognito, sharedTable).progressListener(progress::add).build().run();
  }

  @AfterAll
  void stop() {
    clients.forEach(CognitoIdentityProviderClient::close);
    if (cognitoLocal != null) {
      cognitoLocal.close();
    }
  }

  private String freshTable() {
    return env.createProfileTable(env.tableName() + "-" + (++tables));
  }

  private CognitoIdentityProviderClient pagedCognito(ExecutionInterceptor... more) {
    List<ExecutionInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new CognitoListUsersPaging());
    interceptors.addAll(List.of(more));
    CognitoIdentityProviderClient client = cognitoLocal.client(interceptors.toArray(ExecutionInterceptor[]::new));
    clients.add(client);
    return client;
  }

  private ProfileBackfill.Builder backfill(CognitoIdentityProviderClient cognito, String table) {
    return ProfileBackfill.builder()
        .cognito(cognito)
        .userPoolId(POOL_ID)
        .dynamoDb(env.dynamoDb())
        .tableName(table)
        .requestsPerSecond(1000)
        .writeConcurrency(16);
  }

  @Test
  void everyUserIsPresentExactlyOnce() {
    List<String> ids = PoolFixture.profileIds(env.dynamoDb(), sharedTable);

    assertThat(ids).hasSize(USERS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subs);
  }

  @Test
  void summaryCountsAddUpAndEveryPageIsReported() {
    assertThat(firstRun.seen()).isEqualTo(USERS);
    assertThat(firstRun.created()).isEqualTo(USERS - EDITED);
    assertThat(firstRun.alreadyPresent()).isEqualTo(EDITED);
    assertThat(firstRun.skipped() + firstRun.failed()).isZero();
    assertThat(firstRun.pages()).isEqualTo(PAGES);
    assertThat(firstRun.completed()).isTrue();
    assertThat(firstRunPaging.pagesServed()).isEqualTo(PAGES);
    assertThat(progress).hasSize(PAGES);
    assertThat(progress).extracting(BackfillProgress::usersDone).isSorted().endsWith((long) USERS);
  }

  @Test
  void editedProfilesAreLeftByteForByteUnchanged() {
    editedItems.forEach((sub, item) -> assertThat(PoolFixture.item(env.dynamoDb(), sharedTable, sub)).isEqualTo(item));
  }

  @Test
  void createdProfilesAreInTheServicesOwnItemFormat() {
    UserProfile google = ProfileStore.builder().dynamoDb(env.dynamoDb()).tableName(sharedTable).build()
        .read(subs.get(0)).profile().orElseThrow();

    assertThat(google.givenName()).contains("Given0");
    assertThat(google.displayName()).contains("Given0 Family0");
    assertThat(google.email()).contains("user0@example.com");
    assertThat(google.emailVerified()).isTrue();
    assertThat(google.version()).isEqualTo(1);
    assertThat(google.linkedIdentities()).singleElement()
        .satisfies(identity -> assertThat(identity.provider()).isEqualTo(IdentityProvider.GOOGLE));
  }

  @Test
  void secondFullRunCreatesNothingAndFindsEveryoneAlreadyPresent() {
    BackfillSummary second = backfill(pagedCognito(), sharedTable).jobName("second-run").build().run();

    assertThat(second.created()).isZero();
    assertThat(second.alreadyPresent()).isEqualTo(USERS);
    assertThat(second.seen()).isEqualTo(USERS);
    assertThat(PoolFixture.profileIds(env.dynamoDb(), sharedTable)).hasSize(USERS);
    editedItems.forEach((sub, item) -> assertThat(PoolFixture.item(env.dynamoDb(), sharedTable, sub)).isEqualTo(item));
  }

  @Test
  void failureAfterSomePagesThenResumeCopiesEveryUserExactlyOnce() {
    String table = freshTable();
    ProfileBackfill failing = backfill(pagedCognito(new FailOnCall("ListUsers", 6)), table).build();

    assertThatThrownBy(failing::run).isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("ListUsers");
    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(5 * 60);

    BackfillSummary summary = backfill(pagedCognito(), table).build().resume();

    List<String> ids = PoolFixture.profileIds(env.dynamoDb(), table);
    assertThat(ids).hasSize(USERS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subs);
    assertThat(summary.seen()).isEqualTo(USERS);
    assertThat(summary.created()).isEqualTo(USERS);
    assertThat(summary.pages()).isEqualTo(PAGES);
    assertThat(summary.completed()).isTrue();
  }
}

package dev.profilekit.aws.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.aws.emulators.EmulatorEnvironment;
import dev.profilekit.aws.emulators.WithEmulators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The backfill against cognito-local and dynalite with 2,000 users. cognito-local returns every
 * user in one {@code ListUsers} answer, so the Cognito client here carries {@link
 * CognitoListUsersPaging}, which pages that answer exactly as Cognito does (60 per page).
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileBackfillIT {

  private static final int USERS = 2_000;
  private static final int PAGES = (USERS + 59) / 60;

  private EmulatorEnvironment env;
  private List<String> subs;
  private int tables;

  @BeforeAll
  void createUsers(EmulatorEnvironment env) throws Exception {
    this.env = env;
    long start = System.nanoTime();
    this.subs = PoolFixture.createUsers(env, "user", USERS);
    System.out.printf("created %d users in %d ms%n", USERS, (System.nanoTime() - start) / 1_000_000);
  }

  private String freshTable() {
    return env.createProfileTable(env.tableName() + "-" + (++tables));
  }

  private CognitoIdentityProviderClient pagedCognito(ExecutionInterceptor... more) {
    List<ExecutionInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new CognitoListUsersPaging());
    interceptors.addAll(List.of(more));
    return env.cognito(interceptors.toArray(ExecutionInterceptor[]::new));
  }

  private ProfileBackfill.Builder backfill(CognitoIdentityProviderClient cognito, DynamoDbClient dynamoDb, String table) {
    return ProfileBackfill.builder()
        .cognito(cognito)
        .userPoolId(env.userPoolId())
        .dynamoDb(dynamoDb)
        .tableName(table)
        .requestsPerSecond(1000)
        .writeConcurrency(16);
  }

  @Test
  void backfillCopiesEveryUserExactlyOnce() {
    String table = freshTable();
    CognitoListUsersPaging paging = new CognitoListUsersPaging();
    List<BackfillProgress> progress = new ArrayList<>();

    BackfillSummary summary = backfill(env.cognito(paging), env.dynamoDb(), table).progressListener(progress::add).build().run();

    List<String> ids = PoolFixture.profileIds(env.dynamoDb(), table);
    assertThat(ids).hasSize(USERS).containsExactlyInAnyOrderElementsOf(subs);
    assertThat(summary.seen()).isEqualTo(USERS);
    assertThat(summary.created()).isEqualTo(USERS);
    assertThat(summary.alreadyPresent() + summary.skipped() + summary.failed()).isZero();
    assertThat(summary.pages()).isEqualTo(PAGES);
    assertThat(paging.pagesServed()).isEqualTo(PAGES);
    assertThat(progress).hasSize(PAGES);
    assertThat(progress.get(PAGES - 1).usersDone()).isEqualTo(USERS);
    System.out.println(summary);
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
    DynamoDbClient failingDynamo = env.dynamoDb(new FailOnCall("PutItem", 150));
    ProfileBackfill failing = backfill(pagedCognito(), failingDynamo, table).build();

    assertThatThrownBy(failing::run).isInstanceOf(ProfileKitException.class).hasMessageContaining("PutItem");

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

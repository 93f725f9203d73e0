package dev.profilekit.aws.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.dynamodb.internal.StoredItem;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The backfill's options on a small pool: filter, dry run, failures, file checkpoints, resume
 * rules and progress. 20 users waiting for a first password, 5 confirmed email users, 1 user
 * ({@code broken@example.com}) whose {@code identities} attribute is not JSON.
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillOptionsIT {

  private static final int PENDING = 20;
  private static final int CONFIRMED = 5;
  private static final int ALL = PENDING + CONFIRMED + 1;

  private EmulatorEnvironment env;
  private String brokenSub;
  private int tables;

  @BeforeAll
  void createUsers(EmulatorEnvironment env) throws Exception {
    this.env = env;
    PoolFixture.createUsers(env, "pending", PENDING);
    for (int i = 0; i < CONFIRMED; i++) {
      env.createConfirmedUser("confirmed" + i + "@example.com", "Passw0rd!long", Map.of("name", "Confirmed " + i));
    }
    brokenSub = env.cognito().adminCreateUser(b -> b.userPoolId(env.userPoolId()).username("broken@example.com")
            .messageAction(MessageActionType.SUPPRESS)
            .userAttributes(PoolFixture.attribute("email", "broken@example.com"), PoolFixture.attribute("identities", "{not json")))
        .user().attributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
  }

  private String freshTable() {
    return env.createProfileTable(env.tableName() + "-" + (++tables));
  }

  private ProfileBackfill.Builder backfill(CognitoIdentityProviderClient cognito, String table) {
    return ProfileBackfill.builder().cognito(cognito).userPoolId(env.userPoolId()).dynamoDb(env.dynamoDb()).tableName(table)
        .requestsPerSecond(1000).pageSize(5);
  }

  private CognitoIdentityProviderClient paged(ExecutionInterceptor... more) {
    List<ExecutionInterceptor> interceptors = new ArrayList<>(List.of(new CognitoListUsersPaging()));
    interceptors.addAll(List.of(more));
    return env.cognito(interceptors.toArray(ExecutionInterceptor[]::new));
  }

  @Test
  void confirmedFilterCopiesOnlyUsersWhoCanSignInAndCountsTheRestAsSkipped() {
    String table = freshTable();

    BackfillSummary summary = backfill(paged(), table).filter(BackfillFilter.confirmedOnly()).build().run();

    assertThat(summary.created()).isEqualTo(CONFIRMED);
    assertThat(summary.skipped()).isEqualTo(PENDING + 1);
    assertThat(summary.seen()).isEqualTo(ALL);
    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(CONFIRMED);
  }

  @Test
  void userWithUnreadableIdentitiesGetsAProfileWithoutThemAsInTheFallback() {
    String table = freshTable();

    BackfillSummary summary = backfill(paged(), table).build().run();

    assertThat(summary.created()).isEqualTo(ALL);
    assertThat(store(table).read(brokenSub).profile()).hasValueSatisfying(profile -> {
      assertThat(profile.email()).contains("broken@example.com");
      assertThat(profile.linkedIdentities()).isEmpty();
    });
  }

  @Test
  void itemDynamoDbRefusesFailsThatUserByIdAndTheOthersAreCopied() {
    String table = freshTable();
    ProfileBackfill backfill = ProfileBackfill.builder().cognito(paged()).userPoolId(env.userPoolId())
        .dynamoDb(env.dynamoDb(new OversizedItemFor("broken@example.com"))).tableName(table).requestsPerSecond(1000).pageSize(5).build();

    BackfillSummary summary = backfill.run();

    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.userId()).isEqualTo(brokenSub);
      assertThat(failure.reason()).contains("max-item-size").doesNotContain("xxxx");
    });
    assertThat(summary.created()).isEqualTo(ALL - 1);
    assertThat(summary.seen()).isEqualTo(summary.created() + summary.alreadyPresent() + summary.skipped() + summary.failed());
  }

  @Test
  void userWithOnlyASignOutRecordGetsAProfileAndKeepsTheRecord() {
    String table = freshTable();
    Instant signedOut = Instant.parse("2026-11-20T08:00:00Z");
    store(table).recordSignOut(brokenSub, signedOut);

    BackfillSummary summary = backfill(paged(), table).build().run();

    assertThat(summary.created()).isEqualTo(ALL);
    StoredItem item = store(table).read(brokenSub);
    assertThat(item.profile()).isPresent();
    assertThat(item.tokensValidAfter()).contains(signedOut);
  }

  @Test
  void dryRunWritesNothingAndCountsWhatItWouldCreate() {
    String table = freshTable();
    String existing = firstSub();
    env.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("userId", AttributeValue.fromS(existing), "version", AttributeValue.fromN("2"))));

    BackfillSummary summary = backfill(paged(), table).dryRun(true).build().run();

    assertThat(summary.dryRun()).isTrue();
    assertThat(summary.created()).isEqualTo(ALL - 1);
    assertThat(summary.alreadyPresent()).isEqualTo(1);
    assertThat(env.dynamoDb().scan(b -> b.tableName(table)).count()).isEqualTo(1);
  }

  @Test
  void checkpointInAFileLetsResumeFinishTheJob(@TempDir Path folder) {
    String table = freshTable();
    Path file = folder.resolve("nightly.json");
    BackfillCheckpointStore store = BackfillCheckpointStore.inFile(file);

    assertThatThrownBy(() -> backfill(paged(new FailOnCall("ListUsers", 3)), table).jobName("nightly").checkpointStore(store).build().run())
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(store.load("nightly").orElseThrow().pages()).isEqualTo(2);

    BackfillSummary summary = backfill(paged(), table).jobName("nightly").checkpointStore(store).build().resume();

    assertThat(summary.seen()).isEqualTo(ALL);
    assertThat(summary.created()).isEqualTo(ALL);
    assertThat(store.load("nightly").orElseThrow().completed()).isTrue();
    assertThat(Files.exists(file)).isTrue();
    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(ALL);
  }

  @Test
  void writeFailureMidPageThenResumeCountsEachUserOnce() {
    String table = freshTable();
    // The 8th PutItem fails: page 1 (5 profile puts, then the checkpoint's put) is complete and
    // checkpointed, page 2 is not.
    ProfileBackfill failing = ProfileBackfill.builder().cognito(paged()).userPoolId(env.userPoolId())
        .dynamoDb(env.dynamoDb(new FailOnCall("PutItem", 8))).tableName(table).requestsPerSecond(1000).pageSize(5).build();

    assertThatThrownBy(failing::run).isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("PutItem");
    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSizeGreaterThan(5).hasSizeLessThan(10);

    BackfillSummary summary = backfill(paged(), table).build().resume();

    assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(ALL).doesNotHaveDuplicates();
    assertThat(summary.seen()).isEqualTo(ALL);
    assertThat(summary.created() + summary.alreadyPresent()).isEqualTo(ALL);
    assertThat(summary.alreadyPresent()).isPositive();
    assertThat(summary.failed()).isZero();
  }

  @Test
  void throttledListUsersStopsTheJobWithThrottledExceptionAndResumeFinishesIt() {
    String table = freshTable();
    FailOnCall throttled = new FailOnCall("ListUsers", 2, () -> TooManyRequestsException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").errorMessage("Rate exceeded").build()).build());

    assertThatThrownBy(() -> backfill(paged(throttled), table).build().run())
        .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("ListUsers");
    BackfillSummary summary = backfill(paged(), table).build().resume();

    assertThat(summary.seen()).isEqualTo(ALL);
    assertThat(summary.created()).isEqualTo(ALL);
  }

  @Test
  void throttledWritesStopTheJobInsteadOfFailingUserAfterUser() {
    String table = freshTable();
    FailOnCall throttled = new FailOnCall("PutItem", 3, () -> ProvisionedThroughputExceededException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build());
    ProfileBackfill job = ProfileBackfill.builder().cognito(paged()).userPoolId(env.userPoolId())
        .dynamoDb(env.dynamoDb(throttled)).tableName(table).requestsPerSecond(1000).pageSize(5).build();

    assertThatThrownBy(job::run).isInstanceOf(ThrottledException.class).hasMessageContaining("PutItem");
    assertThat(BackfillCheckpointStore.inTable(env.dynamoDb(), table).load(ProfileBackfill.DEFAULT_JOB_NAME)).isEmpty();
  }

  @Test
  void resumingACompletedJobReturnsItsSummaryWithoutListingUsers() {
    String table = freshTable();
    BackfillSummary first = backfill(paged(), table).build().run();
    RequestCounter requests = new RequestCounter();

    BackfillSummary again = backfill(paged(requests), table).build().resume();

    assertThat(requests.operations()).doesNotContain("ListUsers");
    assertThat(again.created()).isEqualTo(first.created());
    assertThat(again.completed()).isTrue();
  }

  @Test
  void checkpointOfAnotherUserPoolIsNotResumed() {
    String table = freshTable();
    backfill(paged(), table).build().run();

    ProfileBackfill otherPool = ProfileBackfill.builder().cognito(paged()).userPoolId("local_other").dynamoDb(env.dynamoDb())
        .tableName(table).build();

    assertThatThrownBy(otherPool::resume)
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("same-user-pool"));
  }

  @Test
  void checkpointLivesUnderTheReservedKeyInTheTable() {
    String table = freshTable();

    backfill(paged(), table).jobName("weekly").build().run();

    Map<String, AttributeValue> item = PoolFixture.item(env.dynamoDb(), table, BackfillCheckpointStore.TABLE_KEY_PREFIX + "weekly");
    assertThat(item).containsEntry("recordType", AttributeValue.fromS("backfill-checkpoint"))
        .containsEntry("completed", AttributeValue.fromBool(true))
        .doesNotContainKey("version");
  }

  @Test
  void progressReportsEachPageWithAnEstimateFromThePoolSize() {
    String table = freshTable();
    List<BackfillProgress> progress = new ArrayList<>();
    // cognito-local reports EstimatedNumberOfUsers 0; AWS reports the pool's approximate size.
    ExecutionInterceptor estimate = new ExecutionInterceptor() {
      @Override
      public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof DescribeUserPoolResponse response) {
          return response.toBuilder().userPool(response.userPool().toBuilder().estimatedNumberOfUsers(ALL).build()).build();
        }
        return context.response();
      }
    };

    backfill(paged(estimate), table).progressListener(progress::add).build().run();

    assertThat(progress).hasSize((ALL + 4) / 5);
    assertThat(progress).extracting(BackfillProgress::usersDone).isSorted().endsWith((long) ALL);
    assertThat(progress.get(0).estimatedTotalUsers()).contains((long) ALL);
    assertThat(progress.get(0).estimatedTimeLeft()).isPresent();
    assertThat(progress.get(progress.size() - 1).estimatedTimeLeft()).hasValueSatisfying(left -> assertThat(left).isZero());
  }

  private ProfileStore store(String table) {
    return ProfileStore.builder().dynamoDb(env.dynamoDb()).tableName(table).build();
  }

  private String firstSub() {
    return env.cognito().listUsers(b -> b.userPoolId(env.userPoolId())).users().stream()
        .filter(u -> !u.username().equals(brokenSub))
        .flatMap(u -> u.attributes().stream()).filter(a -> a.name().equals("sub")).map(a -> a.value())
        .filter(sub -> !sub.equals(brokenSub)).findFirst().orElseThrow();
  }
}

package dev.profilekit.aws.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class BackfillValuesTest {

  @Test
  void summaryWhoseCountsDoNotAddUpCannotBeBuilt() {
    assertThatThrownBy(() -> BackfillSummary.builder().jobName("j").seen(10).created(5).alreadyPresent(2).skipped(1).failed(1)
            .pages(1).completed(true).elapsed(Duration.ZERO).build())
        .isInstanceOfSatisfying(dev.profilekit.InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("consistent"));
  }

  @Test
  void summaryLineShowsTheEquation() {
    BackfillSummary summary = BackfillSummary.builder().jobName("nightly").seen(10).created(5).alreadyPresent(2).skipped(2).failed(1)
        .addFailure(BackfillFailure.of("sub-1", "the user has no sub attribute")).pages(1).completed(true)
        .elapsed(Duration.ofMillis(1500)).build();

    assertThat(summary.toString()).isEqualTo(
        "nightly: seen 10 = created 5 + already present 2 + skipped 2 + failed 1, 1 pages, complete in 1.5 s");
  }

  @Test
  void dryRunSummarySaysNothingWasWrittenAndWhatWouldBeCreated() {
    BackfillSummary summary = BackfillSummary.builder().jobName("nightly").dryRun(true).seen(3).created(3).alreadyPresent(0)
        .skipped(0).failed(0).pages(1).completed(true).elapsed(Duration.ofMillis(200)).build();

    assertThat(summary.toString()).isEqualTo(
        "nightly (dry run, nothing written): seen 3 = would create 3 + already present 0 + skipped 0 + failed 0, 1 pages, complete in 0.2 s");
  }

  @Test
  void dryRunProgressLineSaysWouldCreate() {
    BackfillProgress progress = BackfillProgress.builder().dryRun(true).usersDone(3).created(2).alreadyPresent(1).skipped(0).failed(0)
        .pages(1).usersPerSecond(30).build();

    assertThat(progress.toLine()).isEqualTo("3 users (would create 2, present 1, skipped 0, failed 0), 30.0 users/s");
  }

  @Test
  void progressLineEstimatesTheTimeLeft() {
    BackfillProgress progress = BackfillProgress.builder().usersDone(1200).created(1000).alreadyPresent(200).skipped(0).failed(0)
        .pages(20).usersPerSecond(250).estimatedTotalUsers(10_000L).estimatedTimeLeft(Duration.ofSeconds(35)).build();

    assertThat(progress.toLine()).isEqualTo(
        "1,200 / ~10,000 users (created 1,000, present 200, skipped 0, failed 0), 250.0 users/s, about 35 s left");
  }

  @Test
  void filterParsesTheCliForms() {
    UserType confirmed = UserType.builder().userStatus(UserStatusType.CONFIRMED).enabled(true).build();
    UserType google = UserType.builder().userStatus(UserStatusType.EXTERNAL_PROVIDER).enabled(true).build();
    UserType pending = UserType.builder().userStatus(UserStatusType.FORCE_CHANGE_PASSWORD).enabled(true).build();
    UserType disabled = UserType.builder().userStatus(UserStatusType.CONFIRMED).enabled(false).build();

    assertThat(BackfillFilter.parse("confirmed").test(google)).isTrue();
    assertThat(BackfillFilter.parse("confirmed").test(pending)).isFalse();
    assertThat(BackfillFilter.parse("confirmed").test(disabled)).isFalse();
    assertThat(BackfillFilter.parse("status=confirmed").test(confirmed)).isTrue();
    assertThat(BackfillFilter.parse("status=confirmed").test(google)).isFalse();
    assertThat(BackfillFilter.parse("enabled").test(disabled)).isFalse();
    assertThat(BackfillFilter.parse("all").test(disabled)).isTrue();
    assertThat(BackfillFilter.parse("status=CONFIRMED,EXTERNAL_PROVIDER").toString()).isEqualTo("status=CONFIRMED,EXTERNAL_PROVIDER");
  }

  @Test
  void filterWithAnUnknownFormOrStatusIsRefused() {
    assertThatThrownBy(() -> BackfillFilter.parse("everyone"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("syntax"));
    assertThatThrownBy(() -> BackfillFilter.parse("status=HAPPY"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("user-status"));
  }

  @Test
  void builderNamesTheMissingOrInvalidSettingBeforeAnyCall() {
    try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder().region(Region.US_EAST_1).build();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().region(Region.US_EAST_1).build()) {
      ProfileBackfill.Builder valid = ProfileBackfill.builder().cognito(cognito).userPoolId("p").dynamoDb(dynamoDb).tableName("t");

      assertThat(valid.build()).isNotNull();
      assertField(() -> ProfileBackfill.builder().userPoolId("p").dynamoDb(dynamoDb).tableName("t").build(), "cognito");
      assertField(() -> ProfileBackfill.builder().cognito(cognito).dynamoDb(dynamoDb).tableName("t").build(), "userPoolId");
      assertField(() -> ProfileBackfill.builder().cognito(cognito).userPoolId("p").tableName("t").build(), "dynamoDb");
      assertField(() -> ProfileBackfill.builder().cognito(cognito).userPoolId("p").dynamoDb(dynamoDb).build(), "tableName");
      assertField(() -> valid.pageSize(61).build(), "pageSize");
      valid.pageSize(60);
      assertField(() -> valid.requestsPerSecond(0).build(), "requestsPerSecond");
      valid.requestsPerSecond(5);
      assertField(() -> valid.writeConcurrency(65).build(), "writeConcurrency");
      valid.writeConcurrency(8);
      assertField(() -> valid.jobName("no spaces").build(), "jobName");
    }
  }

  @Test
  void dryRunCannotResume() {
    try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder().region(Region.US_EAST_1).build();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().region(Region.US_EAST_1).build()) {
      ProfileBackfill dryRun = ProfileBackfill.builder().cognito(cognito).userPoolId("p").dynamoDb(dynamoDb).tableName("t")
          .dryRun(true).build();

      assertThatThrownBy(dryRun::resume)
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("no-resume"));
    }
  }

  private static void assertField(Runnable build, String field) {
    assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}

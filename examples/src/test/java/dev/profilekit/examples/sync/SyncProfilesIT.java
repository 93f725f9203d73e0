package dev.profilekit.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@code sync-profiles} end to end on the emulators: arguments, exit codes, progress, summary. */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncProfilesIT {

  private EmulatorEnvironment env;
  private int tables;

  @BeforeAll
  void createUsers(EmulatorEnvironment env) {
    this.env = env;
    for (int i = 0; i < 3; i++) {
      env.createConfirmedUser("sync" + i + "@example.com", "Passw0rd!long", Map.of("given_name", "Sync" + i));
    }
  }

  private final class Run {
    final int exitCode;
    final String out;
    final String err;

    Run(String table, ExecutionInterceptor cognitoInterceptor, String... args) {
      this(table, cognitoInterceptor, new RequestCounter(), args);
    }

    Run(String table, ExecutionInterceptor cognitoInterceptor, ExecutionInterceptor dynamoInterceptor, String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Map<String, String> environment = Map.of(
          "PROFILEKIT_REGION", "us-east-1", "PROFILEKIT_USER_POOL_ID", env.userPoolId(), "PROFILEKIT_TABLE", table);
      SyncProfiles.Clients clients = new SyncProfiles.Clients() {
        @Override
        public CognitoIdentityProviderClient cognito(Map<String, String> ignored) {
          return cognitoInterceptor == null ? env.cognito(new RequestCounter()) : env.cognito(cognitoInterceptor);
        }

        @Override
        public DynamoDbClient dynamoDb(Map<String, String> ignored) {
          return env.dynamoDb(dynamoInterceptor);
        }
      };
      this.exitCode = SyncProfiles.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), clients);
      this.out = out.toString(StandardCharsets.UTF_8);
      this.err = err.toString(StandardCharsets.UTF_8);
    }
  }

  private String freshTable() {
    return env.createProfileTable(env.tableName() + "-" + (++tables));
  }

  private int profiles(String table) {
    return (int) env.dynamoDb().scan(b -> b.tableName(table)).items().stream()
        .filter(item -> !item.get("userId").s().startsWith("#")).count();
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    Run run = new Run("unused", null, "--help");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("Usage: sync-profiles", "--dry-run", "--resume", "--filter", "--rate", "Exit codes");
  }

  @Test
  void unknownOptionOrMissingValueExitsTwoBeforeAnyCall() {
    RequestCounter requests = new RequestCounter();

    assertThat(new Run("unused", requests, "--everything").exitCode).isEqualTo(2);
    assertThat(new Run("unused", requests, "--rate").exitCode).isEqualTo(2);
    assertThat(new Run("unused", requests, "--filter", "everyone").err).contains("Invalid filter");
    assertThat(new Run("unused", requests, "--dry-run", "--resume").exitCode).isEqualTo(2);
    assertThat(new Run("unused", requests, "--segment", "4/4").err).contains("--segment");
    assertThat(new Run("unused", requests, "--segment", "1").exitCode).isEqualTo(2);
    assertThat(requests.count()).isZero();
  }

  @Test
  void missingEnvironmentVariableIsNamed() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = SyncProfiles.run(new String[0], Map.of("PROFILEKIT_REGION", "eu-west-1"), System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8), null);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("PROFILEKIT_USER_POOL_ID");
  }

  @Test
  void syncCopiesEveryUserPrintsProgressAndASummaryThatAddsUp() {
    String table = freshTable();

    Run run = new Run(table, null);

    assertThat(run.exitCode).isZero();
    assertThat(run.err).contains("sync-profiles: 3 users (created 3");
    assertThat(run.out).contains("default: seen 3 = created 3 + already present 0 + skipped 0 + failed 0");
    assertThat(profiles(table)).isEqualTo(3);

    Run again = new Run(table, null);

    assertThat(again.exitCode).isZero();
    assertThat(again.out).contains("seen 3 = created 0 + already present 3");
  }

  @Test
  void twoSegmentsTogetherCopyEveryUserOnce() {
    String table = freshTable();

    Run first = new Run(table, null, "--segment", "0/2", "--quiet");
    Run second = new Run(table, null, "--segment", "1/2", "--quiet");

    assertThat(first.exitCode).isZero();
    assertThat(second.exitCode).isZero();
    assertThat(profiles(table)).isEqualTo(3);
    assertThat(first.out + second.out).doesNotContain("already present 1", "already present 2", "already present 3");
  }

  @Test
  void dryRunWritesNothingAndSaysWhatItWouldCreate() {
    String table = freshTable();

    Run run = new Run(table, null, "--dry-run");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("default (dry run, nothing written): seen 3 = would create 3 + already present 0")
        .doesNotContain("created");
    assertThat(run.err).contains("sync-profiles: starting ").contains("dry run")
        .contains("users (would create 3, present 0").doesNotContain("created");
    assertThat(env.dynamoDb().scan(b -> b.tableName(table)).count()).isZero();
  }

  /**
   * What docs/setup.md's local walk-through relies on: the command's own clients (not the test's)
   * follow PROFILEKIT_COGNITO_ENDPOINT and PROFILEKIT_DYNAMODB_ENDPOINT, and any credentials do.
   */
  @Test
  void theEndpointOverridesInTheEnvironmentSendEveryCallToTheEmulators() {
    String table = freshTable();
    Map<String, String> environment = Map.of(
        "PROFILEKIT_REGION", "us-east-1", "PROFILEKIT_USER_POOL_ID", env.userPoolId(), "PROFILEKIT_TABLE", table,
        "PROFILEKIT_COGNITO_ENDPOINT", env.emulators().cognitoEndpoint().toString(),
        "PROFILEKIT_DYNAMODB_ENDPOINT", env.emulators().dynamoDbEndpoint().toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // The SDK's default chain reads these before the environment: the walk-through's "any credentials do".
    String previousKey = System.setProperty("aws.accessKeyId", "local");
    String previousSecret = System.setProperty("aws.secretAccessKey", "local");
    int exit;
    try {
      exit = SyncProfiles.run(new String[] {"--quiet"}, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), new SyncProfiles.AwsClients());
    } finally {
      restore("aws.accessKeyId", previousKey);
      restore("aws.secretAccessKey", previousSecret);
    }

    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("default: seen 3 = created 3 + already present 0");
    assertThat(profiles(table)).isEqualTo(3);
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }

  @Test
  void quietPrintsOnlyTheSummary() {
    String table = freshTable();

    Run run = new Run(table, null, "--dry-run", "--quiet");

    assertThat(run.exitCode).isZero();
    assertThat(run.err).isEmpty();
    assertThat(run.out.lines().toList()).singleElement().asString().startsWith("default (dry run, nothing written): seen 3");
  }

  @Test
  void stoppedJobExitsTwoAndResumeFinishesItFromAFileCheckpoint(@TempDir Path folder) {
    String table = freshTable();
    String file = folder.resolve("sync.json").toString();

    Run stopped = new Run(table, new FailFirstListUsers(), "--checkpoint-file", file, "--job", "nightly");

    assertThat(stopped.exitCode).isEqualTo(2);
    assertThat(stopped.err).contains("stopped", "--resume");
    assertThat(profiles(table)).isZero();

    Run resumed = new Run(table, null, "--checkpoint-file", file, "--job", "nightly", "--resume");

    assertThat(resumed.exitCode).isZero();
    assertThat(resumed.out).contains("nightly: seen 3 = created 3");
    assertThat(Files.exists(Path.of(file))).isTrue();
  }

  @Test
  void userThatCannotBeCopiedExitsOneAndIsListedById() {
    String table = freshTable();
    String sub = env.cognito().adminGetUser(b -> b.userPoolId(env.userPoolId()).username("sync1@example.com"))
        .userAttributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();

    // DynamoDB refuses this one user's item as too large (see OversizedItem): the others are copied.
    Run run = new Run(table, null, new OversizedItem("sync1@example.com"), "--filter", "all");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out).contains("failed 1", "  failed " + sub + ": ", "max-item-size");
    assertThat(profiles(table)).isEqualTo(2);
  }

  /** Replaces one user's email in their profile write by 410 KB of text, which DynamoDB refuses. */
  private static final class OversizedItem implements ExecutionInterceptor {
    private final AttributeValue email;

    OversizedItem(String email) {
      this.email = AttributeValue.fromS(email);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      // The backfill's first attempt is a conditional PutItem; an item holding sign-out records takes an UpdateItem.
      if (context.request() instanceof PutItemRequest put && put.item().containsValue(email)) {
        Map<String, AttributeValue> item = new HashMap<>(put.item());
        item.replaceAll((name, value) -> value.equals(email) ? AttributeValue.fromS("x".repeat(410_000)) : value);
        return put.toBuilder().item(item).build();
      }
      if (context.request() instanceof UpdateItemRequest update && update.hasExpressionAttributeValues()
          && update.expressionAttributeValues().containsValue(email)) {
        Map<String, AttributeValue> values = new HashMap<>(update.expressionAttributeValues());
        values.replaceAll((name, value) -> value.equals(email) ? AttributeValue.fromS("x".repeat(410_000)) : value);
        return update.toBuilder().expressionAttributeValues(values).build();
      }
      return context.request();
    }
  }

  /** Fails the first ListUsers as a lost connection would. */
  private static final class FailFirstListUsers implements ExecutionInterceptor {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if ("ListUsers".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && calls.incrementAndGet() == 1) {
        throw SdkClientException.create("injected: connection lost");
      }
    }
  }
}

package dev.profilekit.aws.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.aws.backfill.BackfillSummary;
import dev.profilekit.aws.backfill.CognitoListUsersPaging;
import dev.profilekit.aws.backfill.ProfileBackfill;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link ProfileBackfill} with a {@link FaultProxy} in front of each emulator: the first run meets
 * resets, lost and cut answers, 5xx answers and latency on its writes and listings, and stops with
 * a {@link ServiceUnavailableException} when one write keeps losing its answer; the resume meets
 * faults too, and completes. Every user then has exactly one profile, and across both runs
 * dynalite applied exactly one write per user (counted in the proxy's log: {@code PutItem} or the
 * fallback's {@code UpdateItem} answered 200), though lost answers made the SDK resend some.
 *
 * <p>One write at a time ({@code writeConcurrency(1)}), so the schedule, which counts requests in
 * arrival order, meets the same requests on every run.
 */
@WithEmulators
class BackfillFaultsIT {

  private static final int USERS = 45;
  private static final int PAGE = 10;
  private static final Pattern USER_ID = Pattern.compile("\"userId\":\\{\"S\":\"([^\"]+)\"\\}");

  private final List<AutoCloseable> clients = new ArrayList<>();
  private EmulatorEnvironment env;
  private FaultProxy dynamoProxy;
  private FaultProxy cognitoProxy;

  @BeforeEach
  void start(EmulatorEnvironment env) {
    this.env = env;
    dynamoProxy = FaultProxy.to(env.emulators().dynamoDbEndpoint());
    cognitoProxy = FaultProxy.to(env.emulators().cognitoEndpoint());
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable client : clients) {
      client.close();
    }
    dynamoProxy.close();
    cognitoProxy.close();
  }

  private List<String> createUsers() {
    List<String> subs = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String email = "backfill-faults" + i + "@example.com";
      String givenName = "Given" + i;
      subs.add(env.cognito().adminCreateUser(b -> b.userPoolId(env.userPoolId()).username(email)
              .messageAction(MessageActionType.SUPPRESS)
              .userAttributes(attribute("email", email), attribute("given_name", givenName)))
          .user().attributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value());
    }
    return subs;
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  /** New clients per run, as a restarted job would have (and each with its own retry quota). */
  private ProfileBackfill backfill(String table) {
    DynamoDbClient dynamoDb = FaultClients.dynamoDb(dynamoProxy.endpoint());
    CognitoIdentityProviderClient cognito = FaultClients.cognito(cognitoProxy.endpoint(), new CognitoListUsersPaging());
    clients.add(dynamoDb);
    clients.add(cognito);
    return ProfileBackfill.builder().cognito(cognito).userPoolId(env.userPoolId()).dynamoDb(dynamoDb).tableName(table)
        .requestsPerSecond(1000).pageSize(PAGE).writeConcurrency(1).jobName("faults").build();
  }

  /**
   * Writes go round recoverable faults; writes 24 to 26 (three attempts of one user's write: the
   * first page's ten, its checkpoint, the second page's ten and checkpoint, then the third page's
   * third user) all lose their answer, which stops the run after the emulator applied the write.
   */
  private static FaultSchedule firstRun() {
    List<Fault> recoverable = List.of(Fault.pass(), Fault.resetAfterApplied(), Fault.pass(),
        Fault.answer(AwsError.DYNAMODB_INTERNAL_SERVER_ERROR), Fault.latency(Duration.ofMillis(20)), Fault.resetBeforeForwarding(),
        Fault.pass(), Fault.truncatedAfterApplied(), Fault.answerAfterApplied(AwsError.DYNAMODB_SERVICE_UNAVAILABLE));
    int[] puts = {0};
    return (index, operation) -> {
      if (!operation.equals("PutItem")) {
        return Fault.pass();
      }
      int n = puts[0]++;
      return n >= 24 && n <= 26 ? Fault.resetAfterApplied() : recoverable.get(n % recoverable.size());
    };
  }

  @Test
  void aBackfillStoppedByFaultsResumesThroughFaultsToEveryUserExactlyOnce() {
    List<String> subs = createUsers();
    String table = env.createProfileTable(env.tableName() + "-faults");

    dynamoProxy.schedule(firstRun());
    cognitoProxy.schedule(FaultSchedule.onOperation("ListUsers", Fault.pass(), Fault.resetAfterApplied(),
        Fault.answer(AwsError.COGNITO_INTERNAL_ERROR)));
    assertThatThrownBy(() -> backfill(table).run()).isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("PutItem");
    int firstRunWrites = dynamoProxy.exchanges().size();

    dynamoProxy.schedule(FaultSchedule.cycles(Map.of(
        "PutItem", List.of(Fault.pass(), Fault.pass(), Fault.resetAfterApplied(), Fault.answer(AwsError.DYNAMODB_SERVICE_UNAVAILABLE)),
        "GetItem", List.of(Fault.resetBeforeForwarding(), Fault.pass()))));
    cognitoProxy.schedule(FaultSchedule.cycles(Map.of("ListUsers", List.of(Fault.answer(AwsError.COGNITO_TOO_MANY_REQUESTS), Fault.pass()))));
    BackfillSummary resumed = backfill(table).resume();

    assertThat(resumed.completed()).isTrue();
    assertThat(resumed.seen()).isEqualTo(USERS);
    assertThat(resumed.created() + resumed.alreadyPresent()).isEqualTo(USERS);
    assertThat(resumed.failed()).isZero();
    Map<String, AttributeValue> versions = storedVersions(table);
    assertThat(versions.keySet()).containsExactlyInAnyOrderElementsOf(subs);
    assertThat(versions.values()).allSatisfy(version -> assertThat(version.n()).isEqualTo("1"));
    Map<String, Integer> applied = appliedWritesByUser(Set.copyOf(subs));
    assertThat(applied.keySet()).containsExactlyInAnyOrderElementsOf(subs);
    assertThat(applied.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
    long resent = dynamoProxy.exchanges().stream().filter(e -> e.operation().equals("PutItem") && !e.fault().kind().equals(Fault.Kind.PASS)).count();
    System.out.printf("FIGURE | backfill | %d users, pages of %d | first run stopped after %d DynamoDB requests | resume: %s | "
            + "DynamoDB requests %d (%d faulted PutItems), Cognito requests %d | applied writes per user: exactly 1%n",
        USERS, PAGE, firstRunWrites, resumed, dynamoProxy.exchanges().size(), resent, cognitoProxy.exchanges().size());
  }

  /** Each profile's version, read past the proxy; reserved ({@code #}) keys such as the checkpoint left out. */
  private Map<String, AttributeValue> storedVersions(String table) {
    Map<String, AttributeValue> versions = new HashMap<>();
    env.dynamoDb().scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
      String userId = item.get("userId").s();
      if (!userId.startsWith("#")) {
        assertThat(versions.put(userId, item.get("version"))).as("one item per user").isNull();
      }
    });
    return versions;
  }

  /** Per user, the profile writes dynalite answered 200 (PutItem or the fallback's UpdateItem), from both runs. */
  private Map<String, Integer> appliedWritesByUser(Set<String> subs) {
    Map<String, Integer> applied = new HashMap<>();
    for (FaultProxy.Exchange exchange : dynamoProxy.exchanges()) {
      boolean write = exchange.operation().equals("PutItem") || exchange.operation().equals("UpdateItem");
      if (!write || !exchange.applied()) {
        continue;
      }
      Matcher key = USER_ID.matcher(exchange.requestBody());
      while (key.find()) {
        if (subs.contains(key.group(1))) {
          applied.merge(key.group(1), 1, Integer::sum);
          break;
        }
      }
    }
    return applied;
  }
}

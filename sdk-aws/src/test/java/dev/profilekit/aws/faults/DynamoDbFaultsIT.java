package dev.profilekit.aws.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Profile reads and writes of {@link AwsUserProfileService} with a {@link FaultProxy} between the
 * SDK and dynalite, one row of {@link FaultCase#dynamoDb()} at a time: each call ends in a result
 * or a typed ProfileKit exception, within the clients' configured timeouts ({@link FaultClients});
 * and a versioned write is applied at most once, which the stored version and value prove (read
 * past the proxy) and the proxy's log confirms (how many {@code UpdateItem}s dynalite answered
 * 200).
 *
 * <p>Where the emulator applied a write and only the answer was lost, the SDK sends the same
 * {@code UpdateItem} again; its condition ({@code version = expected}) now fails, so the caller gets
 * a {@link VersionConflictException} for a write that is stored, once. The figures each row prints
 * (outcome, attempts, duration) are in {@code docs/reliability.md}.
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbFaultsIT {

  private static final String PASSWORD = "Faults-Pa55word!";

  private EmulatorEnvironment env;
  private FaultProxy proxy;
  private AwsUserProfileService direct;
  private DynamoDbClient proxied;

  @BeforeAll
  void start(EmulatorEnvironment env) {
    this.env = env;
    this.proxy = FaultProxy.to(env.emulators().dynamoDbEndpoint());
    this.direct = service(env.dynamoDb());
  }

  @AfterAll
  void stop() {
    proxy.close();
  }

  @AfterEach
  void reset() {
    proxy.reset();
    if (proxied != null) {
      proxied.close();
    }
  }

  private AwsUserProfileService service(DynamoDbClient dynamoDb) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito())
        .dynamoDb(dynamoDb)
        .userPoolId(env.userPoolId())
        .appClientId(env.appClientId())
        .tableName(env.tableName())
        .issuer(env.issuer())
        .jwksUri(env.jwksUri())
        .build();
  }

  /**
   * A service whose DynamoDB client goes through the proxy. A new client per row: the standard
   * retry strategy's retry quota is per client, so rows cannot drain it for one another.
   */
  private AwsUserProfileService faulted() {
    proxied = FaultClients.dynamoDb(proxy.endpoint());
    return service(proxied);
  }

  private VerifiedUser userWithProfile(String displayName) {
    return sessionWithProfile(displayName).user();
  }

  private AuthSession sessionWithProfile(String displayName) {
    String email = "faults+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of("given_name", "Faye"));
    AuthSession session = direct.signIn(email, PASSWORD).sessionOrThrow();
    UserProfile first = direct.updateProfile(session.user(), ProfileUpdate.builder().expectedVersion(0L).displayName(displayName).build());
    assertThat(first.version()).isEqualTo(1);
    return session;
  }

  private <T> Outcome<T> underFault(FaultCase row, String operation, String method, Supplier<T> call) {
    proxy.clearExchanges();
    proxy.schedule(row.schedule().apply(operation));
    long start = System.nanoTime();
    Outcome<T> outcome = Outcome.of(call);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // Held stalls are released only after the call: one that returned ended by its own timeout.
    if (row.stalls()) {
      assertThat(proxy.stallsHeld()).as("stalls still held when the call returned").isPositive();
    }
    // What a timeout ends in names the SDK's configured timeout, not a stall's end.
    outcome.failure().filter(e -> row.stalls() && outcome.kind() == Outcome.Kind.SERVICE_UNAVAILABLE).ifPresent(e -> assertThat(e.getCause())
        .isInstanceOfAny(ApiCallTimeoutException.class, ApiCallAttemptTimeoutException.class));
    System.out.printf("FIGURE | DynamoDB %s (%s) | %s | %s | attempts %d | %d ms (attempt timeout %d ms, call timeout %d ms)%n",
        operation, method, row.name(), outcome, proxy.exchanges(operation).size(), millis,
        FaultClients.ATTEMPT_TIMEOUT.toMillis(), FaultClients.CALL_TIMEOUT.toMillis());
    return outcome;
  }

  static List<FaultCase> rows() {
    return FaultCase.dynamoDb();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aReadOfAStoredProfileSucceedsOrFailsTyped(FaultCase row) {
    VerifiedUser user = userWithProfile("Stored");
    AwsUserProfileService service = faulted();

    Outcome<UserProfile> read = underFault(row, "GetItem", "getProfile", () -> service.getProfile(user));

    assertThat(read.kind()).isEqualTo(row.read());
    read.result().ifPresent(profile -> {
      assertThat(profile.version()).isEqualTo(1);
      assertThat(profile.displayName()).contains("Stored");
    });
    assertThat(proxy.exchanges("GetItem")).hasSizeBetween(1, FaultClients.MAX_ATTEMPTS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aVersionedWriteIsAppliedAtMostOnceAndEndsTyped(FaultCase row) {
    VerifiedUser user = userWithProfile("Before");
    AwsUserProfileService service = faulted();

    Outcome<UserProfile> write = underFault(row, "UpdateItem", "updateProfile",
        () -> service.updateProfile(user, ProfileUpdate.builder().expectedVersion(1L).displayName("After").build()));

    assertAppliedAtMostOnce(row, write, user);
  }

  /**
   * The same rows for the one-request path of an authenticated write ({@code
   * verifyAndUpdateProfile}: the token verified locally, the revocation check in the
   * {@code UpdateItem}'s condition): a refused resend is told apart from a revocation by one
   * consistent {@code GetItem} (dynalite returns no item with a failed condition), so it too ends
   * as a version conflict.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aVerifiedVersionedWriteIsAppliedAtMostOnceAndEndsTyped(FaultCase row) {
    AuthSession session = sessionWithProfile("Before");
    AwsUserProfileService service = faulted();

    Outcome<UserProfile> write = underFault(row, "UpdateItem", "verifyAndUpdateProfile", () -> service.verifyAndUpdateProfile(session.accessToken(),
        ProfileUpdate.builder().expectedVersion(1L).displayName("After").build()));

    assertAppliedAtMostOnce(row, write, session.user());
  }

  private void assertAppliedAtMostOnce(FaultCase row, Outcome<UserProfile> write, VerifiedUser user) {
    assertThat(write.kind()).isEqualTo(row.write());
    long applied = proxy.exchanges("UpdateItem").stream().filter(FaultProxy.Exchange::applied).count();
    assertThat(applied).as("UpdateItems dynalite applied").isEqualTo(row.writeApplied() ? 1 : 0);
    UserProfile stored = direct.getProfile(user);
    assertThat(stored.version()).isEqualTo(row.writeApplied() ? 2 : 1);
    assertThat(stored.displayName()).contains(row.writeApplied() ? "After" : "Before");
    write.result().ifPresent(returned -> assertThat(returned).isEqualTo(stored));
    write.failure().filter(VersionConflictException.class::isInstance).map(VersionConflictException.class::cast)
        .ifPresent(conflict -> assertThat(conflict.expectedVersion()).isEqualTo(1));
  }

  @Test
  void aFirstWriteWhoseAnswerIsLostIsStoredOnceAndReportedAsAConflictAtVersionZero() {
    String email = "faults+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of("given_name", "Faye"));
    VerifiedUser user = direct.signIn(email, PASSWORD).sessionOrThrow().user();
    AwsUserProfileService service = faulted();
    FaultCase lost = new FaultCase("reset after applied (lost response), first write", op -> FaultSchedule.onOperation(op,
        Fault.resetAfterApplied()), Outcome.Kind.SUCCESS, Outcome.Kind.VERSION_CONFLICT, true);

    Outcome<UserProfile> write = underFault(lost, "UpdateItem", "updateProfile",
        () -> service.updateProfile(user, ProfileUpdate.builder().expectedVersion(0L).displayName("First").build()));

    assertThat(write.kind()).isEqualTo(Outcome.Kind.VERSION_CONFLICT);
    assertThat(((VersionConflictException) write.failure().orElseThrow()).expectedVersion()).isZero();
    assertThat(proxy.exchanges("UpdateItem")).filteredOn(FaultProxy.Exchange::applied).hasSize(1);
    UserProfile stored = direct.getProfile(user);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.displayName()).contains("First");
  }

  @Test
  void anUnversionedPatchWhoseAnswerIsLostIsAppliedTwiceWithTheSameValues() {
    // Why versioned writes matter: without a condition on the version, the SDK's resend applies
    // the patch again. The values are set, not added to, so they end the same, but the version
    // counts two writes.
    VerifiedUser user = userWithProfile("Before");
    AwsUserProfileService service = faulted();
    FaultCase lost = new FaultCase("reset after applied (lost response), unversioned patch", op -> FaultSchedule.onOperation(op,
        Fault.resetAfterApplied()), Outcome.Kind.SUCCESS, Outcome.Kind.SUCCESS, true);

    Outcome<UserProfile> write = underFault(lost, "UpdateItem", "updateProfile",
        () -> service.updateProfile(user, ProfileUpdate.builder().displayName("After").build()));

    assertThat(write.kind()).isEqualTo(Outcome.Kind.SUCCESS);
    assertThat(proxy.exchanges("UpdateItem")).filteredOn(FaultProxy.Exchange::applied).hasSize(2);
    UserProfile stored = direct.getProfile(user);
    assertThat(stored.version()).isEqualTo(3);
    assertThat(stored.displayName()).contains("After");
  }
}

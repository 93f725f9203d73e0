package dev.profilekit.aws.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Sign-in and sign-up of {@link AwsUserProfileService} with a {@link FaultProxy} between the SDK
 * and cognito-local: each ends in a session (or a sign-up result) or a typed ProfileKit exception
 * within the Cognito client's configured timeouts ({@link FaultClients}).
 *
 * <p>Sign-up is Cognito's one write here, and it has no version to condition on: when cognito-local
 * created the user but the answer was lost, the SDK's resend is refused as {@code
 * UsernameExistsException}, so the caller gets a {@link dev.profilekit.UserAlreadyExistsException}
 * for the account its own call created. The user exists once either way (checked with ListUsers
 * past the proxy).
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CognitoFaultsIT {

  private static final String PASSWORD = "Faults-Pa55word!";
  private static final Outcome.Kind OK = Outcome.Kind.SUCCESS;
  private static final Outcome.Kind DOWN = Outcome.Kind.SERVICE_UNAVAILABLE;
  private static final Outcome.Kind EXISTS = Outcome.Kind.USER_ALREADY_EXISTS;

  /**
   * A Cognito row: the fault, and how a sign-in and a sign-up end under it.
   *
   * @param name what is injected
   * @param schedule the schedule for an operation name
   * @param signIn the outcome of a password sign-in
   * @param signUp the outcome of a sign-up
   * @param created whether the sign-up's user exists afterwards
   */
  record Row(String name, Function<String, FaultSchedule> schedule, Outcome.Kind signIn, Outcome.Kind signUp, boolean created) {
    boolean stalls() {
      return name.startsWith("stall");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private EmulatorEnvironment env;
  private FaultProxy proxy;
  private CognitoIdentityProviderClient proxied;

  @BeforeAll
  void start(EmulatorEnvironment env) {
    this.env = env;
    this.proxy = FaultProxy.to(env.emulators().cognitoEndpoint());
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

  static List<Row> rows() {
    return List.of(
        once("reset before forwarding, first attempt", Fault.resetBeforeForwarding(), OK, OK, true),
        once("reset after applied (lost response), first attempt", Fault.resetAfterApplied(), OK, EXISTS, true),
        once("stall before forwarding, first attempt", Fault.stallBeforeForwarding(), OK, OK, true),
        once("stall after applied, first attempt", Fault.stallAfterApplied(), OK, EXISTS, true),
        always("latency 300 ms, every attempt", Fault.latency(Duration.ofMillis(300)), OK, OK, true),
        once("500 InternalErrorException, first attempt", Fault.answer(AwsError.COGNITO_INTERNAL_ERROR), OK, OK, true),
        always("500 InternalErrorException, every attempt", Fault.answer(AwsError.COGNITO_INTERNAL_ERROR), DOWN, DOWN, false),
        always("400 TooManyRequestsException, every attempt", Fault.answer(AwsError.COGNITO_TOO_MANY_REQUESTS),
            Outcome.Kind.THROTTLED, Outcome.Kind.THROTTLED, false),
        always("reset before forwarding, every attempt", Fault.resetBeforeForwarding(), DOWN, DOWN, false),
        always("stall before forwarding, every attempt", Fault.stallBeforeForwarding(), DOWN, DOWN, false));
  }

  private static Row once(String name, Fault fault, Outcome.Kind signIn, Outcome.Kind signUp, boolean created) {
    return new Row(name, operation -> FaultSchedule.onOperation(operation, fault), signIn, signUp, created);
  }

  private static Row always(String name, Fault fault, Outcome.Kind signIn, Outcome.Kind signUp, boolean created) {
    return new Row(name, operation -> FaultSchedule.alwaysOn(operation, fault), signIn, signUp, created);
  }

  /** A service whose Cognito client (new per row, with its own retry quota) goes through the proxy. */
  private AwsUserProfileService faulted() {
    proxied = FaultClients.cognito(proxy.endpoint());
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(proxied)
        .dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId())
        .appClientId(env.appClientId())
        .tableName(env.tableName())
        .issuer(env.issuer())
        .jwksUri(env.jwksUri())
        .build();
  }

  private <T> Outcome<T> underFault(Row row, String operation, Supplier<T> call) {
    proxy.clearExchanges();
    proxy.schedule(row.schedule().apply(operation));
    long start = System.nanoTime();
    Outcome<T> outcome = Outcome.of(call);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (row.stalls()) {
      assertThat(proxy.stallsHeld()).as("stalls still held when the call returned").isPositive();
    }
    outcome.failure().filter(e -> row.stalls() && outcome.kind() == DOWN).ifPresent(e -> assertThat(e.getCause())
        .isInstanceOfAny(ApiCallTimeoutException.class, ApiCallAttemptTimeoutException.class));
    System.out.printf("FIGURE | Cognito %s | %s | %s | attempts %d | %d ms (attempt timeout %d ms, call timeout %d ms)%n",
        operation, row.name(), outcome, proxy.exchanges(operation).size(), millis,
        FaultClients.ATTEMPT_TIMEOUT.toMillis(), FaultClients.CALL_TIMEOUT.toMillis());
    return outcome;
  }

  private static String newEmail() {
    return "faults+" + UUID.randomUUID() + "@example.com";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aPasswordSignInEndsInASessionOrATypedError(Row row) {
    String email = newEmail();
    env.createConfirmedUser(email, PASSWORD, Map.of("given_name", "Faye"));
    AwsUserProfileService service = faulted();

    Outcome<SignInStep> signIn = underFault(row, "InitiateAuth", () -> service.signIn(email, PASSWORD));

    assertThat(signIn.kind()).isEqualTo(row.signIn());
    signIn.result().ifPresent(step -> assertThat(step.sessionOrThrow().user().email()).contains(email));
    assertThat(proxy.exchanges("InitiateAuth")).hasSizeBetween(1, FaultClients.MAX_ATTEMPTS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aSignUpCreatesTheUserAtMostOnceAndEndsTyped(Row row) {
    String email = newEmail();
    AwsUserProfileService service = faulted();

    Outcome<SignUpResult> signUp = underFault(row, "SignUp",
        () -> service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).givenName("Faye").build()));

    assertThat(signUp.kind()).isEqualTo(row.signUp());
    long users = env.cognito().listUsers(b -> b.userPoolId(env.userPoolId()).filter("email = \"" + email + "\"")).users().size();
    assertThat(users).isEqualTo(row.created() ? 1 : 0);
    assertThat(proxy.exchanges("SignUp")).filteredOn(FaultProxy.Exchange::applied).hasSizeLessThanOrEqualTo(1);
  }
}

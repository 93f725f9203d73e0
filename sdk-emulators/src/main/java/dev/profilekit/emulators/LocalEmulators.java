package dev.profilekit.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A started pair of emulators on free loopback ports: {@code dynalite} for DynamoDB and {@code
 * cognito-local} for Cognito user pools, both from the npm packages pinned in this jar, installed
 * with {@code npm ci} on first use (see {@code docs/emulators.md}).
 *
 * <p>JUnit tests get one shared pair through {@link WithEmulators}; other code (a demo, a
 * benchmark) can call {@link #start()} itself. Both emulators keep
 * their state in memory or in their own temporary folder, so every start is empty. They are
 * stopped by {@link #close()} and, as a safety net, when the JVM exits.
 *
 * <p>A pair started by another JVM can be used through {@link #attach(URI, URI)}: the same clients
 * on the same emulators, for example every fork of a benchmark talking to the one pair its parent
 * process started. Such a pair owns no process; closing it stops nothing.
 *
 * <p>cognito-local runs with two user pool triggers served by a loopback stand-in for Lambda
 * ({@code CognitoLocalTriggers}), so that its ID tokens carry every standard attribute and a
 * confirmed sign-up has a verified email, as on AWS.
 */
public final class LocalEmulators implements AutoCloseable {

  /** The region the clients are configured with; the emulators ignore it. */
  public static final Region REGION = Region.US_EAST_1;

  /** The confirmation and reset code cognito-local sends for every user (env {@code CODE}). */
  public static final String CONFIRMATION_CODE = "123456";

  private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("profilekit-test", "profilekit-test-secret"));

  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();

  private final URI dynamoDbEndpoint;
  private final URI cognitoEndpoint;
  // All three null for an attached pair: the JVM that started the processes owns them.
  private final NodeProcess dynalite;
  private final NodeProcess cognitoLocal;
  private final CognitoLocalTriggers triggers;
  private final Thread shutdownHook;

  private LocalEmulators(NodeProcess dynalite, NodeProcess cognitoLocal, CognitoLocalTriggers triggers) {
    this.dynamoDbEndpoint = dynalite.endpoint();
    this.cognitoEndpoint = cognitoLocal.endpoint();
    this.dynalite = dynalite;
    this.cognitoLocal = cognitoLocal;
    this.triggers = triggers;
    this.shutdownHook = new Thread(this::stop, "profilekit-emulators-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  private LocalEmulators(URI dynamoDbEndpoint, URI cognitoEndpoint) {
    this.dynamoDbEndpoint = dynamoDbEndpoint;
    this.cognitoEndpoint = cognitoEndpoint;
    this.dynalite = null;
    this.cognitoLocal = null;
    this.triggers = null;
    this.shutdownHook = null;
  }

  /**
   * Starts dynalite and cognito-local in parallel and waits until both answer.
   *
   * @return the running pair
   * @throws IllegalStateException when Node.js or npm is missing, {@code npm ci} fails, or an
   *     emulator does not start; the message says what to do
   */
  public static LocalEmulators start() {
    Path modules = nodeModules();
    CompletableFuture<NodeProcess> dynamo = CompletableFuture.supplyAsync(() -> NodeProcess.start(
        "dynalite",
        modules.resolve("dynalite/cli.js"),
        // Without the two zeros, tables stay CREATING/DELETING for 500 ms and waiters poll slowly.
        List.of("--host", "127.0.0.1", "--port", "{PORT}", "--createTableMs", "0", "--deleteTableMs", "0"),
        Map.of(),
        Pattern.compile("Dynalite listening at"),
        "/",
        status -> true));
    CognitoLocalTriggers triggers = new CognitoLocalTriggers();
    CompletableFuture<NodeProcess> cognito = CompletableFuture.supplyAsync(() -> NodeProcess.start(
        "cognito-local",
        modules.resolve("cognito-local/lib/bin/start.js"),
        List.of(),
        // Not PORT=0: cognito-local builds its token issuer from PORT, so it must be the real one.
        Map.of("HOST", "127.0.0.1", "PORT", "{PORT}", "CODE", CONFIRMATION_CODE),
        dir -> writeConfig(dir, triggers.cognitoLocalConfig()),
        Pattern.compile("Cognito Local running on http://127\\.0\\.0\\.1:(\\d+)"),
        "/health",
        status -> status == 200));
    try {
      LocalEmulators emulators = new LocalEmulators(dynamo.join(), cognito.join(), triggers);
      triggers.useCognito(emulators.cognitoClient());
      return emulators;
    } catch (CompletionException e) {
      // Do not leave the one that did start running.
      dynamo.thenAccept(NodeProcess::close);
      cognito.thenAccept(NodeProcess::close);
      triggers.close();
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Uses a pair of emulators another JVM started (with {@link #start()}), after checking that both
   * answer: the clients, issuers and environments of the returned pair are those of the running
   * emulators. Nothing is installed or started, and {@link #close()} stops nothing; the emulators
   * live as long as the JVM that started them, which also serves cognito-local's user pool
   * triggers. Meant for child processes of that JVM, such as benchmark forks that must all talk
   * to one emulator.
   *
   * @param dynamoDbEndpoint the running dynalite's {@link #dynamoDbEndpoint()}
   * @param cognitoEndpoint the running cognito-local's {@link #cognitoEndpoint()}
   * @return the attached pair
   * @throws IllegalStateException when an endpoint does not answer as that emulator does
   */
  public static LocalEmulators attach(URI dynamoDbEndpoint, URI cognitoEndpoint) {
    // The probes the start path uses: dynalite answers "/" with any status, cognito-local /health with 200.
    probe("dynalite", dynamoDbEndpoint, "/", status -> true);
    probe("cognito-local", cognitoEndpoint, "/health", status -> status == 200);
    return new LocalEmulators(dynamoDbEndpoint, cognitoEndpoint);
  }

  private static void probe(String name, URI endpoint, String path, IntPredicate ready) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    int status;
    try {
      status = PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("No " + name + " answers at " + endpoint + " (" + e + "); is the process that started it still running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while probing " + name + " at " + endpoint, e);
    }
    if (!ready.test(status)) {
      throw new IllegalStateException(name + " at " + endpoint + " answered " + path + " with HTTP " + status);
    }
  }

  /**
   * Tells whether this JVM started the emulators ({@link #start()}) rather than attached to them.
   *
   * @return false for a pair from {@link #attach(URI, URI)}
   */
  public boolean ownsProcesses() {
    return dynalite != null;
  }

  /**
   * Returns the {@code node_modules} folder holding the pinned dynalite and cognito-local,
   * installing them there with {@code npm ci} first if needed; for code that runs an emulator
   * with options of its own.
   *
   * @return the folder
   * @throws IllegalStateException when npm is missing or {@code npm ci} fails
   */
  public static Path nodeModules() {
    return EmulatorInstall.emulatorsDir().resolve("node_modules");
  }

  /**
   * Returns dynalite's endpoint.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI dynamoDbEndpoint() {
    return dynamoDbEndpoint;
  }

  /**
   * Returns cognito-local's endpoint; a user pool's issuer is this plus {@code /<poolId>}.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI cognitoEndpoint() {
    return cognitoEndpoint;
  }

  /**
   * Returns the issuer URL of a user pool on cognito-local, as found in its tokens' {@code iss}.
   *
   * @param userPoolId the pool id
   * @return the issuer
   */
  public URI issuer(String userPoolId) {
    return URI.create(cognitoEndpoint() + "/" + userPoolId);
  }

  /**
   * Builds a DynamoDB client for dynalite: dummy static credentials, {@link #REGION}, the SDK's
   * default HTTP client and retry policy. The caller closes it.
   *
   * @param interceptors interceptors to add, for example a request counter
   * @return the client
   */
  public DynamoDbClient dynamoDbClient(ExecutionInterceptor... interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(dynamoDbEndpoint())
        .region(REGION)
        .credentialsProvider(DUMMY_CREDENTIALS)
        .overrideConfiguration(o -> List.of(interceptors).forEach(o::addExecutionInterceptor))
        .build();
  }

  /**
   * Builds a Cognito client for cognito-local: dummy static credentials, {@link #REGION}, and no
   * retries, because cognito-local answers operations it lacks with HTTP 500 {@code Unsupported},
   * which the SDK would otherwise retry with backoff. The caller closes it.
   *
   * @param interceptors interceptors to add, for example a request counter
   * @return the client
   */
  public CognitoIdentityProviderClient cognitoClient(ExecutionInterceptor... interceptors) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(cognitoEndpoint())
        .region(REGION)
        .credentialsProvider(DUMMY_CREDENTIALS)
        .overrideConfiguration(o -> {
          o.retryStrategy(AwsRetryStrategy.doNotRetry());
          List.of(interceptors).forEach(o::addExecutionInterceptor);
        })
        .build();
  }

  /**
   * Returns the last lines the emulators printed, for diagnosing a failed test.
   *
   * @return dynalite's and cognito-local's output tails
   */
  public String logTails() {
    if (!ownsProcesses()) {
      return "(attached to " + this + ": the emulators' output is with the JVM that started them)";
    }
    return "--- dynalite ---\n" + dynalite.logTail() + "\n--- cognito-local ---\n" + cognitoLocal.logTail();
  }

  /** Stops both emulators and deletes their folders; for an attached pair, does nothing. */
  @Override
  public void close() {
    if (!ownsProcesses()) {
      return;
    }
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs stop(), which is idempotent.
    }
  }

  private synchronized void stop() {
    dynalite.close();
    cognitoLocal.close();
    triggers.close();
  }

  private static void writeConfig(Path dir, String json) {
    try {
      Path config = Files.createDirectories(dir.resolve(".cognito")).resolve("config.json");
      Files.writeString(config, json);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write cognito-local's configuration", e);
    }
  }

  @Override
  public String toString() {
    return ownsProcesses()
        ? "LocalEmulators[" + dynalite + ", " + cognitoLocal + "]"
        : "LocalEmulators[attached: dynalite@" + dynamoDbEndpoint + ", cognito-local@" + cognitoEndpoint + "]";
  }
}

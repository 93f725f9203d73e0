package dev.profilekit.benchmarks.backfill;

import dev.profilekit.emulators.LocalEmulators;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A cognito-local whose user pools are filled by writing its data file, not through the API.
 *
 * <p>Why not {@code AdminCreateUser}: cognito-local saves its whole pool file after every change,
 * so creating users is quadratic. Measured on the 2-core build machine under load: 500 users in
 * 33 s, the next 500 in 46 s, users 2,000 to 3,000 in 241 s (4 per second), which extrapolates to
 * over an hour for 10,000. Instead this class writes the pools' JSON files (cognito-local's
 * own format: users and pool options) into an empty data folder and starts cognito-local on it,
 * which loads them at start: seconds for 10,000 users. The launcher of profilekit-emulators
 * always starts from an empty folder, hence this small launcher of its own.
 *
 * <p>User {@code i} is {@code user<i>@example.com}, confirmed, with a given and a family name;
 * its {@code sub} begins with the 8-hex-digit number of its {@link #PAGE_SIZE}-user page, which
 * is how {@link PrefixPagedListUsers} pages without holding the pool in memory.
 */
public final class SeededCognitoLocal implements AutoCloseable {

  /** Users per ListUsers page: Cognito's maximum, and ProfileBackfill's default. */
  public static final int PAGE_SIZE = 60;

  private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("profilekit-bench", "profilekit-bench-secret"));
  private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private final Path dir;
  private final List<String> userPoolIds;
  private final List<Integer> users;
  private final Running running;
  private final Duration seedTime;

  private SeededCognitoLocal(Path dir, List<String> userPoolIds, List<Integer> users, Running running, Duration seedTime) {
    this.dir = dir;
    this.userPoolIds = userPoolIds;
    this.users = users;
    this.running = running;
    this.seedTime = seedTime;
  }

  /** A cognito-local process and the loopback endpoint it serves. */
  private record Running(Process process, URI endpoint) {}

  /**
   * Starts cognito-local with one user pool per entry of {@code poolSizes}, each holding that
   * many users (two process starts, whatever the number of pools).
   *
   * @param poolSizes the number of users of each pool
   * @return the running emulator
   * @throws IOException if the data folder cannot be written
   */
  public static SeededCognitoLocal start(List<Integer> poolSizes) throws IOException {
    long started = System.nanoTime();
    Path dir = Files.createTempDirectory("profilekit-bench-cognito-");
    Path db = Files.createDirectories(dir.resolve(".cognito/db"));
    List<String> poolIds = new ArrayList<>();
    String now = Instant.now().toString();
    for (int i = 0; i < poolSizes.size(); i++) {
      String poolId = String.format(Locale.ROOT, "local_Bench%04d", i);
      poolIds.add(poolId);
      // cognito-local loads every <poolId>.json of its data folder at start; these options are the
      // ones ListUsers and DescribeUserPool read (sign-up rules are not needed by a backfill).
      String options = "{\"Id\":\"" + poolId + "\",\"Name\":\"backfill-bench-" + i + "\",\"UsernameAttributes\":[\"email\"],"
          + "\"Arn\":\"arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + poolId + "\",\"CreationDate\":\"" + now
          + "\",\"LastModifiedDate\":\"" + now + "\"}";
      Files.writeString(db.resolve(poolId + ".json"), "{\"Users\":" + usersJson(poolSizes.get(i)) + ",\"Options\":" + options + "}");
    }
    Running running = launch(dir);
    SeededCognitoLocal seeded = new SeededCognitoLocal(dir, List.copyOf(poolIds), List.copyOf(poolSizes), running,
        Duration.ofNanos(System.nanoTime() - started));
    try (CognitoIdentityProviderClient cognito = client(running.endpoint())) {
      for (String poolId : poolIds) {
        cognito.describeUserPool(b -> b.userPoolId(poolId));
      }
    } catch (RuntimeException e) {
      seeded.close();
      throw new IllegalStateException("cognito-local did not load the seeded pools; see " + dir.resolve("cognito-local.log"), e);
    }
    return seeded;
  }

  /**
   * Returns the id of a seeded pool.
   *
   * @param pool the pool's index in the sizes given to {@link #start(List)}
   * @return the pool id
   */
  public String userPoolId(int pool) {
    return userPoolIds.get(pool);
  }

  /**
   * Returns how many users a pool holds.
   *
   * @param pool the pool's index
   * @return the count
   */
  public int users(int pool) {
    return users.get(pool);
  }

  /**
   * Returns how long creating the pools, writing their users and starting cognito-local took.
   *
   * @return the duration
   */
  public Duration seedTime() {
    return seedTime;
  }

  /**
   * Builds a Cognito client for this emulator, without retries, with {@link PrefixPagedListUsers}
   * so that {@code ListUsers} of the given pool pages as Cognito does. The caller closes it.
   *
   * @param pool the index of the pool the client will list
   * @param interceptors more interceptors, for example a request counter
   * @return the client
   */
  public CognitoIdentityProviderClient client(int pool, ExecutionInterceptor... interceptors) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(running.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(DUMMY_CREDENTIALS)
        .overrideConfiguration(o -> {
          o.retryStrategy(AwsRetryStrategy.doNotRetry());
          o.addExecutionInterceptor(new PrefixPagedListUsers(users.get(pool), PAGE_SIZE));
          List.of(interceptors).forEach(o::addExecutionInterceptor);
        })
        .build();
  }

  /** Stops cognito-local and deletes its folder. */
  @Override
  public void close() {
    stop(running.process());
    try (var paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
  }

  /** The sub of user {@code i}: a UUID whose first group is the number of the user's page. */
  static String sub(int i) {
    return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i / PAGE_SIZE, i);
  }

  static String email(int i) {
    return "user" + i + "@example.com";
  }

  private static String usersJson(int users) {
    String now = Instant.now().toString();
    StringBuilder out = new StringBuilder(users * 600).append('{');
    for (int i = 0; i < users; i++) {
      String sub = sub(i);
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(sub).append("\":{\"Username\":\"").append(sub).append("\",\"Password\":\"Bench-Passw0rd!\",")
          .append("\"Attributes\":[")
          .append(attribute("email", email(i))).append(',')
          .append(attribute("email_verified", "true")).append(',')
          .append(attribute("given_name", "Given" + i)).append(',')
          .append(attribute("family_name", "Bench")).append(',')
          .append(attribute("sub", sub))
          .append("],\"Enabled\":true,\"UserStatus\":\"CONFIRMED\",\"UserCreateDate\":\"").append(now)
          .append("\",\"UserLastModifiedDate\":\"").append(now).append("\",\"RefreshTokens\":[]}");
    }
    return out.append('}').toString();
  }

  private static String attribute(String name, String value) {
    return "{\"Name\":\"" + name + "\",\"Value\":\"" + value + "\"}";
  }

  private static CognitoIdentityProviderClient client(URI endpoint) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(DUMMY_CREDENTIALS)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private static Running launch(Path dir) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path script = LocalEmulators.nodeModules().resolve("cognito-local/lib/bin/start.js");
    ProcessBuilder builder = new ProcessBuilder(System.getProperty("profilekit.node", "node"), script.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cognito-local.log").toFile()));
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("PORT", Integer.toString(port));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run node: the backfill harness needs Node.js on the PATH "
          + "(or -Dprofilekit.node=/path/to/node)", e);
    }
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    try {
      awaitReady(process, endpoint, dir);
    } catch (RuntimeException e) {
      stop(process);
      throw e;
    }
    return new Running(process, endpoint);
  }

  private static void awaitReady(Process process, URI endpoint, Path dir) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("cognito-local exited; see " + dir.resolve("cognito-local.log"));
      }
      try {
        HttpResponse<Void> response = PROBE.send(HttpRequest.newBuilder(endpoint.resolve("/health"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException("cognito-local did not start within 60 s; see " + dir.resolve("cognito-local.log"));
  }

  private static void stop(Process process) {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}

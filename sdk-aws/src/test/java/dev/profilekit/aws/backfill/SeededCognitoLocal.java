package dev.profilekit.aws.backfill;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A cognito-local of its own whose user pool is filled in bulk before it starts.
 *
 * <p>Why not {@code AdminCreateUser}: cognito-local rewrites a pool's whole JSON file on every
 * user it saves, so creating n users through the API costs O(n²): 2,000 users took 75 s on an idle
 * 2-core machine and over 200 s on a busy one. Written directly, in the format cognito-local
 * itself saves (its {@code .cognito/db/<poolId>.json}), the same 2,000 users cost well under a
 * second, and everything the backfill does afterwards ({@code ListUsers}, {@code
 * DescribeUserPool}) is answered by the real emulator from that file. See docs/emulators.md.
 */
final class SeededCognitoLocal implements AutoCloseable {

  /** One user to seed. */
  record SeedUser(String sub, String email, String status, Map<String, String> attributes) {}

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path workDir;
  private final URI endpoint;

  private SeededCognitoLocal(Process process, Path workDir, URI endpoint) {
    this.process = process;
    this.workDir = workDir;
    this.endpoint = endpoint;
  }

  /**
   * Writes the pool file and starts cognito-local on a free loopback port.
   *
   * @param poolId the pool id, {@code local_...}
   * @param users the users, in the order {@code ListUsers} will return them
   * @return the running emulator
   */
  static SeededCognitoLocal start(String poolId, List<SeedUser> users) throws IOException, InterruptedException {
    Path workDir = Files.createTempDirectory("profilekit-seeded-cognito-");
    Path db = Files.createDirectories(workDir.resolve(".cognito/db"));
    Map<String, Object> byUsername = new LinkedHashMap<>();
    String created = "2024-01-20T17:18:37.273Z";
    for (SeedUser user : users) {
      List<Map<String, Object>> attributes = new java.util.ArrayList<>();
      attributes.add(attribute("sub", user.sub()));
      attributes.add(attribute("email", user.email()));
      user.attributes().forEach((name, value) -> attributes.add(attribute(name, value)));
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("Username", user.sub());
      record.put("Password", "Passw0rd!long");
      record.put("Attributes", attributes);
      record.put("Enabled", true);
      record.put("UserStatus", user.status());
      record.put("UserCreateDate", created);
      record.put("UserLastModifiedDate", created);
      record.put("RefreshTokens", List.of());
      byUsername.put(user.sub(), record);
    }
    // Options are left out: cognito-local fills them with its defaults and the file name as Id.
    Files.writeString(db.resolve(poolId + ".json"), JSONObjectUtils.toJSONString(Map.of("Users", byUsername)), StandardCharsets.UTF_8);
    Path modules = modules();
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(System.getProperty("profilekit.node", "node"),
        modules.resolve("cognito-local/lib/bin/start.js").toString())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("cognito-local.log").toFile());
    builder.environment().putAll(Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(port), "CODE", "123456"));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run node: the emulator-backed tests need Node.js 20+ on the PATH", e);
    }
    SeededCognitoLocal started = new SeededCognitoLocal(process, workDir, URI.create("http://127.0.0.1:" + port));
    started.awaitHealthy();
    return started;
  }

  private static Map<String, Object> attribute(String name, String value) {
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("Name", name);
    attribute.put("Value", value);
    return attribute;
  }

  private static Path modules() {
    String configured = System.getProperty("profilekit.emulators.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("target/emulators");
    Path modules = dir.resolve("node_modules");
    if (!Files.isRegularFile(modules.resolve("cognito-local/lib/bin/start.js"))) {
      throw new IllegalStateException("cognito-local is not installed in " + modules + ": run 'mvn verify' (it runs npm ci)");
    }
    return modules;
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("cognito-local exited: " + Files.readString(workDir.resolve("cognito-local.log")));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(50);
    }
    close();
    throw new IllegalStateException("cognito-local did not answer /health within " + START_TIMEOUT.toSeconds() + " s");
  }

  /** Builds a client without retries (cognito-local answers what it lacks with HTTP 500). */
  CognitoIdentityProviderClient client(ExecutionInterceptor... interceptors) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("profilekit-test", "profilekit-test-secret")))
        .overrideConfiguration(o -> {
          o.retryStrategy(AwsRetryStrategy.doNotRetry());
          List.of(interceptors).forEach(o::addExecutionInterceptor);
        })
        .build();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
  }
}

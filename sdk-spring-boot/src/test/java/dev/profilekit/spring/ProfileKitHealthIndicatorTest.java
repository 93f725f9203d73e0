package dev.profilekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.profilekit.testing.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The health indicator against a loopback stand-in that serves the pool's key set and answers
 * DynamoDB's {@code GetItem} as AWS does for a missing item ({@code {}}), or fails on demand.
 */
class ProfileKitHealthIndicatorTest {

  private HttpServer server;
  private volatile int jwksStatus = 200;
  private volatile int dynamoStatus = 200;
  private final AtomicInteger getItems = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/pool/.well-known/jwks.json", exchange -> answer(exchange, jwksStatus, "application/json", TestTokens.jwksJson()));
    server.createContext("/", exchange -> {
      if ("DynamoDB_20120810.GetItem".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
        getItems.incrementAndGet();
      }
      answer(exchange, dynamoStatus, "application/x-amz-json-1.0",
          dynamoStatus == 200 ? "{}" : "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"down\"}");
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void upWhenTheKeysLoadAndTheTableAnswersWithOneGetItem() {
    runner().run(context -> {
      Health health = context.getBean(ProfileKitHealthIndicator.class).health(true);

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("keys", "ok").containsEntry("tableReachable", "ok").containsEntry("table", "profiles");
      assertThat(getItems).hasValue(1);
    });
  }

  @Test
  void downWhenTheKeySetCannotBeFetched() {
    jwksStatus = 500;
    runner().run(context -> {
      Health health = context.getBean(ProfileKitHealthIndicator.class).health(true);

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("keys", "failed: ServiceUnavailableException").containsEntry("tableReachable", "ok");
    });
  }

  @Test
  void downWhenTheTableFails() {
    dynamoStatus = 500;
    runner().run(context -> {
      Health health = context.getBean(ProfileKitHealthIndicator.class).health(true);

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("keys", "ok");
      assertThat((String) health.getDetails().get("tableReachable")).startsWith("failed: ");
    });
  }

  private ApplicationContextRunner runner() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    DynamoDbClient dynamoDb = DynamoDbClient.builder()
        .endpointOverride(URI.create(base))
        .region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("health-test", "health-secret")))
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
        .build();
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ProfileKitAutoConfiguration.class, ProfileKitHealthAutoConfiguration.class))
        .withBean(DynamoDbClient.class, () -> dynamoDb)
        .withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=eu-west-1_HealthPl1", "profilekit.client-id=app-client",
            "profilekit.table-name=profiles", "profilekit.issuer=" + base + "/pool");
  }

  private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (exchange) {
      exchange.getResponseBody().write(bytes);
    }
  }
}

package dev.profilekit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.aws.jwt.TokenRevocations;
import dev.profilekit.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code profilekit.jwks.fetch} counts the requests the starter's verifier makes to a loopback key
 * endpoint (serving the test pool's key set, or failing with 500), not its cache hits; without
 * Micrometer the verifier works the same and nothing is counted.
 */
class KeySetFetchCounterTest {

  private HttpServer server;
  private volatile int status = 200;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/pool/.well-known/jwks.json", this::keys);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/pool";
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ProfileKitAutoConfiguration.class, ProfileKitMetricsAutoConfiguration.class))
        // Revocations answer "never signed out" without DynamoDB: this test is about the keys.
        .withBean(TokenRevocations.class, () -> userId -> Optional.empty())
        .withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=eu-west-1_FetchPl1", "profilekit.client-id=app-client",
            "profilekit.table-name=profiles", "profilekit.issuer=" + issuer());
  }

  private double fetches(MeterRegistry registry, String outcome) {
    var counter = registry.find("profilekit.jwks.fetch").tag("outcome", outcome).counter();
    return counter == null ? -1 : counter.count();
  }

  @Test
  void countsEachRequestOfTheKeySetAndNoCacheHit() {
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertThat(context).hasNotFailed();
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      CognitoTokenVerifier verifier = context.getBean(CognitoTokenVerifier.class);
      TestTokens tokens = TestTokens.forUserPool(issuer(), "app-client");

      verifier.prewarm();
      verifier.verify(tokens.accessToken("user-1").sign());
      verifier.verify(tokens.accessToken("user-2").sign());

      assertThat(requests).hasValue(1);
      assertThat(fetches(registry, "ok")).isEqualTo(1.0);
      assertThat(fetches(registry, "failed")).isZero();
    });
  }

  @Test
  void countsAFailedRequestAsFailed() {
    status = 500;
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);

      assertThatThrownBy(() -> context.getBean(CognitoTokenVerifier.class).prewarm()).isInstanceOf(ServiceUnavailableException.class);

      assertThat(requests).hasValue(1);
      assertThat(fetches(registry, "failed")).isEqualTo(1.0);
      assertThat(fetches(registry, "ok")).isZero();
    });
  }

  @Test
  void withoutMicrometerTheVerifierFetchesAndVerifiesAndNothingFails() {
    runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(ProfileKitMetrics.class);
      CognitoTokenVerifier verifier = context.getBean(CognitoTokenVerifier.class);

      assertThat(verifier.verify(TestTokens.forUserPool(issuer(), "app-client").accessToken("user-1").sign()).userId())
          .isEqualTo("user-1");
      assertThat(requests).hasValue(1);
    });
  }

  @Test
  void withMicrometerButNoRegistryBeanNothingIsCounted() {
    runner().run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(ProfileKitMetrics.class);
      context.getBean(CognitoTokenVerifier.class).prewarm();
      assertThat(requests).hasValue(1);
    });
  }

  private void keys(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    byte[] bytes = TestTokens.jwksJson().getBytes(StandardCharsets.UTF_8);
    try (exchange) {
      if (status != 200) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}

package dev.profilekit.emulators;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * A loopback stand-in for AWS Lambda that cognito-local calls as its user pool triggers, to make
 * two of its answers match AWS:
 *
 * <ul>
 *   <li>{@code PreTokenGeneration}: cognito-local puts only {@code email}, {@code email_verified}
 *       and {@code custom:*} attributes into ID tokens; AWS puts every readable attribute there
 *       ({@code name}, {@code given_name}, {@code family_name}, {@code picture}, {@code locale}...).
 *       This trigger adds the missing ones from the event's {@code userAttributes}.
 *   <li>{@code PostConfirmation}: AWS marks the email verified when a sign-up is confirmed with
 *       the code sent to it; cognito-local does not. This trigger sets {@code email_verified} with
 *       {@code AdminUpdateUserAttributes}.
 * </ul>
 *
 * <p>It speaks the Lambda {@code Invoke} API ({@code POST /2015-03-31/functions/<name>/invocations})
 * and is wired in through cognito-local's own {@code .cognito/config.json} ({@code LambdaClient}
 * endpoint, {@code TriggerFunctions}). Listed in {@code docs/emulators.md}.
 */
final class CognitoLocalTriggers implements AutoCloseable {

  /** Claims the ID token already has or that AWS never copies from attributes. */
  private static final Set<String> NOT_COPIED = Set.of("sub", "email", "email_verified", "cognito:user_status");

  private final HttpServer server;
  private final ExecutorService executor;
  private volatile CognitoIdentityProviderClient cognito;

  CognitoLocalTriggers() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the loopback Lambda for cognito-local", e);
    }
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread thread = new Thread(r, "cognito-local-triggers");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The {@code .cognito/config.json} that points cognito-local's triggers here. */
  String cognitoLocalConfig() {
    Map<String, Object> lambda = new LinkedHashMap<>();
    lambda.put("endpoint", "http://127.0.0.1:" + server.getAddress().getPort());
    lambda.put("region", "us-east-1");
    lambda.put("credentials", Map.of("accessKeyId", "local", "secretAccessKey", "local"));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("LambdaClient", lambda);
    config.put("TriggerFunctions", Map.of("PreTokenGeneration", "PreTokenGeneration", "PostConfirmation", "PostConfirmation"));
    return JSONObjectUtils.toJSONString(config);
  }

  /** Gives the triggers a client of cognito-local, once it runs. */
  void useCognito(CognitoIdentityProviderClient client) {
    this.cognito = client;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, Object> event;
      try {
        event = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      } catch (ParseException e) {
        send(exchange, 400, "{\"message\":\"bad event\"}");
        return;
      }
      Map<String, Object> response = new LinkedHashMap<>();
      if (path.contains("/functions/PreTokenGeneration/")) {
        response.put("claimsOverrideDetails", Map.of("claimsToAddOrOverride", missingClaims(event)));
      } else if (path.contains("/functions/PostConfirmation/")
          && "PostConfirmation_ConfirmSignUp".equals(event.get("triggerSource"))) {
        verifyEmail(event);
      }
      Map<String, Object> answer = new LinkedHashMap<>(event);
      answer.put("response", response);
      send(exchange, 200, JSONObjectUtils.toJSONString(answer));
    } catch (RuntimeException e) {
      // A Lambda error status would make cognito-local's SDK retry for seconds: answer at once with
      // Lambda's own error shape, which cognito-local reports as a trigger failure.
      exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
      send(exchange, 200, "{\"errorMessage\":\"trigger failed: " + e.getClass().getSimpleName() + "\"}");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> missingClaims(Map<String, Object> event) {
    Map<String, Object> request = (Map<String, Object>) event.getOrDefault("request", Map.of());
    Map<String, Object> attributes = (Map<String, Object>) request.getOrDefault("userAttributes", Map.of());
    Map<String, Object> claims = new LinkedHashMap<>();
    attributes.forEach((name, value) -> {
      if (!NOT_COPIED.contains(name) && !name.startsWith("custom:") && value instanceof String) {
        claims.put(name, value);
      }
    });
    return claims;
  }

  @SuppressWarnings("unchecked")
  private void verifyEmail(Map<String, Object> event) {
    Map<String, Object> request = (Map<String, Object>) event.getOrDefault("request", Map.of());
    Map<String, Object> attributes = (Map<String, Object>) request.getOrDefault("userAttributes", Map.of());
    CognitoIdentityProviderClient client = cognito;
    if (client == null || !attributes.containsKey("email") || "true".equals(attributes.get("email_verified"))) {
      return;
    }
    client.adminUpdateUserAttributes(b -> b
        .userPoolId((String) event.get("userPoolId"))
        .username((String) event.get("userName"))
        // cognito-local wants the email in the same request as its verified flag.
        .userAttributes(
            AttributeType.builder().name("email").value((String) attributes.get("email")).build(),
            AttributeType.builder().name("email_verified").value("true").build()));
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    CognitoIdentityProviderClient client = cognito;
    if (client != null) {
      client.close();
    }
  }
}

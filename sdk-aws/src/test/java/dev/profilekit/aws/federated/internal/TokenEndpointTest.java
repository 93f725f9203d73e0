package dev.profilekit.aws.federated.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the token endpoint client puts into its exceptions when the endpoint misbehaves. */
class TokenEndpointTest {

  private static final String CLIENT_ID = "echoclient";
  private static final String CLIENT_SECRET = "s3cr3tClientSecretValue";
  private static final String CODE = "authCode0123456789";
  private static final String VERIFIER = "pkceVerifier0123456789abcdefghijklmnopqrstuvwxyz";

  private HttpServer server;
  private String answer;
  private int status;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // A hostile endpoint that reflects the request (body and Authorization header) into its answer.
    server.createContext("/oauth2/token", exchange -> {
      String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
          + " " + exchange.getRequestHeaders().getFirst("Authorization");
      byte[] body = answer.replace("ECHO", request.replace("\"", "")).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aTokenTypeEchoingTheRequestPutsNoSecretIntoTheMessage() {
    status = 200;
    answer = "{\"id_token\":\"a.b.c\",\"access_token\":\"d.e.f\",\"token_type\":\"ECHO\"}";

    assertNoSecretIn(assertThatThrownBy(this::exchange)
        .isInstanceOfSatisfying(TokenEndpointException.class, e -> assertThat(e.kind()).isEqualTo(TokenEndpointException.Kind.INVALID_RESPONSE))
        .hasMessageContaining("token_type"));
  }

  @Test
  void anErrorEchoingTheRequestIsReportedAsInvalidTokenResponse() {
    status = 400;
    answer = "{\"error\":\"ECHO\",\"error_description\":\"ECHO\"}";

    assertNoSecretIn(assertThatThrownBy(this::exchange)
        .isInstanceOfSatisfying(TokenEndpointException.class, e -> assertThat(e.error()).isEqualTo("invalid_token_response")));
  }

  private static void assertNoSecretIn(org.assertj.core.api.AbstractThrowableAssert<?, ?> thrown) {
    String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    thrown.hasMessageNotContaining(CODE).hasMessageNotContaining(VERIFIER).hasMessageNotContaining(CLIENT_SECRET)
        .hasMessageNotContaining(basic);
  }

  private TokenResponse exchange() throws TokenEndpointException {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token");
    TokenEndpoint endpoint = new TokenEndpoint(HttpClient.newHttpClient(), uri, CLIENT_ID, Optional.of(CLIENT_SECRET), Duration.ofSeconds(5));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", CODE);
    form.put("code_verifier", VERIFIER);
    return endpoint.post(form);
  }
}

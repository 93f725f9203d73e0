package dev.profilekit.examples.spring;

import static dev.profilekit.examples.spring.ProfileApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestTokens;
import dev.profilekit.testing.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example over real HTTP on the in-memory service: the three properties and {@code
 * profilekit-testing} on the test classpath are all it takes. The same answers as {@code
 * ProfileHttpServiceTest} gives for the JDK server.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
        "profilekit.user-pool-id=us-east-1_SpringEx1",
        "profilekit.client-id=spring-example",
        "profilekit.table-name=profiles"})
class ProfileApplicationTest {

  @LocalServerPort int port;
  @Autowired InMemoryUserProfileService fake;
  @Autowired TestTokens tokens;

  private ProfileApiClient api;
  private SeededUser ada;
  private String token;

  @BeforeEach
  void signIn() {
    api = new ProfileApiClient(port);
    ada = fake.seed(TestUsers.email("ada-" + System.nanoTime() + "@example.com").givenName("Ada").familyName("Lovelace"));
    token = tokens.validAccessToken(ada);
  }

  @Test
  void healthzAndActuatorHealthAnswerWithoutAToken() throws Exception {
    assertThat(json(api.get("/healthz", null))).containsEntry("status", "ok");
    assertThat(api.get("/actuator/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void readEditConflictAndRefusals() throws Exception {
    HttpResponse<String> read = api.get("/me/profile", token);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
    assertThat(read.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(json(read)).containsEntry("userId", ada.userId()).containsEntry("source", "FALLBACK");

    HttpResponse<String> edit = api.patch(token, "application/merge-patch+json", "\"0\"",
        "{\"displayName\":\"Ada L.\",\"customFields\":{\"year\":1843}}");
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(edit.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(json(edit)).containsEntry("source", "STORED").containsEntry("displayName", "Ada L.");

    HttpResponse<String> stale = api.patch(token, "application/json", "\"0\"", "{\"displayName\":\"Countess\"}");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(json(stale)).containsEntry("error", "version_conflict").containsEntry("currentVersion", 1L);

    HttpResponse<String> admin = api.patch(token, "application/json", "\"1\"", "{\"subscription\":{\"plan\":\"pro\",\"status\":\"ACTIVE\"}}");
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(json(admin)).containsEntry("error", "forbidden_field");

    HttpResponse<String> invalid = api.patch(token, "application/json", "\"1\"", "{\"email\":\"eve@example.com\"}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid)).containsEntry("field", "email").containsEntry("rule", "read-only");

    assertThat(api.patch(token, "text/plain", "\"1\"", "{}").statusCode()).isEqualTo(415);
    assertThat(api.patch(token, "application/json", "1", "{}").statusCode()).isEqualTo(400);
    assertThat(api.patch(token, "application/json", "\"1\"", "[1,2").statusCode()).isEqualTo(400);
    assertThat(api.patch(token, "application/json", "\"1\"", "{\"displayName\":\"" + "x".repeat(200_000) + "\"}").statusCode())
        .isEqualTo(413);

    assertThat(json(api.get("/me/profile", token))).containsEntry("displayName", "Ada L.").containsEntry("version", 1L);
  }

  @Test
  void missingAndRejectedTokensGet401WithTheReason() throws Exception {
    HttpResponse<String> none = api.get("/me/profile", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));

    HttpResponse<String> expired = api.get("/me/profile", tokens.accessToken(ada).expired().sign());
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("error=\"invalid_token\"").contains("error_description=\"expired\""));

    HttpResponse<String> idToken = api.get("/me/profile", tokens.validIdToken(ada));
    assertThat(idToken.statusCode()).isEqualTo(401);
    assertThat(idToken.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("error_description=\"wrong token use\""));
  }
}
